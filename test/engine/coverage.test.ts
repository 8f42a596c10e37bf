// The measure matcher: which item covers which measure, and the evidence.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type CoverageResult, type MeasuresSchema } from 'gongwen-server';
import { joinLines } from '../helpers.js';
import { schemaOf } from '../schema-helpers.js';

const cover = (text: string, yaml: string): CoverageResult => {
  const r = analyze(text, { schema: schemaOf(yaml) });
  assert.ok(r.coverage, 'coverage');
  return r.coverage;
};
const markerOf = (c: CoverageResult, id: string) => c.measures.find((m) => m.id === id)?.item?.marker ?? '-';
const one = (any: string, extra = '') => `measures:\n  - id: m\n    title: 措施\n    any: ${any}\n${extra}`;

describe('measure coverage', () => {
  it('is absent without a schema', () => {
    assert.equal(analyze('一要加强领导；二要压实责任。').coverage, undefined);
  });

  it('is plain data (serializable, no cycles), with counts', () => {
    const c = cover(joinLines('一要加强领导。', '', '二要压实责任。', ''), one('[领导]'));
    assert.doesNotThrow(() => JSON.stringify(c));
    assert.deepEqual(c.summary, { total: 1, required: 1, covered: 1, requiredCovered: 1, missingRequired: 0 });
    assert.deepEqual(c.enumeration && [c.enumeration.id, c.enumeration.style, c.enumeration.itemCount], ['E1', 'N要', 2]);
  });

  describe('normalization', () => {
    const yaml = one('[核酸检测, "PCR检测", "人、物同防", "“应检尽检”"]');
    const cases: Array<[string, string]> = [
      ['full-width letters (ＰＣＲ检测)', '一要压实责任。\n\n二要开展ＰＣＲ检测。\n'],
      ['lower-case letters (pcr检测)', '一要压实责任。\n\n二要开展pcr检测。\n'],
      ['emphasis inside the keyword (**核酸**检测)', '一要压实责任。\n\n二要开展**核酸**检测。\n'],
      ['a line break inside the keyword', '一要开展核酸\n检测。\n\n二要压实责任。\n'],
      ['a comma written for 、 (人,物同防)', '一要压实责任。\n\n二要坚持人,物同防。\n'],
      ['half-width quotes for “” ("应检尽检")', '一要压实责任。\n\n二要做到"应检尽检"。\n'],
    ];
    for (const [name, text] of cases) {
      it(`matches ${name}`, () => assert.equal(markerOf(cover(text, yaml), 'm'), text.startsWith('一要开展') ? '一要' : '二要'));
    }

    it('does not match across clause punctuation (核酸，检测)', () => {
      assert.equal(markerOf(cover('一要压实责任。\n\n二要开展核酸，检测。\n', one('[核酸检测]')), 'm'), '-');
    });

    it('does not match inside an HTML comment', () => {
      assert.equal(markerOf(cover('一要压实责任。\n\n二要强化保障。<!-- 核酸检测 -->\n', one('[核酸检测]')), 'm'), '-');
    });
  });

  describe('weighing the evidence', () => {
    it('prefers the item whose head has the keyword over one whose body has it', () => {
      const c = cover(joinLines('一要压实责任。配合核酸检测工作。', '', '二要加强核酸检测。', ''), one('[核酸检测]'));
      assert.equal(markerOf(c, 'm'), '二要');
      assert.deepEqual(c.measures[0].evidence.map((e) => [e.term, e.zone, e.weight]), [['核酸检测', 'head', 1]]);
    });

    it('counts a keyword in a child item’s head (0.7), and points at it', () => {
      const text = joinLines('## 一、会议安排', '', '## 二、参会人员', '', '（一）县委、县政府相关领导；', '', '（二）部分重点企业主要负责人。', '');
      const c = cover(text, one('[重点企业]'));
      assert.equal(markerOf(c, 'm'), '二、');
      const [e] = c.measures[0].evidence;
      assert.deepEqual([e.zone, e.weight, e.ranges[0].start.line, e.ranges[0].start.character], ['child-head', 0.7, 6, 5]);
    });

    it('counts one body mention of a term no other item uses (0.5, enough)', () => {
      const c = cover(joinLines('一要压实责任。', '', '二要强化源头预警。推广抗原筛查。', ''), one('[抗原]'));
      assert.equal(markerOf(c, 'm'), '二要');
      assert.equal(c.measures[0].score, 0.5);
    });

    it('divides body evidence by the number of items that mention the term', () => {
      const c = cover(joinLines('一要压实责任。配合核酸检测。', '', '二要强化保障。做好核酸检测。', ''), one('[核酸检测]'));
      assert.equal(markerOf(c, 'm'), '-');
      assert.equal(c.measures[0].score, 0.25);
      assert.equal(c.measures[0].evidence[0].itemsMentioning, 2);
    });

    it('discounts a body mention in an item whose head is about another measure (a passing mention)', () => {
      const yaml = 'measures:\n  - {id: t, title: 核酸检测, any: [核酸检测]}\n  - {id: e, title: 应急处置, any: [应急处置]}\n';
      const text = joinLines('一要压实责任。', '', '二要强化应急处置。开展隔离管控、核酸检测等应急措施。', '');
      const c = cover(text, yaml);
      assert.equal(markerOf(c, 't'), '-');
      assert.equal(c.measures[0].score, 0.2);
      // The same sentence in an item about nothing in the schema counts.
      assert.equal(markerOf(cover(joinLines('一要压实责任。', '', '二要强化保障。开展隔离管控、核酸检测等应急措施。', ''), yaml), 't'), '二要');
    });

    it('accumulates several body mentions', () => {
      const yaml = 'measures:\n  - {id: t, title: 检测, any: [核酸检测, 抗原, 抽检]}\n  - {id: e, title: 应急处置, any: [应急处置]}\n';
      const c = cover(joinLines('一要压实责任。', '', '二要强化应急处置。做好核酸检测、抗原筛查和适时抽检。', ''), yaml);
      assert.equal(markerOf(c, 't'), '二要');
      assert.equal(c.measures[0].score, 0.6);
    });

    it('requires every `all` term in the covering item, and reports what the closest item lacks', () => {
      const yaml = one('[核酸检测]', '    all: [频次, 抽检]\n');
      const c = cover(joinLines('一要加强核酸检测，加密频次。', '', '二要压实责任，适时抽检。', ''), yaml);
      assert.equal(markerOf(c, 'm'), '-');
      assert.deepEqual(c.measures[0].nearest && [c.measures[0].nearest.item.marker, c.measures[0].nearest.missingAll], ['一要', ['抽检']]);
      assert.equal(markerOf(cover(joinLines('一要加强核酸检测，加密频次，适时抽检。', '', '二要压实责任。', ''), yaml), 'm'), '一要');
    });

    it('needs an `any` term as well when the measure has some: `all` alone does not cover', () => {
      const c = cover(joinLines('一要压实责任，加密频次。', '', '二要强化保障。', ''), one('[核酸检测]', '    all: [频次]\n'));
      assert.equal(markerOf(c, 'm'), '-');
    });

    it('covers with `all` terms alone when the measure has nothing else', () => {
      const c = cover(joinLines('一要压实责任，加密检测频次。', '', '二要强化保障。', ''), 'measures:\n  - {id: m, title: 频次, all: [检测, 频次]}\n');
      assert.equal(markerOf(c, 'm'), '一要');
    });

    it('matches patterns case-insensitively on the normalized text, as evidence with its range', () => {
      const c = cover(joinLines('一要压实责任。', '', '二要在８月２４日前完成ＰＣＲ筛查。', ''), 'measures:\n  - {id: m, title: 日期, patterns: ["\\\\d+月\\\\d+日前", "pcr"]}\n');
      assert.equal(markerOf(c, 'm'), '二要');
      assert.deepEqual(
        c.measures[0].evidence.map((e) => [e.kind, e.zone, e.ranges[0].start.character, e.ranges[0].end.character]),
        [
          ['pattern', 'head', 3, 9],
          ['pattern', 'head', 11, 14],
        ],
      );
    });

    it('takes the schema’s threshold', () => {
      const text = joinLines('一要压实责任。', '', '二要强化保障。推广抗原筛查。', '');
      assert.equal(markerOf(cover(text, `threshold: 0.8\n${one('[抗原]')}`), 'm'), '-');
      assert.equal(markerOf(cover(text, `threshold: 0.3\n${one('[抗原]')}`), 'm'), '二要');
    });

    it('keeps evidence ranges in UTF-16 code units after astral characters', () => {
      const c = cover(joinLines('一要压实责任。', '', '二要𠀀𠀀加强核酸检测。', ''), one('[核酸检测]'));
      const r = c.measures[0].evidence[0].ranges[0];
      assert.deepEqual([r.start.line, r.start.character, r.end.character], [2, 8, 12]);
    });
  });

  describe('sub-requirements', () => {
    const yaml = one('[核酸检测]', '    requirements:\n      - {id: f, title: 频次, any: [频次]}\n      - {id: a, title: 抗原, any: [抗原], required: false}\n');

    it('are checked inside the covering item, children included', () => {
      const c = cover(joinLines('一要加强核酸检测。加密频次。', '', '二要压实责任。推广抗原。', ''), yaml);
      assert.deepEqual(c.measures[0].requirements.map((r) => [r.id, r.covered, r.required]), [
        ['f', true, true],
        ['a', false, false],
      ]);
      assert.equal(c.measures[0].status, 'covered');
    });

    it('make a measure partial when a required one is missing', () => {
      const c = cover(joinLines('一要加强核酸检测。', '', '二要压实责任。', ''), yaml);
      assert.equal(c.measures[0].status, 'partial');
      assert.equal(c.measures[0].covered, true);
    });
  });

  describe('which enumeration a schema checks (applies-to)', () => {
    const text = joinLines(
      '# 通知',
      '',
      '## 一、总体要求',
      '',
      '会议要求，一是提高认识；二是加强领导。',
      '',
      '## 二、重点工作',
      '',
      '重点抓好三个方面工作：',
      '',
      '（一）加强核酸检测。',
      '',
      '（二）强化应急处置。',
      '',
      '（三）做好宣传引导。',
      '',
    );
    const id = (yaml: string) => cover(text, yaml).enumeration?.id;

    it('defaults to the enumeration bound to an announced count', () => {
      assert.equal(id(one('[核酸检测]')), 'E1.2');
    });

    it('falls back to the largest top-level enumeration without an announcement, or with announced: false', () => {
      assert.equal(id(`applies-to: {announced: false}\n${one('[核酸检测]')}`), 'E1');
      const two = joinLines('## 甲', '', '一要加强领导；二要压实责任。', '', '## 乙', '', '（一）甲方；（二）乙方；（三）丙方。', '');
      assert.equal(cover(two, one('[甲方]')).enumeration?.id, 'E2');
    });

    it('selects by heading text or by marker style', () => {
      assert.equal(id(`applies-to: {heading: 总体要求}\n${one('[领导]')}`), 'E1.1');
      assert.equal(id(`applies-to: {style: N是}\n${one('[领导]')}`), 'E1.1');
      assert.equal(id(`applies-to: {style: "(N)"}\n${one('[领导]')}`), 'E1.2');
    });

    it('is null when nothing matches, and every measure is then missing', () => {
      const c = cover(text, `applies-to: {heading: 保障措施}\n${one('[核酸检测]')}`);
      assert.equal(c.enumeration, null);
      assert.equal(c.summary.missingRequired, 1);
    });
  });

  describe('robustness', () => {
    const word = fc.constantFrom('核酸检测', '抗原', '形势研判', '应急处置', '𠀀', '频次', '', ' ', '，', '*', '(', ')');
    const piece = fc.constantFrom('一要', '二要', '三要', '（一）', '（二）', '## 一、', '\n\n', '。', '；', '<!-- 核酸 -->', '**', '\r\n', '核酸', '检测', '抗原', '重点抓好三个方面工作', '𠀀', '1. ', '- ');
    const measure = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      title: fc.constantFrom('甲', ''),
      any: fc.array(word, { maxLength: 3 }),
      all: fc.array(word, { maxLength: 2 }),
      patterns: fc.array(fc.constantFrom('核酸.?检测', '(a+)+$', '(', '', 'x*'), { maxLength: 2 }),
      required: fc.boolean(),
      requirements: fc.constant([]),
    });

    it('never throws, and always returns coverage, for any draft and any (even unvalidated) schema', () => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), fc.array(measure, { maxLength: 4 }), fc.constantFrom('free', 'strict'), (parts, measures, order) => {
          const schema = { appliesTo: { announced: true }, order, measures } as unknown as MeasuresSchema;
          const r = analyze('会议强调，重点工作如下。' + parts.join(''), { schema, rules: { 'uncovered-item': 'info' } });
          return r.errors.length === 0 && (r.skipped === true || r.coverage !== undefined);
        }),
        { numRuns: 300 },
      );
    });
  });
});
