// Protocol tests: the built server over stdio, driven as an editor drives it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover, type TextEdit, type WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const fixtures = new URL('../../fixtures/', import.meta.url);
const seed = readFileSync(new URL('seeds/000_1879313dcec84cbe.txt', fixtures), 'utf8');
const gbt = readFileSync(new URL('real/012-huidong-anquan-shengchan-huiyi.md', fixtures), 'utf8');
const faulty = seed.replace('二要加强制度落实', '二是加强制度落实').replace(/\n三要[^\n]*/, '');

/** Applies LSP text edits to a text (positions refer to the original). */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const names = (symbols: DocumentSymbol[]): unknown[] => symbols.map((s) => (s.children?.length ? [s.name, names(s.children)] : s.name));

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  let root: string;
  let n = 0;
  const uriFor = (name: string) => pathToFileURL(join(root, name)).href;
  const fresh = () => uriFor(`doc${++n}.md`);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongwen-lsp-'));
    mkdirSync(join(root, 'drafts'));
    writeFileSync(join(root, 'drafts', 'seed.md'), seed);
    writeFileSync(join(root, 'drafts', 'notice.md'), gbt);
    writeFileSync(join(root, 'README.md'), '# Readme\n\n1. install\n2. run\n');
    client = await TestClient.start({ rootPath: root, locale: 'zh-cn' });
  });
  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics with rule codes, links, severities and related locations', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const byCode = new Map(diagnostics.map((d: Diagnostic) => [d.code, d]));
    assert.deepEqual([...byCode.keys()].sort(), ['announced-count', 'mixed-style', 'sequence-gap']);
    const gap = byCode.get('sequence-gap')!;
    assert.equal(gap.source, 'gongwen');
    assert.equal(gap.severity, 1);
    assert.match(gap.codeDescription!.href, /docs\/rules\/sequence-gap\.md$/);
    assert.match(String(gap.message), /缺少第三项/);
    assert.deepEqual(gap.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 2 } });
    assert.equal(gap.relatedInformation?.[0].location.range.start.line, 7);
    assert.equal(byCode.get('mixed-style')!.severity, 2);
  });

  it('sends messages in English to an English client', async () => {
    const en = await TestClient.start({ rootPath: root, locale: 'en' });
    try {
      const uri = fresh();
      await en.open(uri, faulty);
      const { diagnostics } = await en.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.match(String(diagnostics.find((d) => d.code === "sequence-gap")!.message), /item 3 is missing/);
    } finally {
      await en.stop();
    }
  });

  it('says nothing about an English README', async () => {
    const uri = fresh();
    await client.open(uri, '# Readme\n\n1. install\n3. run\n');
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  it('returns the outline: headings as sections, items nested under them', async () => {
    const uri = fresh();
    await client.open(uri, gbt);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(names(symbols), [
      [
        '关于召开会东县安全生产工作紧急会议暨县政府安委会2013年第二次全体会议的通知',
        [
          '一、会议时间及地点',
          '二、会议内容',
          ['三、参会人员', ['（一） 县委、县政府相关领导', '（二） 县安委会成员单位主要负责人', '（三） 县级相关单位主要负责人', '（四） 部分重点企业主要负责人']],
          ['四、注意事项', ['（一） 因特殊原因确实不能参会的人员，务必向县政府主要领导请假', '（二） 请宣传部门做好会议的宣传报道工作', '（三） 安委会成员单位和企业参会人员由县安监局负责通知']],
        ],
      ],
    ]);
    const item = symbols[0].children![2];
    assert.ok(item.range.start.line <= item.selectionRange.start.line && item.selectionRange.end.line <= item.range.end.line);
  });

  it('names the seed items by marker and head', async () => {
    const uri = fresh();
    await client.open(uri, seed);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 10);
    assert.equal(symbols[0].name, '一要 加强形势研判,强化底线意识');
  });

  it('folds sections and items', async () => {
    const uri = fresh();
    await client.open(uri, gbt);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const spans = ranges.map((r) => `${r.startLine}-${r.endLine}`);
    assert.ok(spans.includes('12-20'), spans.join(' ')); // ## 三、参会人员 through （四）
    assert.ok(spans.includes('22-28'), spans.join(' ')); // ## 四、注意事项 to the end
  });

  it('hovers on a marker with its place in the enumeration, and on an announcement', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    const onItem = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 1 } });
    assert.match(String((onItem.contents as { value: string }).value), /第 3 项 \/ 共 9 项/);
    const annLine = seed.split('\n').findIndex((l) => l.includes('十个方面'));
    const annChar = seed.split('\n')[annLine].indexOf('十个方面');
    const onAnn = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: annLine, character: annChar + 1 } });
    assert.match(String((onAnn.contents as { value: string }).value), /预告: 10[\s\S]*实有: 9/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }), null);
  });

  it('offers quick fixes whose edits give the right text', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const fixed: Record<string, string> = {};
    for (const d of diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const quick = actions.find((a) => a.isPreferred)!;
      fixed[String(d.code)] = applyLspEdits(faulty, quick.edit!.changes![uri]);
      const disable = actions.find((a) => a.title.includes('停用'))!;
      const disabled = applyLspEdits(faulty, disable.edit!.changes![uri]);
      assert.equal(disabled.split('\n')[d.range.start.line], `<!-- gongwen-disable-next-line ${d.code} -->`);
    }
    assert.match(fixed['mixed-style'], /\n二要加强制度落实/);
    assert.match(fixed['sequence-gap'], /\n三要加强人物同防/);
    assert.match(fixed['announced-count'], /重点抓好九个方面工作/);
  });

  it('fixes everything with source.fixAll.gongwen', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(actions.length, 1);
    const text = applyLspEdits(faulty, actions[0].edit!.changes![uri]);
    assert.match(text, /\n二要加强制度落实/);
    assert.match(text, /\n三要加强人物同防/);
    assert.match(text, /重点抓好九个方面工作/);
  });

  it('completes the next marker on a new paragraph', async () => {
    const uri = fresh();
    const text = '会议提出三点要求。\n\n一要统一思想。\n\n二要加强领导。\n\n三要狠抓落实。\n\n';
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 0 } });
    assert.equal(items[0].label, '四要');
    const inline = '会议强调：一是统一思想；二是加强领导；';
    const uri2 = fresh();
    await client.open(uri2, inline);
    const items2 = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri2 }, position: { line: 0, character: inline.length } });
    assert.equal(items2[0].label, '三是');
  });

  it('renumbers the enumeration at the cursor through workspace/applyEdit', async () => {
    const uri = fresh();
    await client.open(uri, '一要甲。\n\n三要乙。\n\n四要丙。\n');
    const res = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'gongwen.server.renumber', arguments: [uri, { line: 2, character: 0 }] });
    assert.equal(res.applied, true);
    const edit = client.applied.at(-1) as { edit: { changes: Record<string, TextEdit[]> } };
    assert.equal(applyLspEdits('一要甲。\n\n三要乙。\n\n四要丙。\n', edit.edit.changes[uri]), '一要甲。\n\n二要乙。\n\n三要丙。\n');
  });

  it('finds items across the workspace by their words (核酸 lands on 三要)', async () => {
    const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '核酸' });
    assert.ok(found.length >= 1);
    assert.equal(found[0].name, '三要 加强核酸检测,强化源头预警');
    assert.match((found[0].location as { uri: string }).uri, /drafts\/seed\.md$/);
    const readme = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'install' });
    assert.deepEqual(readme, []);
  });

  it('follows incremental edits and never publishes an older version after a newer one', async () => {
    const uri = fresh();
    let text = '一要甲。\n\n二要乙。\n';
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const start = client.published.length;
    // Type 二 → 三 in a burst of versions, each one an incremental change.
    for (let v = 2; v <= 30; v++) {
      const line = 2;
      const next = v % 2 === 1 ? "四" : "二";
      await client.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: next }]);
      text = text.slice(0, 6) + next + text.slice(7);
    }
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 30);
    const versions = client.published.slice(start).filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions}`);
    assert.deepEqual(last.diagnostics, []); // version 30 ends with 二要
  });

  it('collapses a burst that arrives while it is busy into few analyses, the last of the newest version', async () => {
    // Twenty changes sent at once, each large enough that the server takes more than a
    // millisecond to apply it: a timer-based schedule fires between them and analyses (and
    // publishes) nearly every version (18 of 20 when measured); the last one then comes late.
    // How many arrive before the server catches up depends on the machine's load, so the test
    // asks for at most half.
    const uri = fresh();
    await client.open(uri, seed, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const lines = seed.split('\n').length;
    const paste = '统筹推进各项工作。\n\n'.repeat(8000);
    await Promise.all(
      Array.from({ length: 20 }, (_, k) => {
        const line = lines - 1 + k * 16000;
        return client.change(uri, k + 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: paste }]);
      }),
    );
    await client.waitForDiagnostics(uri, (p) => p.version === 21, 60_000);
    const versions = client.published.filter((p) => p.uri === uri && p.version! > 1).map((p) => p.version!);
    assert.ok(versions.length <= 10, `published ${versions.join(', ')}`);
    assert.equal(versions.at(-1), 21);
  });

  it('answers a request cancelled mid-flight with RequestCancelled, and stays up', async () => {
    const uri = fresh();
    await client.open(uri, seed.repeat(20));
    const source = new CancellationTokenSource();
    const pending = client.request('textDocument/documentSymbol', { textDocument: { uri } }, source);
    source.cancel();
    await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
    const after = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(after.length > 0);
  });

  it('applies a settings change to open documents', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'sequence-gap'));
    client.settings = { rules: { 'sequence-gap': 'off', 'mixed-style': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitForDiagnostics(uri, (q) => !q.diagnostics.some((d) => d.code === 'sequence-gap'));
    assert.equal(p.diagnostics.find((d) => d.code === 'mixed-style')!.severity, 1);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === 'sequence-gap'));
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = fresh();
    await client.open(uri, faulty);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });
});
