// Property tests of the engine over arbitrary and mutated drafts: analyze()
// never throws and never reports an internal error, every range it returns
// lies inside the document with line/character agreeing with the offset, the
// outline can always be built, its cost stays within a multiple of a plain
// remark-parse of the same text, and fixes touch only markers and counts.
// Seeded; `npm run fuzz -- --runs N` raises the number of cases.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, analyzeWith, IncrementalAnalyzer, compatibleEdits, fixAll, applyEdits, toAnnotation, formatChineseNumeral, type AnalyzeOptions, type Finding, type TextEdit } from 'gongwen-server';
import { anyDoc, definitionDoc, checkRanges, fcParams, mutatedDoc, parseMs, repeatedDoc, timeMs, tokenDoc, CORPUS, runs, SEED, budget } from './arbitraries.js';

const OPTIONS: AnalyzeOptions[] = [
  {},
  { rules: { 'hierarchy-skip': 'warning', 'single-item': 'hint', 'uncovered-item': 'info' } },
  { suffixes: ['要', '是', '抓', '看', '.', ']'] },
];

describe('the engine under arbitrary input (property)', function () {
  this.timeout(budget(120_000));

  it('analyze() never throws, reports no internal error, and every range lies inside the text', () => {
    fc.assert(
      fc.property(anyDoc, fc.constantFrom(...OPTIONS), (text, options) => {
        const result = analyze(text, options);
        assert.deepEqual(result.errors, [], 'no internal error');
        checkRanges(text, result);
        toAnnotation(result);
      }),
      fcParams(600),
    );
  });

  it('holds for any options: odd suffixes, unknown rules and severities, option values of the wrong type', () => {
    // Options come from validated files, but also from editor settings as the client sends them.
    const options = fc.record(
      {
        suffixes: fc.array(fc.oneof(fc.constantFrom('要', '是', '\\', ']', '^', '-', '[', '.', '*', '', '要是', '𠀀', '\u0000'), fc.string({ maxLength: 2 }))),
        rules: fc.dictionary(fc.oneof(fc.constantFrom('sequence-gap', 'hierarchy-skip', 'single-item', 'uncovered-item', 'missing-measure'), fc.string()), fc.constantFrom('off', 'error', 'warning', 'info', 'hint', 'fatal', '')),
        ruleOptions: fc.dictionary(fc.constantFrom('hierarchy-skip', 'sequence-gap', 'item-count'), fc.dictionary(fc.string({ maxLength: 12 }), fc.anything())),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(tokenDoc, mutatedDoc), options, (text, o) => {
        const result = analyze(text, o as AnalyzeOptions);
        assert.deepEqual(result.errors, []);
        checkRanges(text, result);
      }),
      fcParams(200),
    );
  });

  it('chunked and incremental analysis equal a whole-document analysis (link and footnote definitions included)', () => {
    // The draft is split into chunks parsed on their own, with the document's definitions known
    // where a chunk may refer to one; an analyzer then sees the draft grow piece by piece.
    const whole = (text: string) => toAnnotation(analyzeWith(text, {}, undefined, { wholeDocument: true }).result);
    fc.assert(
      fc.property(fc.oneof(anyDoc, definitionDoc), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (text, cuts) => {
        assert.deepEqual(toAnnotation(analyze(text)), whole(text));
        const analyzer = new IncrementalAnalyzer();
        for (const cut of cuts) {
          const prefix = text.slice(0, text.length ? cut % (text.length + 1) : 0);
          assert.deepEqual(toAnnotation(analyzer.analyze(prefix)), whole(prefix));
        }
        assert.deepEqual(toAnnotation(analyzer.analyze(text)), whole(text));
      }),
      fcParams(300),
    );
  });

  it('holds for deep nesting and long runs of one piece', () => {
    fc.assert(
      fc.property(repeatedDoc, (text) => {
        const result = analyze(text);
        assert.deepEqual(result.errors, []);
        checkRanges(text, result);
      }),
      fcParams(60),
    );
  });

  it('costs at most a bounded multiple of a plain remark-parse of the same text', () => {
    // Aggregated over many documents (single tiny documents time nothing but noise).
    const docs = fc.sample(fc.oneof(tokenDoc, mutatedDoc), { numRuns: Math.min(runs(300), 3000), seed: SEED });
    const text = docs.join('\n\n');
    parseMs(text); // warm up
    analyze(text);
    const parse = Math.min(parseMs(text), parseMs(text));
    const engine = Math.min(
      timeMs(() => analyze(text)),
      timeMs(() => analyze(text)),
    );
    const ratio = engine / parse;
    if (process.env.GONGWEN_FUZZ_RUNS) console.log(`      ${docs.length} documents, ${text.length} characters: parse ${parse.toFixed(0)} ms, analyze ${engine.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    assert.ok(ratio < 6, `analyze took ${engine.toFixed(0)} ms, ${ratio.toFixed(1)}× the ${parse.toFixed(0)} ms of a plain parse of ${text.length} characters`);
  });
});

// ---------------------------------------------------------------------------
// Fixes.

/** What a marker or a count may be rewritten to: numerals and marker punctuation only. */
const MARKER_TEXT = /^[一二三四五六七八九十百千〇零壹贰叁肆伍陆柒捌玖拾佰仟两兩貳參陸0-9０-９要是抓看、，,：:．.（）()①-⑳㉑-㉟㊱-㊿第章节条首先其次再然后最]*$/u;

/** Ranges a fix may touch: item markers and the numerals of announced counts. */
function allowedSpans(text: string, options: AnalyzeOptions): Array<[number, number]> {
  const r = analyze(text, options);
  const spans: Array<[number, number]> = [];
  const walk = (list: typeof r.enumerations) => {
    for (const e of list) for (const i of e.items) {
      spans.push([i.range.start.offset, i.range.end.offset]);
      walk(i.children);
    }
  };
  walk(r.enumerations);
  for (const a of r.announcements) if (a.numeralRange) spans.push([a.numeralRange.start.offset, a.numeralRange.end.offset]);
  return spans;
}

function checkFixEdits(text: string, findings: Finding[], options: AnalyzeOptions): void {
  const spans = allowedSpans(text, options);
  const seen = new Set<object>();
  for (const f of findings) {
    if (!f.fix || seen.has(f.fix)) continue;
    seen.add(f.fix);
    const edits = [...f.fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
    for (let k = 1; k < edits.length; k++) {
      assert.ok(edits[k - 1].range.end.offset <= edits[k].range.start.offset, `${f.ruleId}: the edits of one fix overlap`);
    }
    for (const e of edits) {
      const s = e.range.start.offset;
      const t = e.range.end.offset;
      assert.ok(
        spans.some(([a, b]) => a <= s && t <= b),
        `${f.ruleId}: an edit at ${s}..${t} ("${text.slice(s, t)}" → "${e.newText}") is not inside a marker or an announced count`,
      );
      assert.match(e.newText, MARKER_TEXT, `${f.ruleId}: an edit writes "${e.newText}", which is not marker text`);
      assert.match(text.slice(s, t), MARKER_TEXT, `${f.ruleId}: an edit replaces "${text.slice(s, t)}", which is not marker text`);
    }
  }
}

/** Drafts that have something to fix: enumerations with gaps, duplicates, swaps, mixed forms, wrong counts, in noise. */
const fixableDoc: fc.Arbitrary<string> = fc
  .record({
    form: fc.constantFrom(
      (n: number) => `${formatChineseNumeral(n)}要`,
      (n: number) => `${formatChineseNumeral(n)}是`,
      (n: number) => `${formatChineseNumeral(n)}、`,
      (n: number) => `（${formatChineseNumeral(n)}）`,
      (n: number) => `(${formatChineseNumeral(n)})`,
      (n: number) => `第${formatChineseNumeral(n)}，`,
      (n: number) => `${n}.`,
      (n: number) => `${n}．`,
      (n: number) => `${n}、`,
      (n: number) => `（${n}）`,
      (n: number) => `第${formatChineseNumeral(n)}条　`,
      (n: number) => `${n}. `,
    ),
    numbers: fc.array(fc.integer({ min: 1, max: 14 }), { minLength: 2, maxLength: 14 }),
    joiner: fc.constantFrom('\n\n', '\n', '；', '。', '\r\n\r\n', '\r'),
    announce: fc.option(fc.integer({ min: 1, max: 15 })),
    noise: fc.array(fc.oneof(tokenDoc, fc.constantFrom('加强组织领导。', '𠀀落实责任。', '**压实**责任')), { maxLength: 14 }),
  })
  .map(({ form, numbers, joiner, announce, noise }) => {
    const items = numbers.map((n, k) => form(n) + (noise[k] ?? '加强工作。'));
    const intro = announce === null ? '' : `会议要求，重点抓好${formatChineseNumeral(announce)}个方面工作。\n\n`;
    return intro + items.join(joiner) + '\n';
  });

describe('fixes are safe (property)', function () {
  this.timeout(budget(120_000));

  it('every edit lies inside a marker or an announced count, and no fix has overlapping edits', () => {
    fc.assert(
      fc.property(fc.oneof(fixableDoc, anyDoc), fc.constantFrom(...OPTIONS), (text, options) => {
        checkFixEdits(text, analyze(text, options).findings, options);
      }),
      fcParams(400),
    );
  });

  it('fixAll changes only markers and counts in every pass, and a second fixAll finds nothing more to fix', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: fixableDoc }, { weight: 1, arbitrary: mutatedDoc }), (text) => {
        // Pass by pass, as fixAll does, checking each pass's edits against that pass's text.
        let output = text;
        for (let pass = 0; pass < 10; pass++) {
          const findings = analyze(output).findings;
          checkFixEdits(output, findings, {});
          const edits: TextEdit[] = compatibleEdits(findings);
          if (!edits.length) break;
          const next = applyEdits(output, edits);
          if (next === output) break;
          output = next;
        }
        const fixed = fixAll(text);
        assert.equal(fixed.output, output, 'fixAll applies the same passes');
        const again = fixAll(fixed.output);
        assert.equal(again.passes, 0, `a second fixAll still fixes: ${again.remaining.filter((f) => f.fix).map((f) => f.ruleId).join(', ')}`);
        assert.equal(again.output, fixed.output);
      }),
      fcParams(300),
    );
  });

  it('fixAll converges on every corpus draft with its markers scrambled', () => {
    for (const base of CORPUS) {
      const scrambled = base.replace(/([一二三四五六七八九])(要|是|、)/g, (m, n: string, s: string) => (n === '三' ? '五' + s : m));
      const fixed = fixAll(scrambled);
      assert.equal(fixAll(fixed.output).passes, 0);
    }
  });
});
