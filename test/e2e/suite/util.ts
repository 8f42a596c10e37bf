// Helpers for tests that run inside VS Code's extension host (real `vscode` API).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../driver/wait';

export { waitFor };

export const EXTENSION_ID = process.env.GONGWEN_E2E_EXTENSION_ID || 'gongwen.gongwen';

export function workspaceFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the suite needs a workspace folder (test/e2e/fixtures/workspace copy)');
  return f.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function openDoc(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeout: 60_000 });
  // isActive is also true after a failed activate(); activate() then rejects with its error
  await ext.activate();
  assert.ok(ext.exports, 'activate() returned its API (a failed activation returns nothing)');
  return ext;
}

/**
 * The extension's document symbols. executeDocumentSymbolProvider merges every
 * provider's roots; VS Code's Markdown provider adds its headings (kind String, named
 * "## …"): leave those out.
 */
export async function gongwenSymbols(uri: vscode.Uri, min = 1, timeout = 30_000): Promise<vscode.DocumentSymbol[]> {
  return waitFor('document symbols', async () => {
    const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const ours = (all ?? []).filter((s) => !(s.kind === vscode.SymbolKind.String && s.name.startsWith('#')));
    return ours.length >= min ? ours : undefined;
  }, { timeout });
}

/** A diagnostic's rule id (the code may carry a documentation link). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function gongwenDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen')
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function summary(ds: vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`);
}

/** Wait until the Gongwen diagnostics of URI satisfy PREDICATE. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, timeout = 30_000): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  return waitFor(`diagnostics of ${uri.path.split('/').pop()}`, () => {
    last = gongwenDiagnostics(uri);
    return predicate(last) ? last : undefined;
  }, { timeout, interval: 100 }, () => JSON.stringify(summary(last).concat(last.map((d) => d.message))));
}

/** Set a `gongwen.*` setting (globally) and return a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const cfg = vscode.workspace.getConfiguration('gongwen');
  const before = cfg.inspect(key)?.globalValue;
  await cfg.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => { await vscode.workspace.getConfiguration('gongwen').update(key, before, vscode.ConfigurationTarget.Global); };
}

/** Flatten a DocumentSymbol tree to "depth name" lines. */
export function flattenSymbols(symbols: vscode.DocumentSymbol[], depth = 0, out: string[] = []): string[] {
  for (const s of symbols) {
    out.push(`${depth} ${s.name}`);
    flattenSymbols(s.children ?? [], depth + 1, out);
  }
  return out;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The Gongwen code lens (coverage of the checked enumeration) of URI, once its title matches TITLE. */
export async function coverageLens(uri: vscode.Uri, title: RegExp = /./, timeout = 30_000): Promise<vscode.CodeLens> {
  let last: string[] = [];
  return waitFor(`coverage code lens ${title}`, async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = (lenses ?? []).filter((l) => l.command?.command === 'gongwen.showCoverage');
    last = ours.map((l) => l.command?.title ?? '');
    return ours.find((l) => title.test(l.command?.title ?? ''));
  }, { timeout, interval: 200 }, () => JSON.stringify(last));
}

/** Open tabs that show a Markdown preview (a webview). */
export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/i.test(t.input.viewType));
}

export async function closePreviews(): Promise<void> {
  const tabs = previewTabs();
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
  await waitFor('Markdown previews closed', () => previewTabs().length === 0, { timeout: 10_000 });
}

type WindowFn = 'showQuickPick' | 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'showInputBox';

/**
 * Replace vscode.window.FN with a stub that records its arguments and resolves to
 * RESULT, so a prompt the extension shows can be read instead of shown. The test code
 * lies inside the extension's folder, so VS Code hands it the same `vscode` API object
 * as the extension (extensionDevelopmentPath = the repository).
 */
export function stubWindow(fn: WindowFn, result: unknown): { calls: unknown[][]; restore(): void } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const original = win[fn];
  const calls: unknown[][] = [];
  win[fn] = (...args: unknown[]) => { calls.push(args); return Promise.resolve(result); };
  assert.notEqual(win[fn], original, `vscode.window.${fn} can be stubbed`);
  return { calls, restore: () => { win[fn] = original; } };
}
