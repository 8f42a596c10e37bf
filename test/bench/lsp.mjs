// The language-server part of the benchmark, through a real LSP client over
// stdio (vscode-languageserver-protocol), against the bundled server that the
// .vsix ships (dist/server.js):
//   - start: spawn → initialize response, and → first diagnostics of a 20 kB draft;
//   - typing: one didChange per character at several places of a draft, each
//     waiting for the diagnostics of its version (edit→diagnostics latency);
//   - a rapid burst (no waiting between characters): the time to the last
//     version's diagnostics, and that no older version is published after a newer one;
//   - documentSymbol and hover latency;
//   - first diagnostics on opening the 1 MB and 5 MB drafts;
//   - the server's RSS with 100 open 50 kB drafts.
//
//   node test/bench/lsp.mjs [--quick]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ensureCorpus } from './generate.mjs';
import { median, percentile, ROOT } from './lib.mjs';

export const SERVER = join(ROOT, 'dist/server.js');

class Client {
  constructor(serverPath = SERVER) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    /** uri → versions in the order they were published */
    this.published = new Map();
    this.waiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      if (!this.published.has(p.uri)) this.published.set(p.uri, []);
      this.published.get(p.uri).push({ version: p.version, at, count: p.diagnostics.length });
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async initialize() {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
    const initializedAt = performance.now();
    await this.conn.sendNotification('initialized', {});
    return initializedAt - this.spawnedAt;
  }

