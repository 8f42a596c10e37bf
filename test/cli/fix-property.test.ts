// A property: fixing changes nothing but markers and announced counts. Drafts
// are generated from seed-like items (the seed directive's sentences) with
// random gaps, duplicates, swaps, late starts and mixed marker forms, and an
// announcement that may be off by one; fixAll (the engine loop behind --fix)
// must leave every other character exactly where it was, converge, and be
// idempotent. A few drafts also go through the real CLI (--stdin --fix).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll, formatChineseNumeral } from 'gongwen-server';
import { gongwen, project } from './run.js';

const BODIES = [
  '加强形势研判，强化底线意识。始终绷紧疫情防控这根弦。',
  '加强制度落实，强化防控能力。从严从紧落实常态化校园疫情防控措施。',
  '加强核酸检测，强化源头预警。按照要求开展核酸检测。',
  '加强人物同防，强化多病共防。加强校园快递监控和彻底消毒。',
  '加强重点管控，强化隐患排查。严控校外无关人员进入校园。',
  '加强考务组织，强化考试安全。确保各项考试安全、公平、规范。',
  '加强压力传导，强化责任体系。压实各方责任。',
  '加强业务培训，强化应急处置。开展多场景、实操性的应急演练。',
  '加强校园管理，强化服务保障。为师生员工提供更加便捷的服务。',
  '加强正面宣传，强化心理疏导。及时报送疫情防控信息。',
];

/** A marker family: how to write number n in it, and its variant forms (mixing them is mixed-style). */
interface Family {
  forms: Array<(n: number) => string>;
}
const cn = (n: number) => formatChineseNumeral(n);
const FAMILIES: Family[] = [
  { forms: [(n) => `${cn(n)}要`, (n) => `${cn(n)}是`] },
  { forms: [(n) => `${cn(n)}、`] },
  { forms: [(n) => `（${cn(n)}）`, (n) => `(${cn(n)})`] },
  { forms: [(n) => `第${cn(n)}，`] },
  { forms: [(n) => `${n}.`, (n) => `${n}．`] },
  { forms: [(n) => `${n}、`] },
  { forms: [(n) => `（${n}）`, (n) => `(${n})`] },
];
/** Anything a marker of these families may become after a fix. */
const MARKER = /^(?:[一二三四五六七八九十]+[要是、]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+，|\d+[.．、]|[（(]\d+[）)])$/;

interface Draft {
  text: string;
  intro: string | null;
  bodies: string[];
}

const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    family: fc.integer({ min: 0, max: FAMILIES.length - 1 }),
    count: fc.integer({ min: 2, max: 9 }),
    start: fc.constantFrom(1, 1, 1, 2),
    mutations: fc.array(fc.record({ kind: fc.constantFrom('gap', 'duplicate', 'swap'), at: fc.nat() }), { maxLength: 3 }),
    oddForms: fc.array(fc.nat(), { maxLength: 3 }),
    bodies: fc.array(fc.integer({ min: 0, max: BODIES.length - 1 }), { minLength: 9, maxLength: 9 }),
    announce: fc.constantFrom<number | null>(null, 0, 0, 1, -1),
    space: fc.constantFrom('', ' '),
  })
  .map(({ family, count, start, mutations, oddForms, bodies, announce, space }) => {
    let numbers = Array.from({ length: count }, (_, k) => start + k);
    for (const m of mutations) {
      const i = m.at % numbers.length;
      if (m.kind === 'gap') numbers = numbers.map((n, k) => (k >= i ? n + 1 : n));
      else if (m.kind === 'duplicate' && i > 0) numbers[i] = numbers[i - 1];
      else if (m.kind === 'swap' && i > 0) [numbers[i - 1], numbers[i]] = [numbers[i], numbers[i - 1]];
    }
    const f = FAMILIES[family];
    const odd = new Set(oddForms.map((k) => k % count).filter((k) => k > 0));
    const items = numbers.map((n, k) => {
      const form = odd.has(k) && f.forms.length > 1 ? f.forms[1] : f.forms[0];
      const body = BODIES[bodies[k % bodies.length]];
      return { marker: form(n), body: space + body };
    });
    const intro = announce === null ? null : `会议强调，要重点抓好${cn(Math.max(1, count + announce))}个方面工作。`;
    const paragraphs = [...(intro ? [intro] : []), ...items.map((i) => i.marker + i.body)];
    return { text: paragraphs.join('\n\n') + '\n', intro, bodies: items.map((i) => i.body) };
  });

function checkOnlyMarkersChanged(draft: Draft, output: string): void {
  const before = draft.text.slice(0, -1).split('\n\n');
  const after = output.endsWith('\n') ? output.slice(0, -1).split('\n\n') : assert.fail('the final newline is gone');
  assert.equal(after.length, before.length, 'paragraphs and line breaks are kept');
  let k = 0;
  if (draft.intro) {
    const shape = (s: string) => s.replace(/抓好[一二两三四五六七八九十]+个方面/, '抓好N个方面');
    assert.equal(shape(after[0]), shape(draft.intro), 'the announcement changes only in its count');
    k = 1;
  }
  draft.bodies.forEach((body, i) => {
    const p = after[k + i];
    assert.ok(p.endsWith(body), `item ${i + 1} keeps its text: ${p}`);
    const marker = p.slice(0, p.length - body.length);
    assert.match(marker, MARKER, `item ${i + 1} starts with a marker: ${p}`);
  });
}

describe('--fix changes nothing but markers and announced counts (property)', () => {
  it('holds for fixAll on generated drafts, which also converges and is idempotent', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const fixed = fixAll(draft.text);
        checkOnlyMarkersChanged(draft, fixed.output);
        assert.ok(fixed.passes <= 10);
        const again = fixAll(fixed.output);
        assert.equal(again.output, fixed.output, 'a second fixAll changes nothing');
        assert.equal(again.passes, 0);
        // Whatever is left has no fix to offer.
        assert.deepEqual(fixed.remaining.filter((f) => f.fix).map((f) => f.ruleId), []);
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20260530) },
    );
  });

  // Found by the property above with the seed's own 七要 sentence (压实“四方责任”):
  // the quoted “四方责任” was read as an announced count of the enumeration on the
  // next line, and --fix rewrote it to “六方责任”. Fixed in announcements.ts.
  it('leaves a quoted “四方责任” alone (it once was taken for an announced count)', () => {
    const text = '二要加强压力传导，强化责任体系。压实“四方责任”。\n\n一要加强形势研判。\n\n三要加强形势研判。\n\n四要加强。\n\n五要加强。\n\n六要加强。\n';
    assert.match(fixAll(text).output, /压实“四方责任”/);
  });

  it('holds for the CLI: gongwen lint --stdin --fix', function () {
    this.timeout(120_000);
    const dir = project({});
    fc.assert(
      fc.property(draftArb, (draft) => {
        const r = gongwen(['lint', '--stdin', '--stdin-filename', 'draft.md', '--fix'], { cwd: dir, input: draft.text });
        assert.notEqual(r.code, 2, r.stderr);
        checkOnlyMarkersChanged(draft, r.stdout);
        assert.equal(r.stdout, fixAll(draft.text).output, 'the CLI and fixAll agree');
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
