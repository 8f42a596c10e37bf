// Deriving a schema from a reference directive (上级要求逐条落实), and checking
// drafts against it: the seed itself, the seed with one item deleted, and a
// paraphrase of the seed in other words and another order.
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type MeasuresSchema } from 'gongwen-server';
import { deriveSchema, keyPhrases, loadSchema, parseDataFile, MEASURES_JSON_SCHEMA } from 'gongwen-server/schema';
import { fixture, seed, seedWithout } from '../schema-helpers.js';

const TITLES = [
  '加强形势研判,强化底线意识',
  '加强制度落实,强化防控能力',
  '加强核酸检测,强化源头预警',
  '加强人物同防,强化多病共防',
  '加强重点管控,强化隐患排查',
  '加强考务组织,强化考试安全',
  '加强压力传导,强化责任体系',
  '加强业务培训,强化应急处置',
  '加强校园管理,强化服务保障',
  '加强正面宣传,强化心理疏导',
];

const derived = deriveSchema(seed(), { id: 'seed', source: '000_1879313dcec84cbe.txt' });

function schemaWith(order: 'free' | 'strict'): MeasuresSchema {
  const loaded = loadSchema(derived.yaml.replace(/^order: free$/m, `order: ${order}`), 'seed.yaml');
  assert.deepEqual(loaded.errors, []);
  return loaded.schema!;
}

const byRule = (r: AnalysisResult, rule: string) => r.findings.filter((f) => f.ruleId === rule);

