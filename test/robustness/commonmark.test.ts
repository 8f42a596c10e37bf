// Every example of the CommonMark spec (the commonmark-spec package, 652
// examples of spec 0.31.2) goes through analyze(), the annotation outline and
// the language server's document-symbol provider without an error, with every
// range inside the text. Each example runs three ways: as written (mostly
// English, so the engine may skip it), after a Chinese paragraph with markers,
// and with its words replaced by markers and Chinese text, so that markers
// stand inside every Markdown construct the spec has.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { analyze, fixAll, toAnnotation, IncrementalAnalyzer } from 'gongwen-server';
import { checkRanges, budget } from './arbitraries.js';

type SymbolsModule = typeof import('../../server/out/lsp/features/symbols.js');

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string; section: string; number: number }> };

const WORDS = ['一要加强', '二要落实', '（一）领导', '（二）责任', '1.排查', '2、整改', '第一，', '第二，', '①', '②', '首先，', '其次，', '三是', '一、总体', '二、要求', '十个方面'];

/** The spec's → stands for a tab. */
const examples = spec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));

function variants(md: string): string[] {
  let k = 0;
  const sinicized = md.replace(/[A-Za-z]+/g, () => WORDS[k++ % WORDS.length]);
  return [md, `会议强调，一要加强组织领导，二要落实防控责任。\n\n${md}\n\n三要强化底线意识。\n`, sinicized];
}

describe('the CommonMark spec examples', function () {
  this.timeout(budget(60_000));
  let symbols: SymbolsModule;

  before(async () => {
    symbols = (await import(new URL('../../../server/out/lsp/features/symbols.js', import.meta.url).href)) as SymbolsModule;
  });

  it(`has the spec's ${examples.length} examples to try`, () => {
    assert.ok(examples.length >= 650, `only ${examples.length} examples`);
  });

  it('go through analyze(), the annotation and the document symbols without an error, with every range inside the text', () => {
    const failures: string[] = [];
    let ranges = 0;
    let analysed = 0;
    for (const ex of examples) {
      for (const [v, text] of variants(ex.markdown).entries()) {
        try {
          const result = analyze(text);
          assert.deepEqual(result.errors, []);
          if (!result.skipped) analysed++;
          ranges += checkRanges(text, result);
          toAnnotation(result);
          for (const locale of ['zh-CN', 'en'] as const) symbols.documentSymbols(result, locale);
        } catch (err) {
          failures.push(`example ${ex.number} (${ex.section}), variant ${v}: ${String(err).split('\n')[0]}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(analysed > examples.length, `only ${analysed} variants were analysed (not skipped as non-Chinese)`);
    assert.ok(ranges > 1000, `only ${ranges} ranges checked`);
  });

  it('give the same result incrementally, example after example in one document', () => {
    const inc = new IncrementalAnalyzer();
    let text = '';
    for (const ex of examples) {
      // A sliding window of the spec: each step adds an example at the end and drops text at the start.
      text = `${text}\n\n${variants(ex.markdown)[2]}`.slice(-1_500);
      assert.deepEqual(toAnnotation(inc.analyze(text)), toAnnotation(analyze(text)), `after example ${ex.number}`);
    }
  });

  it('can all be fixed, and fixing is idempotent', () => {
    for (const ex of examples) {
      const text = variants(ex.markdown)[2];
      const fixed = fixAll(text);
      assert.equal(fixAll(fixed.output).passes, 0, `example ${ex.number}`);
    }
  });
});
