// Pathological inputs: very deep nesting, a 20 MB line, 100,000 items in one
// enumeration, a 10,000-row table. Each must complete without a stack
// overflow or an internal error, with its ranges inside the text, and cost at
// most a stated multiple of a plain remark-parse of the same text (the ratio
// is asserted, not milliseconds). `npm test` runs the sizes marked `test`;
// a fuzz campaign (GONGWEN_FUZZ_FULL=1, set by `npm run fuzz`) the full ones.
import assert from 'node:assert/strict';
import { analyze, fixAll, flattenEnumerations, toAnnotation } from 'gongwen-server';
import { budget, checkRanges, FULL, parseMs, timeMs } from './arbitraries.js';

type SymbolsModule = typeof import('../../server/out/lsp/features/symbols.js');

interface Case {
  name: string;
  /** Size in npm test, and in a full campaign. */
  test: number;
  full: number;
  make(n: number): string;
  /** Engine time ÷ plain parse time may not exceed this. */
  ratio: number;
  /** What the analysis must find (a sanity check that the case is not trivially skipped). */
  expect?: (r: ReturnType<typeof analyze>, n: number) => void;
  /** Also run fixAll (and check it converges). */
  fix?: boolean;
}

const PROSE = '会议强调，一是加强组织领导，二是落实防控责任，三是强化底线意识。各地要高度重视，按照要求开展核酸检测，确保各项考试安全、公平、规范，为师生员工提供更加便捷的服务。';

const CASES: Case[] = [
  {
    name: 'nested blockquotes (> > > … 一要)',
    test: 10_000,
    full: 10_000,
    make: (n) => `${'> '.repeat(n)}会议要求：一要加强领导，二要落实责任。\n`,
    ratio: 4,
    expect: (r) => assert.equal(r.enumerations.length, 1),
  },
  {
    name: 'nested blockquotes, one level deeper on each line (the text grows as n²)',
    test: 300,
    full: 1_000,
    make: (n) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i + 1)} ${i % 2 ? '二要落实' : '一要加强'}`).join('\n'),
    ratio: 4,
  },
  {
    name: 'nested bullet lists (- - - … 一要)',
    test: 1_000,
    full: 10_000,
    make: (n) => `${'- '.repeat(n)}会议要求：一要加强领导，二要落实责任。\n`,
    ratio: 4,
    expect: (r) => assert.equal(r.enumerations.length, 1),
  },
  {
    name: 'nested ordered lists (1. 1. 1. …)',
    test: 1_000,
    full: 10_000,
    make: (n) => `${'1. '.repeat(n)}一要加强\n`,
    ratio: 4,
  },
  {
    name: 'nested lists by indentation',
    test: 300,
    full: 1_000,
    make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- （${['一', '二'][i % 2]}）加强`).join('\n'),
    ratio: 4,
  },
  {
    name: 'a single line of prose with inline enumerations (20 MB in full)',
    test: 2_000_000,
    full: 20_000_000,
    make: (n) => PROSE.repeat(Math.ceil(n / PROSE.length)),
    ratio: 15,
    expect: (r, n) => assert.ok(flattenEnumerations(r.enumerations).length >= n / PROSE.length),
  },
  {
    name: 'a single line dense with markers (一要…，二要…， over and over)',
    // 5 MB in full: a million markers. At 20 MB (4 million) the analysis, its annotation and its
    // outline need some 7 GB of heap (about 900 bytes per marker; see docs/robustness.md).
    test: 200_000,
    full: 5_000_000,
    make: (n) => '一要加强，二要落实，'.repeat(n / 10),
    ratio: 60,
    expect: (r) => assert.ok(r.enumerations.length > 0),
    fix: true,
  },
  {
    name: '100,000 items in one enumeration (一要 on every line of one paragraph)',
    test: 100_000,
    full: 100_000,
    make: (n) => `会议要求：\n${'一要加强工作。\n'.repeat(n)}`,
    ratio: 3,
    expect: (r, n) => assert.equal(r.enumerations[0]?.items.length, n),
    fix: true,
  },
  {
    name: 'a tight Markdown list of 100,000 items, the first number wrong',
    test: 10_000,
    full: 100_000,
    make: (n) => Array.from({ length: n }, (_, i) => `${i === 0 ? 2 : i + 1}. 加强工作`).join('\n'),
    ratio: 3,
    expect: (r, n) => assert.equal(r.enumerations[0]?.items.length, n),
    fix: true,
  },
  {
    name: 'a table of 10,000 rows with markers in its cells',
    test: 10_000,
    full: 10_000,
    make: (n) => `一要加强。\n\n| 一要 | 二要 |\n|---|---|\n${Array.from({ length: n }, (_, i) => `| 一是${i} | 二是 |`).join('\n')}\n\n二要落实。\n`,
    ratio: 8,
    expect: (r) => assert.equal(r.enumerations.length, 1),
  },
  {
    name: 'one paragraph of n lines ending in CRLF, CR and LF by turns',
    test: 10_000,
    full: 100_000,
    make: (n) => Array.from({ length: n }, (_, i) => `${['一', '二', '三'][i % 3]}是加强${['\r\n', '\r', '\n'][i % 3]}`).join(''),
    ratio: 6,
  },
];

describe('pathological inputs', function () {
  this.timeout(budget(60_000));
  let symbols: SymbolsModule;

  before(async () => {
    symbols = (await import(new URL('../../../server/out/lsp/features/symbols.js', import.meta.url).href)) as SymbolsModule;
  });

  for (const c of CASES) {
    const n = FULL ? c.full : c.test;
    it(`${c.name}, n = ${n.toLocaleString('en')}: no overflow, ranges inside, within ${c.ratio}× a plain parse`, () => {
      const text = c.make(n);
      const parse = Math.max(parseMs(text), 5);
      let result!: ReturnType<typeof analyze>;
      const engine = timeMs(() => (result = analyze(text)));
      assert.deepEqual(result.errors, [], 'no internal error (a stack overflow would be one)');
      checkRanges(text, result);
      c.expect?.(result, n);
      toAnnotation(result);
      symbols.documentSymbols(result, 'zh-CN');
      const ratio = engine / parse;
      if (process.env.GONGWEN_FUZZ_RUNS) console.log(`      ${c.name}: ${text.length} chars, parse ${parse.toFixed(0)} ms, analyze ${engine.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
      assert.ok(ratio <= c.ratio, `analyze took ${engine.toFixed(0)} ms, ${ratio.toFixed(1)}× the plain parse (${parse.toFixed(0)} ms)`);
      if (c.fix) {
        const fixed = fixAll(text);
        assert.equal(fixAll(fixed.output).passes, 0, 'fixing converges');
      }
    });
  }
});
