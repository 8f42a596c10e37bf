// Inputs for the robustness suites: arbitrary and mutated drafts, the oracles
// every analysis must satisfy, and the knobs that scale a run (npm test runs a
// fixed, seeded budget; `npm run fuzz -- --runs N` raises it).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { AnalysisResult, Position, Range } from 'gongwen-server';

// ---------------------------------------------------------------------------
// Budget.

/** Runs per property: the given default in `npm test`, GONGWEN_FUZZ_RUNS in a fuzz campaign. */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.GONGWEN_FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? n : defaultRuns;
}

/** The seed of every property (GONGWEN_FUZZ_SEED or FC_SEED to replay one). */
export const SEED = Number(process.env.GONGWEN_FUZZ_SEED ?? process.env.FC_SEED ?? 20260601);

/** True in a fuzz campaign: pathological inputs run at full size. */
export const FULL = process.env.GONGWEN_FUZZ_FULL === '1';

export const fcParams = (defaultRuns: number) => ({ numRuns: runs(defaultRuns), seed: SEED });

// ---------------------------------------------------------------------------
// Material.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Real drafts and regulations from the annotated corpora, and the seed text. */
export const CORPUS: string[] = [
  ...['real', 'regs'].flatMap((d) =>
    readdirSync(FIXTURES + d)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => readFileSync(`${FIXTURES}${d}/${f}`, 'utf8')),
  ),
  ...readdirSync(FIXTURES + 'seeds')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`${FIXTURES}seeds/${f}`, 'utf8')),
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '二十', '九十九', '〇', '零', '两', '壹', '贰', '一百'];

export const MARKERS = [
  ...NUMERALS.flatMap((n) => [`${n}要`, `${n}是`, `${n}抓`, `第${n}，`, `第${n}、`, `${n}、`, `（${n}）`, `(${n})`, `第${n}章`, `第${n}节`, `第${n}条`]),
  ...['1', '2', '3', '4', '10', '99', '100', '０', '１', '999999999'].flatMap((n) => [`${n}.`, `${n}．`, `${n}、`, `（${n}）`, `(${n})`, `${n}. `, `${n}) `]),
  ...'①②③④⑤⑩⑳㉑'.split(''),
  '首先，',
  '其次，',
  '再次，',
  '然后，',
  '最后，',
  '一是要',
  '第一时间',
  '第一责任人',
  '统一是',
  '进一步要',
];

export const ANNOUNCEMENTS = ['重点抓好十个方面工作：', '提出以下三点要求。', '做到“五个到位”', '从四个方面', '抓好几项工作', '若干措施', '压实“四方责任”'];

export const CJK_TEXT = [
  '加强组织领导',
  '落实防控责任',
  '各地要高度重视。',
  '按照要求开展核酸检测',
  '强化底线意识，',
  '确保各项考试安全、公平、规范；',
  '全面排查隐患：',
  '为师生员工提供更加便捷的服务',
];

export const CJK_PUNCTUATION = '。，、；：？！“”‘’《》〈〉「」『』【】〔〕（）…—～·　'.split('');

export const MARKDOWN = [
  '# ',
  '## ',
  '###### ',
  '####### ',
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '- [ ] ',
  '- [x] ',
  '    ',
  '\t',
  '```',
  '```js\n',
  '~~~',
  '---',
  '***',
  '===',
  '+++',
  '---\ngongwen: {schema: x}\n---\n',
  '---\ntitle: 通知\n---\n',
  '<!-- gongwen-disable -->',
  '<!-- gongwen-disable sequence-gap -->',
  '<!-- gongwen-enable -->',
  '<!-- gongwen-disable-next-line -->',
  '<!-- gongwen-disable no-such-rule -->',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '<pre>',
  '<?',
  '?>',
  '<![CDATA[',
  ']]>',
  '| a | b |\n|---|---|\n',
  '|',
  '[x]: https://example.com',
  '[^1]: 注释',
  '[^1]',
  '[链接](https://example.com)',
  '![图](a.png)',
  '<https://example.com>',
  '**',
  '__',
  '*',
  '_',
  '~~',
  '`',
  '``',
  '\\',
  '&amp;',
  '&#x4e00;',
  '$$',
];

