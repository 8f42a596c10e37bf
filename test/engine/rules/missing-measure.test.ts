import assert from 'node:assert/strict';
import { analyze } from 'gongwen-server';
import { findingsOf, joinLines } from '../../helpers.js';
import { ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';
import { seedWithout, withSchema } from '../../schema-helpers.js';

const RULE = 'missing-measure';

const TWO = withSchema(`
measures:
  - id: situation
    title: 加强形势研判
    any: [形势研判, 底线意识]
  - id: testing
    title: 加强核酸检测
    any: [核酸检测, 抗原]
`);

const WITH_OPTIONAL = withSchema(`
measures:
  - { id: situation, title: 加强形势研判, any: [形势研判] }
  - { id: vaccination, title: 疫苗接种, any: [疫苗接种], required: false }
`);

const WITH_ALL = withSchema(`
measures:
  - id: testing
    title: 加强核酸检测
    any: [核酸检测]
    all: [频次]
`);

const WITH_SUB = withSchema(`
measures:
  - id: testing
    title: 加强核酸检测
    any: [核酸检测]
    requirements:
      - { id: frequency, title: 明确抽测频次, any: [频次] }
      - { id: antigen, title: 抗原筛查, any: [抗原], required: false }
`);

const valid: ValidCase[] = [
  {
    name: 'a draft whose items cover both measures in their heads',
    text: joinLines('会议强调，重点抓好两个方面工作。', '', '一要加强形势研判，强化底线意识。', '', '二要加强核酸检测，强化源头预警。', ''),
    options: TWO,
  },
  {
    name: 'a measure covered only in an item’s body, by a term no other item uses',
    text: joinLines('一要加强形势研判，强化底线意识。', '', '二要强化源头预警。推广抗原筛查。', ''),
    options: TWO,
  },
  {
    name: 'keywords written in half-width punctuation and full-width letters (normalized)',
    text: joinLines('一要加强形势研判,强化底线意识。', '', '二要加强核酸检测（ＰＣＲ），强化源头预警。', ''),
    options: withSchema(`
measures:
  - { id: situation, title: 加强形势研判, any: [形势研判] }
  - { id: testing, title: 加强核酸检测, any: ["核酸检测(pcr)"] }
`),
  },
  {
    name: 'an optional measure that no item covers',
    text: joinLines('一要加强形势研判。', '', '二要压实责任。', ''),
    options: WITH_OPTIONAL,
  },
  {
    name: 'a measure whose covering item has every `all` term',
    text: joinLines('一要加强核酸检测，加密抽测频次。', '', '二要压实责任。', ''),
    options: WITH_ALL,
  },
  {
    name: 'a covering item with its required sub-requirement (the optional one absent)',
    text: joinLines('一要加强核酸检测，加密抽测频次。', '', '二要压实责任。', ''),
    options: WITH_SUB,
  },
  {
    name: 'a draft with no schema at all (the rule does not run)',
    text: joinLines('一要压实责任。', '', '二要强化保障。', ''),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a measure no item mentions, at the announcement',
    text: joinLines('会议强调，重点抓好两个方面工作。', '', '一要加强形势研判，强化底线意识。', '', '二要压实责任。', ''),
    expected: ['missing-measure@1:10'],
    options: TWO,
  },
  {
    name: 'a measure no item mentions, at the first marker when nothing is announced',
    text: joinLines('一要加强形势研判，强化底线意识。', '', '二要压实责任。', ''),
    expected: ['missing-measure@1:1'],
    options: TWO,
  },
  {
    name: 'a passing mention in the body of an item whose head is about another measure',
    text: joinLines('一要加强形势研判，强化底线意识。', '', '二要加强业务培训。确保第一时间开展隔离管控、核酸检测等应急措施。', ''),
    expected: ['missing-measure@1:1'],
    options: withSchema(`
measures:
  - { id: situation, title: 加强形势研判, any: [形势研判] }
  - { id: testing, title: 加强核酸检测, any: [核酸检测] }
  - { id: training, title: 加强业务培训, any: [业务培训] }
`),
  },
  {
    name: 'a body mention of a term that several items use',
    text: joinLines('一要压实责任。做好核酸检测点管理。', '', '二要强化保障。配合核酸检测。', ''),
    expected: ['missing-measure@1:1'],
    options: withSchema(`
measures:
  - { id: testing, title: 加强核酸检测, any: [核酸检测] }
`),
  },
  {
    name: 'an item that mentions the measure but lacks an `all` term',
    text: joinLines('一要加强核酸检测。', '', '二要压实责任。', ''),
    expected: ['missing-measure@1:1'],
    options: WITH_ALL,
  },
  {
    name: 'a covering item without its required sub-requirement, at that item',
    text: joinLines('一要压实责任。', '', '二要加强核酸检测，推广抗原筛查。', ''),
    expected: ['missing-measure@3:1'],
    options: WITH_SUB,
  },
  {
    name: 'a draft with no enumeration, at the start of the body',
    text: joinLines('各校要高度重视。', ''),
    expected: ['missing-measure@1:1', 'missing-measure@1:1'],
    options: TWO,
  },
  {
    name: 'a missing measure after an astral character, with the column in UTF-16 code units',
    text: joinLines('𠀀𠀀会议强调，重点抓好两个方面工作。', '', '一要加强形势研判。', '', '二要压实责任。', ''),
    expected: ['missing-measure@1:14'],
    options: TWO,
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  describe('messages', () => {
    it('names the measure by title and id, and the item that came closest', () => {
      const [f] = findingsOf(joinLines('一要加强形势研判。配合核酸检测。', '', '二要压实责任。', ''), RULE, TWO);
      assert.match(f.message.zh, /缺少必备措施“加强核酸检测”（testing）/);
      assert.match(f.message.en, /Required measure "加强核酸检测" \(testing\) is not covered/);
      assert.match(f.message.zh, /最接近的是一要（得分 0.2，不足 0.5）/);
      assert.equal(f.related?.[0].range.start.line, 0);
    });

    it('names the `all` terms the closest item lacks', () => {
      const [f] = findingsOf(joinLines('一要加强核酸检测。', '', '二要压实责任。', ''), RULE, WITH_ALL);
      assert.match(f.message.zh, /一要最接近，但缺少“频次”/);
    });
  });

  describe('severity', () => {
    const text = joinLines('一要加强形势研判。', '', '二要压实责任。', '');
    it('is an error by default', () => {
      assert.deepEqual(findingsOf(text, RULE, TWO).map((f) => f.severity), ['error']);
    });
    it('takes the severity set in options.rules, and off turns it off', () => {
      assert.deepEqual(findingsOf(text, RULE, { ...TWO, rules: { [RULE]: 'warning' } }).map((f) => f.severity), ['warning']);
      assert.deepEqual(findingsOf(text, RULE, { ...TWO, rules: { [RULE]: 'off' } }), []);
    });
  });

  describe('the seed without 三要', () => {
    it('leaves 核酸检测 uncovered although 五要 and 八要 mention it in passing', () => {
      const schema = TWO.schema!;
      const r = analyze(seedWithout(3), { schema });
      assert.deepEqual(r.findings.filter((f) => f.ruleId === RULE).map((f) => f.message.en.split(' is')[0]), ['Required measure "加强核酸检测" (testing)']);
      const testing = r.coverage!.measures.find((m) => m.id === 'testing')!;
      assert.equal(testing.covered, false);
      assert.ok(testing.score < 0.5);
    });
  });
});