  /** Resolves with the time of the first publication for [uri] at [version] or later. */
  async diagnostics(uri, version, timeoutMs = 60_000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = (this.published.get(uri) ?? []).find((p) => p.version === undefined || p.version === null || p.version >= version);
      if (hit) return hit;
      if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms\n${this.stderr}`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  open(uri, text, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, version, range, text) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  rss() {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // gone already
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** A document the benchmark edits: its text, version and offset ↔ position mapping. */
class Doc {
  constructor(uri, text) {
    this.uri = uri;
    this.text = text;
    this.version = 1;
  }

  position(offset) {
    let line = 0;
    let last = -1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      line++;
      last = i;
    }
    return { line, character: offset - last - 1 };
  }

  /** Inserts [s] at [offset]; returns the LSP range and the new version. */
  insert(offset, s) {
    const p = this.position(offset);
    this.text = this.text.slice(0, offset) + s + this.text.slice(offset);
    return { range: { start: p, end: p }, version: ++this.version };
  }
}

/** Places to type at: right after a 。 near each fraction of the text, inside prose. */
function typingPlaces(text, fractions) {
  return fractions.map((f) => {
    const at = text.indexOf('。', Math.floor(text.length * f));
    return at < 0 ? text.length : at + 1;
  });
}

const TYPED = '进一步压实责任确保落实';

/** One didChange per character, each waiting for the diagnostics of its version. */
async function typeAndWait(client, doc, places, chars) {
  const latencies = [];
  let shift = 0;
  for (const place of places) {
    for (let k = 0; k < chars; k++) {
      const { range, version } = doc.insert(place + shift + k, TYPED[k % TYPED.length]);
      const sent = performance.now();
      await client.change(doc.uri, version, range, TYPED[k % TYPED.length]);
      const p = await client.diagnostics(doc.uri, version);
      latencies.push(p.at - sent);
    }
    shift += chars;
  }
  return latencies;
}

/** Characters sent back to back; the time from the last one to its diagnostics, and the order of publications. */
async function burst(client, doc, place, chars) {
  const before = (client.published.get(doc.uri) ?? []).length;
  let last = 0;
  let sentAt = 0;
  for (let k = 0; k < chars; k++) {
    const { range, version } = doc.insert(place + k, TYPED[k % TYPED.length]);
    sentAt = performance.now();
    await client.change(doc.uri, version, range, TYPED[k % TYPED.length]);
    last = version;
  }
  const p = await client.diagnostics(doc.uri, last);
  // Let anything still in flight arrive before judging the order.
  await new Promise((r) => setTimeout(r, 300));
  const versions = client.published.get(doc.uri).slice(before).map((x) => x.version);
  const ordered = versions.every((v, i) => i === 0 || v >= versions[i - 1]);
  return { ms: p.at - sentAt, published: versions.length, ordered };
}

async function timeRequests(client, method, params, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await client.conn.sendRequest(method, params);
    out.push(performance.now() - t);
  }
  return out;
}

const stats = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length });

export async function benchLsp({ manifest, quick = false, log = () => {} }) {
  const out = {};
  const read = (name) => readFileSync(manifest.singles[name].path, 'utf8');

  // Start-up, several fresh servers.
  const starts = [];
  const text20k = read('draft-20k');
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const c = new Client();
    const init = await c.initialize();
    const uri = 'file:///bench/start-20k.md';
    await c.open(uri, text20k);
    const p = await c.diagnostics(uri, 1);
    starts.push({ init, first: p.at - c.spawnedAt });
    await c.stop();
  }
  out.start = { initializeMs: median(starts.map((s) => s.init)), firstDiagnosticsMs: median(starts.map((s) => s.first)) };
  log(`  start: initialize ${out.start.initializeMs.toFixed(0)} ms, first diagnostics (20 kB) ${out.start.firstDiagnosticsMs.toFixed(0)} ms`);

  // Typing in each draft, in one server.
  const client = new Client();
  await client.initialize();
  const places = typingPlaces(text20k, quick ? [0.2, 0.5, 0.8] : [0.1, 0.3, 0.5, 0.7, 0.9]);
  const chars = quick ? 5 : 8;
  out.drafts = {};
  for (const name of ['draft-20k', 'draft-1m', 'draft-5m']) {
    const text = read(name);
    const doc = new Doc(`file:///bench/${name}.md`, text);
    const opened = performance.now();
    await client.open(doc.uri, text);
    const first = (await client.diagnostics(doc.uri, 1, 120_000)).at - opened;
    const r = { bytes: manifest.singles[name].bytes, openMs: first };
    const pl = typingPlaces(text, quick ? [0.2, 0.5, 0.8] : [0.1, 0.3, 0.5, 0.7, 0.9]);
    const latencies = await typeAndWait(client, doc, pl, chars);
    r.typing = stats(latencies);
    // The first characters typed into a draft of a new size run partly in code the JIT
    // has not optimized for it yet: the same figures without the first place.
    r.typingWarm = stats(latencies.slice(chars));
    r.burst = await burst(client, doc, typingPlaces(doc.text, [0.6])[0], quick ? 10 : 20);
    // documentSymbol and hover on the current version (analysis cached), and documentSymbol right after an edit.
    const symbolParams = { textDocument: { uri: doc.uri } };
    r.symbols = stats(await timeRequests(client, 'textDocument/documentSymbol', symbolParams, quick ? 5 : 20));
    const markerAt = doc.text.search(/^## [一二三四五六七八九十]+、/m);
    const hoverParams = { textDocument: { uri: doc.uri }, position: doc.position(markerAt >= 0 ? markerAt + 3 : 0) };
    r.hover = stats(await timeRequests(client, 'textDocument/hover', hoverParams, quick ? 5 : 20));
    const afterEdit = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const { range, version } = doc.insert(pl[0], '强');
      await client.change(doc.uri, version, range, '强');
      const t = performance.now();
      await client.conn.sendRequest('textDocument/documentSymbol', symbolParams);
      afterEdit.push(performance.now() - t);
      await client.diagnostics(doc.uri, version);
    }
    r.symbolsAfterEdit = stats(afterEdit);
    out.drafts[name] = r;
    log(
      `  ${name}: open→diagnostics ${r.openMs.toFixed(0)} ms; typing p50 ${r.typing.p50.toFixed(1)} / p95 ${r.typing.p95.toFixed(1)} ms (${r.typing.n} chars); burst ${r.burst.ms.toFixed(0)} ms, ${r.burst.ordered ? 'in order' : 'OUT OF ORDER'}; symbols p50 ${r.symbols.p50.toFixed(1)} ms (after an edit ${r.symbolsAfterEdit.p50.toFixed(1)}); hover p50 ${r.hover.p50.toFixed(1)} ms`,
    );
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }
  await client.stop();

  // 100 open 50 kB drafts.
  const many = new Client();
  await many.initialize();
  const before = many.rss();
  const uris = [];
  for (const [i, path] of manifest.open50k.entries()) {
    const uri = `file:///bench/open/${i}.md`;
    uris.push(uri);
    await many.open(uri, readFileSync(path, 'utf8'));
  }
  for (const uri of uris) await many.diagnostics(uri, 1, 120_000);
  await new Promise((r) => setTimeout(r, 1000));
  out.open100 = { ...many.rss(), idleRssMB: before.rssMB };
  log(`  100 open 50 kB drafts: RSS ${out.open100.rssMB.toFixed(0)} MB (peak ${out.open100.hwmMB.toFixed(0)} MB; ${before.rssMB.toFixed(0)} MB before opening)`);
  await many.stop();
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchLsp({ manifest: ensureCorpus(), quick: process.argv.includes('--quick'), log: (s) => console.log(s) });
  console.log(JSON.stringify(r, null, 1));
}