export const ODD_CHARACTERS = [
  '𠀀', // astral CJK (Extension B)
  '𪚥',
  '😀',
  '👨‍👩‍👧',
  '𝟘',
  'é', // e + combining acute
  '一\u0301',
  '\u20dd',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u0000',
  '\ud800', // lone surrogates
  '\udc00',
  '\ufffd',
  '\u3000',
  '\u00a0',
  '\u2002',
];

export const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r'];

/** One piece of a draft. */
export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 5, arbitrary: fc.constantFrom(...CJK_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ANNOUNCEMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...CJK_PUNCTUATION) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
  { weight: 4, arbitrary: fc.constantFrom(...LINE_BREAKS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\t', '　') },
);

/** A draft made of random pieces. */
export const tokenDoc: fc.Arbitrary<string> = fc.array(token, { maxLength: 120 }).map((t) => t.join(''));

/**
 * Link and footnote definitions (also nested, multi-line, invalid) and references to
 * them next to markers: a definition anywhere decides how a reference anywhere parses.
 */
export const DEFINITIONS = [
  '[甲]: https://example.com', '[^1]: 注释', '[^1]: 注释\n\n    续段，二要乙。', '> [乙]: /x', '- [^2]: 脚注', '[丙]:', '[甲\n乙]: /y',
  '[；二要]: /x', '一要甲；[乙][；二要]丙。', '[一要]', '[一要][甲]', '[甲]二要', '[^1]三要', '（一）[^2]', '[^未定义]', '[二是][乙]', '见[甲\n乙]四要', '\\[甲]', '![甲]',
];

/** A draft of random pieces with definitions and references among them, between blank lines. */
export const definitionDoc: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DEFINITIONS) }, { weight: 4, arbitrary: token }, { weight: 2, arbitrary: fc.constant('\n\n') }), { maxLength: 60 })
  .map((t) => t.join(''));

/** A block repeated: deep nesting (`> > > …`, `- - - …`, indentation) or a very long line. */
export const repeatedDoc: fc.Arbitrary<string> = fc
  .record({
    unit: fc.oneof(fc.constantFrom('> ', '- ', '1. ', '* ', '  ', '    ', '>', '（一）', '一要加强，', '1.落实；', '**', '[', '`', '<div>', '一、'), token),
    times: fc.integer({ min: 1, max: 400 }),
    tail: tokenDoc,
    lines: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ unit, times, tail, lines }) => Array.from({ length: lines }, () => unit.repeat(times) + tail).join('\n'));

export interface Mutation {
  kind: 'insert' | 'delete' | 'duplicate' | 'swap-breaks' | 'replace';
  at: number;
  len: number;
  piece: string;
  breakStyle: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'duplicate', 'swap-breaks', 'replace'),
  at: fc.nat(),
  len: fc.integer({ min: 0, max: 200 }),
  piece: fc.oneof(token, tokenDoc),
  breakStyle: fc.constantFrom(...LINE_BREAKS.slice(0, 3)),
});

export function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  const end = Math.min(text.length, at + m.len);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + m.piece + text.slice(end);
    case 'swap-breaks': {
      // Re-end the lines of a span with another break style (mixed CRLF/LF/CR).
      const span = text.slice(at, end + 2000).replace(/\r\n|\r|\n/g, m.breakStyle);
      return text.slice(0, at) + span + text.slice(end + 2000);
    }
  }
}

/** A real draft with random edits: cut, pasted, duplicated, line endings changed. */
export const mutatedDoc: fc.Arbitrary<string> = fc
  .record({ base: fc.integer({ min: 0, max: CORPUS.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 12 }) })
  .map(({ base, mutations }) => mutations.reduce(mutate, CORPUS[base]));

/** Every kind of document the engine suites try. */
export const anyDoc: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: tokenDoc },
  { weight: 3, arbitrary: mutatedDoc },
  { weight: 1, arbitrary: repeatedDoc },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

// ---------------------------------------------------------------------------
// Oracles.

