// The engine alone, in this process (no protocol, no scheduling): analyze() of
// each draft, and an IncrementalAnalyzer's first analysis and its analysis
// after each typed character — the share of the language server's
// edit→diagnostics latency that is the engine's.
//
//   node test/bench/engine.mjs [--quick]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureCorpus } from './generate.mjs';
import { median, percentile, ROOT } from './lib.mjs';

const TYPED = '进一步压实责任确保落实';

/**
 * The 1 MB draft with one footnote (a reference in its first sentence, the
 * definition at the end): a definition reaches across the whole document, so
 * this measures that chunks are still reused when a draft has one.
 */
const withFootnote = (text) => `${text.replace('。', '。[^1]')}\n\n[^1]: 见有关文件。\n`;

export async function benchEngine({ manifest, quick = false, log = () => {} }) {
  const { analyze, IncrementalAnalyzer } = await import(pathToFileURL(`${ROOT}server/out/engine/index.js`).href);
  const out = {};
  for (const name of ['draft-20k', 'draft-1m', 'draft-5m', 'draft-1m-footnote']) {
    const original = name === 'draft-1m-footnote' ? withFootnote(readFileSync(manifest.singles['draft-1m'].path, 'utf8')) : readFileSync(manifest.singles[name].path, 'utf8');
    const full = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const t = performance.now();
      analyze(original);
      full.push(performance.now() - t);
    }
    const analyzer = new IncrementalAnalyzer();
    let t = performance.now();
    analyzer.analyze(original);
    const first = performance.now() - t;
    // The places and characters of the language-server benchmark: after a 。 near each fraction of the text.
    let text = original;
    const edits = [];
    for (const f of quick ? [0.2, 0.5, 0.8] : [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const at = text.indexOf('。', Math.floor(text.length * f)) + 1;
      for (let k = 0; k < (quick ? 5 : 8); k++) {
        text = text.slice(0, at + k) + TYPED[k % TYPED.length] + text.slice(at + k);
        t = performance.now();
        analyzer.analyze(text);
        edits.push(performance.now() - t);
      }
    }
    out[name] = { fullMs: median(full), firstMs: first, edit: { p50: percentile(edits, 50), p95: percentile(edits, 95), n: edits.length } };
    log(`  ${name}: analyze() ${out[name].fullMs.toFixed(0)} ms; incremental: first ${first.toFixed(0)} ms, per keystroke p50 ${out[name].edit.p50.toFixed(1)} / p95 ${out[name].edit.p95.toFixed(1)} ms`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchEngine({ manifest: ensureCorpus(), quick: process.argv.includes('--quick'), log: (s) => console.log(s) });
}