describe('schema derive', () => {
  describe('from the seed', () => {
    it('derives one measure per item of 一要…十要, titled by the item', () => {
      assert.deepEqual(derived.errors, []);
      assert.deepEqual(derived.measures.map((m) => m.title), TITLES);
      assert.deepEqual(derived.measures.map((m) => m.marker), [...'一二三四五六七八九十'].map((n) => `${n}要`));
    });

    it('keeps the head phrases of each item as keywords (split on 加强/强化)', () => {
      const heads = derived.measures.map((m) => m.any.slice(0, 2));
      assert.deepEqual(heads[0], ['形势研判', '底线意识']);
      assert.deepEqual(heads[2], ['核酸检测', '源头预警']);
      assert.deepEqual(heads[9], ['正面宣传', '心理疏导']);
    });

    it('keeps only 2–8 character phrases, at most six per measure, and no stop phrase', () => {
      for (const m of derived.measures) {
        assert.ok(m.any.length >= 2 && m.any.length <= 6, `${m.id}: ${m.any.join(' ')}`);
        for (const k of m.any) {
          assert.ok([...k].length >= 2 && [...k].length <= 8, k);
          assert.ok(!['疫情防控', '工作', '各地各校', '第一时间'].includes(k), k);
        }
      }
    });

    it('prefers body phrases distinctive to one item of the reference', () => {
      const text = seed();
      const items = analyze(text).enumerations[0].items.map((it) => text.slice(it.range.start.offset, it.scopeEnd.offset));
      derived.measures.forEach((m, k) => {
        for (const phrase of m.any.slice(2)) {
          const mentioning = items.filter((t) => t.includes(phrase)).length;
          assert.equal(mentioning, 1, `${phrase} (measure ${k + 1}) is mentioned by ${mentioning} items`);
        }
      });
    });

    it('writes readable YAML: the item titles as comments, keyword lists on one line', () => {
      assert.match(derived.yaml, /^# 必备措施清单：由 gongwen schema derive 从 000_1879313dcec84cbe\.txt 生成/);
      assert.match(derived.yaml, /\n {2}# 三要加强核酸检测,强化源头预警\n {2}- id: 核酸检测\n {4}title: 加强核酸检测,强化源头预警\n {4}any: \[核酸检测, 源头预警, /);
    });

    it('writes YAML that validates against the shipped JSON Schema', () => {
      assert.deepEqual(parseDataFile(derived.yaml, 'seed.yaml', MEASURES_JSON_SCHEMA).errors, []);
      assert.deepEqual(loadSchema(derived.yaml, 'seed.yaml').errors, []);
    });

    it('reports, rather than throws, when the reference has no enumeration', () => {
      const r = deriveSchema('会议要求各校高度重视校园安全。');
      assert.equal(r.yaml, '');
      assert.match(r.errors[0].en, /no enumeration/);
    });
  });

  describe('checking the seed against the schema derived from it', () => {
    const schema = schemaWith('free');

    it('covers 10 of 10 measures, each by its own item, with no finding', () => {
      const r = analyze(seed(), { schema });
      assert.equal(r.coverage!.summary.covered, 10);
      assert.deepEqual(r.coverage!.measures.map((m) => m.item?.index), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      assert.deepEqual(r.findings, []);
    });

    for (let k = 1; k <= 10; k++) {
      it(`reports exactly one missing measure, ${TITLES[k - 1]}, when ${'一二三四五六七八九十'[k - 1]}要 is deleted`, () => {
        const r = analyze(seedWithout(k), { schema });
        const missing = byRule(r, 'missing-measure');
        assert.equal(missing.length, 1, missing.map((f) => f.message.zh).join('\n'));
        assert.match(missing[0].message.zh, new RegExp(`缺少必备措施“${TITLES[k - 1]}”`));
        assert.deepEqual(r.coverage!.measures.filter((m) => !m.covered).map((m) => m.title), [TITLES[k - 1]]);
        // The announcement 十个方面工作 carries it.
        assert.equal(missing[0].range.start.line, seed().split('\n').findIndex((l) => l.includes('十个方面工作')));
      });
    }

    it('leaves 核酸检测 uncovered when 三要 is deleted, although 五要 and 八要 mention it', () => {
      const r = analyze(seedWithout(3), { schema });
      const testing = r.coverage!.measures[2];
      assert.equal(testing.covered, false);
      assert.ok(testing.score < r.coverage!.threshold, String(testing.score));
      const text = seedWithout(3);
      for (const n of ['五要', '八要']) assert.ok(text.split('\n').find((l) => l.startsWith(n))!.includes('核酸检测'), n);
    });
  });

  describe('checking a paraphrase of the seed (other words, another order)', () => {
    const paraphrase = fixture('schemas/seed-paraphrase.md');

    it('covers all ten measures, and passes with order: free', () => {
      const r = analyze(paraphrase, { schema: schemaWith('free') });
      assert.equal(r.coverage!.summary.covered, 10);
      // Each measure on its own item of the paraphrase, in the paraphrase's order.
      assert.deepEqual(r.coverage!.measures.map((m) => m.item?.marker), ['二、', '四、', '一、', '五、', '三、', '七、', '六、', '九、', '八、', '十、']);
      assert.deepEqual(r.findings, []);
    });

    it('fails measure-order with order: strict', () => {
      const r = analyze(paraphrase, { schema: schemaWith('strict') });
      assert.deepEqual(byRule(r, 'missing-measure'), []);
      const order = byRule(r, 'measure-order');
      assert.ok(order.length >= 1);
      assert.ok(order.every((f) => f.severity === 'warning'));
      assert.match(order[0].message.zh, /^措施顺序与清单不一致：一、“加强核酸检测,强化源头预警”（核酸检测）按清单应在四、“加强制度落实,强化防控能力”（制度落实）之后$/);
    });
  });

  describe('key phrases', () => {
    it('split on the typical verbs and punctuation, and drop function words at the edges', () => {
      assert.deepEqual(keyPhrases('加强形势研判，强化底线意识'), ['形势研判', '底线意识']);
      assert.deepEqual(keyPhrases('压实“四方责任”，完善“五联”机制'), ['四方责任', '五联']);
      assert.deepEqual(keyPhrases('加强对师生的日常健康监测'), ['师生', '日常健康监测']);
    });

    it('split long runs once more and keep nothing longer than eight characters', () => {
      for (const p of keyPhrases('继续严格落实师生员工常态化核酸检测“应检尽检”“适时抽检”制度')) assert.ok([...p].length <= 8, p);
      assert.ok(keyPhrases('继续严格落实师生员工常态化核酸检测').includes('核酸检测'));
    });
  });
});