/** Line starts computed independently of the engine's LineIndex (\r\n, \r and \n break lines, as in LSP). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function checkPosition(text: string, starts: number[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length, `${what}: offset ${p.offset} outside 0..${text.length}`);
  assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} outside 0..${starts.length - 1}`);
  assert.equal(starts[p.line] + p.character, p.offset, `${what}: line ${p.line}, character ${p.character} is not offset ${p.offset}`);
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  assert.ok(p.character >= 0 && starts[p.line] + p.character <= lineEnd, `${what}: character ${p.character} outside its line`);
  // A position never falls between \r and \n (no editor can show it).
  assert.ok(!(text[p.offset - 1] === '\r' && text[p.offset] === '\n'), `${what}: offset ${p.offset} splits a \\r\\n`);
  // Nor inside a character outside the BMP (𠀀 is two UTF-16 code units).
  const before = text.charCodeAt(p.offset - 1);
  const after = text.charCodeAt(p.offset);
  assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${what}: offset ${p.offset} splits a surrogate pair`);
}

export function checkRange(text: string, starts: number[], r: Range, what: string): void {
  checkPosition(text, starts, r.start, `${what}.start`);
  checkPosition(text, starts, r.end, `${what}.end`);
  assert.ok(r.start.offset <= r.end.offset, `${what}: start ${r.start.offset} after end ${r.end.offset}`);
}

/** Every range of an analysis lies inside the document and its line/character agree with its offset. */
export function checkRanges(text: string, result: AnalysisResult): number {
  const starts = lineStarts(text);
  let n = 0;
  const range = (r: Range | null | undefined, what: string) => {
    if (!r) return;
    checkRange(text, starts, r, what);
    n++;
  };
  const walk = (list: AnalysisResult['enumerations'], depth: number) => {
    assert.ok(depth < 100, 'enumerations nest deeper than the engine allows');
    for (const e of list) {
      range(e.range, `enumeration ${e.id}`);
      e.items.forEach((i, k) => {
        range(i.range, `${e.id} item ${k}`);
        range(i.numeralRange, `${e.id} item ${k} numeral`);
        checkPosition(text, starts, i.scopeEnd, `${e.id} item ${k} scopeEnd`);
        assert.equal(text.slice(i.range.start.offset, i.range.end.offset), i.marker, `${e.id} item ${k}: the marker is the source text at its range`);
        walk(i.children, depth + 1);
      });
    }
  };
  walk(result.enumerations, 0);
  result.announcements.forEach((a, k) => {
    range(a.range, `announcement ${k}`);
    range(a.numeralRange, `announcement ${k} numeral`);
  });
  result.headings.forEach((h, k) => {
    range(h.range, `heading ${k}`);
    checkPosition(text, starts, h.sectionEnd, `heading ${k} sectionEnd`);
  });
  const fixes = new Set<object>(); // findings of one enumeration share its renumbering
  result.findings.forEach((f, k) => {
    range(f.range, `finding ${k} (${f.ruleId})`);
    f.related?.forEach((r, j) => range(r.range, `finding ${k} related ${j}`));
    if (f.fix && !fixes.has(f.fix)) {
      fixes.add(f.fix);
      f.fix.edits.forEach((e, j) => range(e.range, `finding ${k} (${f.ruleId}) edit ${j}`));
    }
  });
  const c = result.coverage;
  if (c) {
    range(c.enumeration?.range, 'coverage enumeration');
    range(c.announcement?.range, 'coverage announcement');
    for (const m of c.measures) {
      range(m.item?.range, `measure ${m.id} item`);
      range(m.item?.scope, `measure ${m.id} scope`);
      for (const e of m.evidence) e.ranges.forEach((r, j) => range(r, `measure ${m.id} evidence ${e.term} ${j}`));
    }
  }
  assert.ok(result.bodyStart >= 0 && result.bodyStart <= text.length, 'bodyStart inside the text');
  return n;
}

// ---------------------------------------------------------------------------
// Timing relative to a plain parse.

const plain = unified().use(remarkParse);

/** Milliseconds of a plain remark-parse of [text] (the baseline budgets are stated against). */
export function parseMs(text: string): number {
  const t0 = performance.now();
  plain.parse(text);
  return performance.now() - t0;
}

export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The smaller of two timings (a busy machine only ever makes a run slower). */
export function bestOf(n: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) best = Math.min(best, timeMs(fn));
  return best;
}

/** A suite's timeout: [ms] in npm test; none in a fuzz campaign (its length is the point). */
export const budget = (ms: number): number => (process.env.GONGWEN_FUZZ_RUNS ? 0 : ms);
