// Protocol tests for what the schema and the config files bring to the editor:
// missing-measure diagnostics, code lenses, the coverage report and status,
// hovers with the measures an item covers, stub items, measure completions,
// diagnostics on the schema file itself, and re-validation when it changes.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const examples = new URL('../../../examples/', import.meta.url);

function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language server with a schema and a config file', function () {
  this.timeout(30000);
  let client: TestClient;
  let root: string;
  let good: string;
  let faulty: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongwen-lsp-schema-'));
    cpSync(new URL('.', examples), root, { recursive: true });
    good = readFileSync(join(root, 'campus-epidemic.md'), 'utf8');
    faulty = readFileSync(join(root, 'campus-epidemic-draft-with-errors.md'), 'utf8');
    client = await TestClient.start({ rootPath: root });
  });
  after(async () => {
    await client.stop();
  });

  const uriOf = (name: string) => pathToFileURL(join(root, name)).href;

  it('reports a missing measure on the faulty draft, and none on the good one', async () => {
    await client.open(uriOf('campus-epidemic.md'), good);
    await client.open(uriOf('campus-epidemic-draft-with-errors.md'), faulty);
    const ok = await client.waitForDiagnostics(uriOf('campus-epidemic.md'));
    assert.deepEqual(ok.diagnostics.map((d) => d.code), []);
    const bad = await client.waitForDiagnostics(uriOf('campus-epidemic-draft-with-errors.md'), (p) => p.diagnostics.some((d) => d.code === 'missing-measure'));
    const missing = bad.diagnostics.filter((d) => d.code === 'missing-measure');
    assert.equal(missing.length, 1);
    assert.match(String(missing[0].message), /核酸检测/);
  });

  it('shows a code lens with the coverage above the checked enumeration', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('campus-epidemic-draft-with-errors.md') } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command!.title, '9 项 · 覆盖 9/10 项必需措施');
    assert.equal(lenses[0].command!.command, 'gongwen.showCoverage');
    const goodLens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('campus-epidemic.md') } });
    assert.equal(goodLens[0].command!.title, '10 项 · 覆盖 10/10 项必需措施');
  });

  it('answers the status and coverage report requests the client uses', async () => {
    const s = await client.request<{ coverage: { covered: number; total: number } | null }>('gongwen/status', { uri: uriOf('campus-epidemic-draft-with-errors.md') });
    assert.deepEqual({ covered: s.coverage?.covered, total: s.coverage?.total }, { covered: 9, total: 10 });
    const report = await client.request<{ markdown: string }>('gongwen/coverageReport', { uri: uriOf('campus-epidemic-draft-with-errors.md') });
    assert.match(report.markdown, /\| 措施 Measure \| 状态 Status \|/);
    assert.match(report.markdown, /❌/);
    await client.open(uriOf('notice-gbt-levels.md'), readFileSync(join(root, 'notice-gbt-levels.md'), 'utf8'));
    const none = await client.request<{ coverage: unknown }>('gongwen/status', { uri: uriOf('notice-gbt-levels.md') });
    assert.equal(none.coverage, null);
  });

  it('names the measures an item covers in its hover and outline detail', async () => {
    const uri = uriOf('campus-epidemic.md');
    const line = good.split('\n').findIndex((l) => l.startsWith('三要'));
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    assert.match(String((h.contents as { value: string }).value), /覆盖的必备措施[\s\S]*核酸/);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const flat: DocumentSymbol[] = [];
    const walk = (l: DocumentSymbol[]) => l.forEach((s) => (flat.push(s), walk(s.children ?? [])));
    walk(symbols);
    const third = flat.find((s) => s.name.startsWith('三要'))!;
    assert.match(third.detail ?? '', /核酸/);
  });

  it('offers a stub item for the missing measure, with the next marker', async () => {
    const uri = uriOf('campus-epidemic-draft-with-errors.md');
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-measure'));
    const d = diagnostics.find((x) => x.code === 'missing-measure')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const stub = actions.find((a) => a.title.startsWith('添加'))!;
    assert.ok(stub, actions.map((a) => a.title).join(' | '));
    assert.equal(stub.title, '添加“三要加强核酸检测”');
    // Where the schema's order puts it: after 二是 (which covers the measure before), numbered 三.
    const text = applyLspEdits(faulty, stub.edit!.changes![uri]);
    assert.match(text, /\n二是加强制度落实[^\n]*\n\n三要加强核酸检测。（待补充：[^）]*频次[^）]*）\n\n四要/);
    // With the stub in place, nothing about the measure is missing, and the numbering gap is gone.
    const fixedUri = uriOf('stubbed.md');
    await client.open(fixedUri, text);
    const after = await client.waitForDiagnostics(fixedUri);
    assert.deepEqual(after.diagnostics.map((x) => x.code).filter((c) => c === 'missing-measure' || c === 'sequence-gap'), []);
  });

  it('completes the titles of measures not yet covered', async () => {
    const uri = uriOf('campus-epidemic-draft-with-errors.md');
    const lines = faulty.split('\n');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } });
    assert.ok(items.some((i) => i.label === '十一要'), items.map((i) => i.label).join(' '));
    assert.ok(items.some((i) => String(i.label).includes('核酸检测')), items.map((i) => i.label).join(' '));
  });

  it('puts diagnostics on a broken schema file at the right line and column', async () => {
    const schemaUri = uriOf('schemas/campus-epidemic.yaml');
    const broken = readFileSync(join(root, 'schemas/campus-epidemic.yaml'), 'utf8').replace(/^order:.*$/m, 'order: sideways');
    writeFileSync(join(root, 'schemas/campus-epidemic.yaml'), broken);
    await client.open(schemaUri, broken, 1, 'yaml');
    const p = await client.waitForDiagnostics(schemaUri, (q) => q.diagnostics.length > 0);
    const line = broken.split('\n').findIndex((l) => l.startsWith('order:'));
    assert.equal(p.diagnostics[0].range.start.line, line);
    assert.equal(p.diagnostics[0].source, 'gongwen');
  });

  it('re-validates open drafts when the schema file changes on disk', async () => {
    const uri = uriOf('campus-epidemic.md');
    const schemaPath = join(root, 'schemas/campus-epidemic.yaml');
    const original = readFileSync(new URL('schemas/campus-epidemic.yaml', examples), 'utf8');
    // A new required measure that no item covers.
    const extra = original.replace(/^measures:\n/m, 'measures:\n  - id: drills\n    title: 开展消防演练\n    any: [消防演练]\n');
    writeFileSync(schemaPath, extra);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaPath).href, type: 2 }] });
    const p = await client.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === 'missing-measure' && String(d.message).includes('消防演练')));
    assert.ok(p.diagnostics.length >= 1);
    writeFileSync(schemaPath, original);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaPath).href, type: 2 }] });
    await client.waitForDiagnostics(uri, (q) => q.diagnostics.length === 0);
  });

  it('with gongwen.requireConfig, checks only documents under a config file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'gongwen-noconfig-'));
    const inside = uriOf('campus-epidemic-draft-with-errors.md');
    const lone = pathToFileURL(join(outside, 'draft.md')).href;
    client.settings = { requireConfig: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.open(lone, faulty);
    const none = await client.waitForDiagnostics(lone);
    assert.deepEqual(none.diagnostics, []);
    const stillChecked = await client.waitForDiagnostics(inside, (p) => p.diagnostics.length > 0);
    assert.ok(stillChecked.diagnostics.some((d) => d.code === 'sequence-gap'));
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(lone, (p) => p.diagnostics.some((d) => d.code === 'sequence-gap'));
  });

  it('derives a schema from the open document', async () => {
    const res = await client.request<{ yaml: string }>('gongwen/deriveSchema', { uri: uriOf('campus-epidemic.md') });
    assert.match(res.yaml, /measures:/);
    assert.match(res.yaml, /核酸检测/);
  });
});
