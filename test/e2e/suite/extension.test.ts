// The extension in a real VS Code extension host, asserted through the `vscode` API.
// Fixtures: test/e2e/fixtures/workspace (a fresh copy per run is the workspace folder).
//   seed.md    the seed directive (一要 … 十要, no findings)
//   faulty.md  the seed with 三要 deleted and 二要 written 二是
//   notice.md  a GB/T 9704 notice: headings 一、… with （一） and 1. nested below
//   .gongwenrc.yaml, schemas/campus-epidemic.yaml, campus-epidemic.md,
//   campus-epidemic-draft-with-errors.md   copies of examples/: drafts checked against a schema
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate, closePreviews, codeOf, coverageLens, fileUri, flattenSymbols, gongwenDiagnostics, gongwenSymbols, hoverText, openDoc,
  previewTabs, setSetting, stubWindow, summary, waitFor, waitForDiagnostics,
} from './util';

const HAN = /[\u4e00-\u9fff]/;
const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A scratch copy of a fixture, opened in an editor; deleted after the test. */
async function scratchCopy(from: string, name: string): Promise<vscode.TextDocument> {
  const bytes = await vscode.workspace.fs.readFile(fileUri(from));
  await vscode.workspace.fs.writeFile(fileUri(name), bytes);
  return openDoc(name);
}

async function dropScratch(doc: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(doc.uri).then(undefined, () => undefined);
}

const lineStarts = (doc: vscode.TextDocument, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => doc.lineAt(from + i).text.slice(0, 3));

describe('Gongwen extension (extension host)', function () {
  let restoreLocale: () => Promise<void>;

  before(async () => {
    // Chinese messages, whatever VS Code's own display language (en where no language pack is installed)
    restoreLocale = await setSetting('locale', 'zh-CN');
    // every test needs an active extension: a failed activation stops the suite here, at once
    await openDoc('seed.md');
    await activate();
  });
  after(async () => { await restoreLocale?.(); });

  it('activates on a Markdown file', async () => {
    await openDoc('seed.md');
    const ext = await activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const ext = await activate();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  it('reports the faulty draft: rule codes, ranges, severities, Chinese messages', async () => {
    const doc = await openDoc('faulty.md');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length >= 3 && d.every((x) => HAN.test(x.message)));
    assert.deepEqual(summary(ds), ['6:39 announced-count', '8:1 mixed-style', '9:1 sequence-gap']);
    const [announced, mixed, gap] = ds;
    assert.equal(announced.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(mixed.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(gap.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(gap.range).slice(0, 2), '四要', 'the gap is reported on the item after it');
    assert.equal(doc.getText(mixed.range).slice(0, 2), '二是');
    assert.match(announced.message, /十个方面/);
    assert.match(gap.message, /缺少/);
    assert.match(mixed.message, /二是/);
  });

  it('reports nothing on the seed draft', async () => {
    const doc = await openDoc('seed.md');
    // wait for the analysis of this document to have been published (the outline is a proxy)
    await gongwenSymbols(doc.uri, 10);
    const bad = gongwenDiagnostics(doc.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(summary(bad), []);
  });

  it('follows the gongwen.locale setting (English messages with "en")', async () => {
    const uri = fileUri('faulty.md');
    await openDoc('faulty.md');
    const restore = await setSetting('locale', 'en');
    try {
      const ds = await waitForDiagnostics(uri, (d) => d.length >= 3 && !d.some((x) => codeOf(x) === 'sequence-gap' && HAN.test(x.message.replace(/“[^”]*”|"[^"]*"/g, ''))));
      const gap = ds.find((d) => codeOf(d) === 'sequence-gap')!;
      assert.match(gap.message, /gap|missing/i);
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'sequence-gap' && /缺少/.test(x.message)));
  });

  it('takes a rule severity change from settings (gongwen.rules)', async () => {
    const uri = fileUri('faulty.md');
    await openDoc('faulty.md');
    const restore = await setSetting('rules', { 'mixed-style': 'off', 'sequence-gap': 'warning' });
    try {
      const ds = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'mixed-style'));
      const gap = ds.find((d) => codeOf(d) === 'sequence-gap');
      assert.equal(gap?.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'mixed-style'));
  });

  it('gives the outline of the seed: ten items in order', async () => {
    const doc = await openDoc('seed.md');
    const symbols = await gongwenSymbols(doc.uri, 10);
    const names = flattenSymbols(symbols);
    assert.deepEqual(names.map((n) => n.slice(0, 4)), CN_NUMS.map((n) => `0 ${n}要`));
    assert.match(names[0], /^0 一要 加强形势研判/);
  });

  it('nests the outline of a notice under its headings', async () => {
    const doc = await openDoc('notice.md');
    const symbols = await gongwenSymbols(doc.uri);
    const flat = flattenSymbols(symbols);
    const depth = (prefix: string) => {
      const line = flat.find((l) => l.replace(/^\d+ /, '').startsWith(prefix));
      assert.ok(line, `symbol ${prefix} in ${JSON.stringify(flat)}`);
      return Number(line.split(' ')[0]);
    };
    // 二、参会人员 (a ## heading) holds （一）…（四）; （一）认真做好会前准备 (###) holds 1. 2.
    const d2 = depth('二、');
    assert.ok(depth('（一） 区政府分管副区长') > d2, JSON.stringify(flat));
    const d31 = depth('（一）认真做好会前准备');
    assert.ok(flat.filter((l) => /^\d+ 1\./.test(l)).every((l) => Number(l.split(' ')[0]) > d31), JSON.stringify(flat));
  });

  it('folds a notice by sections', async () => {
    const doc = await openDoc('notice.md');
    const ranges = await waitFor('folding ranges', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      return r && r.length ? r : undefined;
    });
    const line = (text: string) => {
      for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(text)) return i;
      throw new Error(`no line ${text}`);
    };
    const participants = line('## 二、参会人员');
    const agenda = line('## 三、会议议程');
    assert.ok(ranges.some((r) => r.start === participants && r.end >= agenda - 2 && r.end < agenda),
      `a range folds 二、参会人员: ${JSON.stringify(ranges.map((r) => [r.start, r.end]))}`);
  });

  it('explains a marker on hover', async () => {
    const doc = await openDoc('faulty.md');
    await waitForDiagnostics(doc.uri, (d) => d.length >= 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(7, 0));
    const text = hoverText(hovers);
    assert.match(text, /二是/);
    assert.match(text, /第 2 项 \/ 共 9 项/);
  });

  it('offers the renumber fix for a gap, and applying it renumbers the draft', async () => {
    const doc = await scratchCopy('faulty.md', 'renumber-fix.md');
    try {
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'sequence-gap'));
      const gap = ds.find((d) => codeOf(d) === 'sequence-gap')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', doc.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /重新编号/.test(a.title));
      assert.ok(fix?.edit, `a renumber quick fix with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(actions.some((a) => /停用规则 sequence-gap/.test(a.title)), 'and a disable-for-this-line action');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitFor('document renumbered', () => doc.lineAt(8).text.startsWith('三要'));
      // items 7..15 (0-based 6..14): 一要 二是 三要 … 九要 (the style mix is a separate finding)
      assert.deepEqual(lineStarts(doc, 8, 14).map((s) => s.slice(0, 2)), CN_NUMS.slice(2, 9).map((n) => `${n}要`));
      await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'sequence-gap'));
    } finally {
      await dropScratch(doc);
    }
  });

  it('completes the next marker', async () => {
    const doc = await scratchCopy('seed.md', 'completion.md');
    try {
      const tenth = 15; // 十要 …
      assert.ok(doc.lineAt(tenth).text.startsWith('十要'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.lineAt(tenth).range.end, '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const list = await waitFor('completion items', async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(tenth + 1, 0));
        const labels = l.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        return labels.includes('十一要') ? labels : undefined;
      });
      assert.ok(list.includes('十一要'));
    } finally {
      await dropScratch(doc);
    }
  });

  it('renumbers through the gongwen.renumber command', async () => {
    const doc = await scratchCopy('faulty.md', 'renumber-command.md');
    try {
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'sequence-gap'));
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(8, 0, 8, 0);
      await vscode.commands.executeCommand('gongwen.renumber');
      await waitFor('document renumbered', () => doc.lineAt(8).text.startsWith('三要'));
    } finally {
      await dropScratch(doc);
    }
  });

  it('shows the client\'s own strings in Chinese (l10n bundle, gongwen.locale = zh-CN)', async () => {
    // The schema picker and the "nothing to renumber" notice are the client's strings
    // (client/l10n/bundle.l10n.zh-cn.json); catch the prompts instead of showing them.
    await openDoc('notice.md');
    const picker = stubWindow('showQuickPick', undefined);
    try {
      await vscode.commands.executeCommand('gongwen.chooseSchema');
      const [items, options] = await waitFor('the schema picker', () => picker.calls[0]);
      assert.equal((options as vscode.QuickPickOptions).placeHolder, '为本文档选择措施清单');
      const labels = (await items as vscode.QuickPickItem[]).map((i) => i.label);
      assert.equal(labels[0], '（不使用）');
      assert.ok(labels.includes('schemas/campus-epidemic.yaml'), JSON.stringify(labels));
    } finally {
      picker.restore();
    }
    const doc = await scratchCopy('notice.md', 'nothing-to-renumber.md');
    const notice = stubWindow('showInformationMessage', undefined);
    try {
      await gongwenSymbols(doc.uri);
      vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 0, 0, 0); // the title: no enumeration
      await vscode.commands.executeCommand('gongwen.renumber');
      const [message] = await waitFor('the notice', () => notice.calls[0]);
      assert.equal(message, '此处没有可重新编号的列举。');
    } finally {
      notice.restore();
      await dropScratch(doc);
    }
  });

  // fixtures/workspace/.gongwenrc.yaml applies schemas/campus-epidemic.yaml to campus-epidemic*.md
  // (copies of examples/): campus-epidemic.md covers all ten required measures, the draft with
  // errors lacks 三要 加强核酸检测. seed.md, faulty.md and notice.md match no schema.
  describe('with a required-measures schema (.gongwenrc.yaml + schemas/)', () => {
    const DRAFT = 'campus-epidemic-draft-with-errors.md';
    const COMPLETE = 'campus-epidemic.md';
    const SCHEMA = 'schemas/campus-epidemic.yaml';
    const missing = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'missing-measure');

    it('reports the missing measure at the checked enumeration', async () => {
      const doc = await openDoc(DRAFT);
      const ds = await waitForDiagnostics(doc.uri, (d) => missing(d).length > 0);
      assert.deepEqual(summary(missing(ds)), ['11:39 missing-measure']);
      const [m] = missing(ds);
      assert.equal(m.severity, vscode.DiagnosticSeverity.Error);
      assert.match(m.message, /缺少必备措施“加强核酸检测”/);
      assert.equal(doc.getText(m.range), '十个方面工作');
      const complete = await openDoc(COMPLETE);
      await coverageLens(complete.uri, /覆盖 10\/10/);
      assert.deepEqual(summary(missing(gongwenDiagnostics(complete.uri))), []);
    });

    it('shows a code lens with the coverage above the checked enumeration', async () => {
      const doc = await openDoc(DRAFT);
      const lens = await coverageLens(doc.uri);
      assert.equal(lens.command?.title, '9 项 · 覆盖 9/10 项必需措施');
      assert.equal(lens.command?.command, 'gongwen.showCoverage');
      assert.equal(lens.range.start.line, 12, 'above 一要 (line 13)');
      assert.match(doc.lineAt(lens.range.start.line).text, /^一要/);
    });

    it('opens the coverage report from the code lens (gongwen.showCoverage)', async () => {
      const doc = await openDoc(DRAFT);
      const lens = await coverageLens(doc.uri);
      await closePreviews();
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
      // A read-only virtual document (nothing to save), not an Untitled one.
      const report = await waitFor('the coverage report document', () => vscode.workspace.textDocuments.find((d) =>
        d.uri.scheme === 'gongwen-report' && d.getText().includes(DRAFT)));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.getText().includes('必备措施覆盖')), 'no Untitled report');
      const text = report.getText();
      assert.match(text, /必备措施覆盖/);
      assert.match(text, /\| 措施 Measure \| 状态 Status \|/);
      const row = (id: string) => text.split('\n').find((l) => l.includes(`\`${id}\``)) ?? '';
      assert.match(row('testing'), /加强核酸检测.*缺失 missing/);
      assert.match(row('situation'), /已覆盖 covered.*一要/);
      // and it is shown as a rendered Markdown preview
      await waitFor('a Markdown preview tab', () => previewTabs().length > 0);
      await closePreviews();
    });

    it('notes the measures an item covers in its hover and its outline detail', async () => {
      const doc = await openDoc(COMPLETE);
      await coverageLens(doc.uri);
      const first = doc.getText().split('\n').findIndex((l) => l.startsWith('一要'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(first, 1));
      const text = hoverText(hovers);
      assert.match(text, /覆盖的必备措施/);
      assert.match(text, /加强形势研判/);
      const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children ?? [])]);
      const symbols = all(await gongwenSymbols(doc.uri));
      const one = symbols.find((s) => s.name.startsWith('一要'));
      assert.match(one?.detail ?? '', /加强形势研判/, JSON.stringify(symbols.map((s) => [s.name, s.detail])));
    });

    it('explains the missing measure on hover and offers a stub item for it', async () => {
      const doc = await scratchCopy(DRAFT, 'campus-epidemic-stub.md');
      try {
        const ds = await waitForDiagnostics(doc.uri, (d) => missing(d).length > 0);
        const [m] = missing(ds);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, m.range.start);
        assert.match(hoverText(hovers), /缺少必备措施：加强核酸检测/);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider', doc.uri, m.range, vscode.CodeActionKind.QuickFix.value);
        const stub = actions.find((a) => /^添加“.*加强核酸检测”$/.test(a.title));
        assert.ok(stub?.edit, `a stub-item quick fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.ok(await vscode.workspace.applyEdit(stub.edit));
        await waitFor('the stub item in the text', () => /要加强核酸检测。/.test(doc.getText()));
        // the measure is no longer missing (the stub has yet to name its sub-requirement 频次)
        await waitForDiagnostics(doc.uri, (d) => !missing(d).some((x) => /缺少必备措施“加强核酸检测”/.test(x.message)));
      } finally {
        await dropScratch(doc);
      }
    });

    it('re-validates an open draft when its schema file changes on disk', async () => {
      const doc = await openDoc(COMPLETE);
      await coverageLens(doc.uri, /覆盖 10\/10/);
      const original = await vscode.workspace.fs.readFile(fileUri(SCHEMA));
      const text = new TextDecoder().decode(original);
      const optional = /\n\s*required: false[^\n]*/;
      assert.match(text, optional, 'the schema has an optional measure (疫苗接种)');
      try {
        // 疫苗接种 becomes required: written to disk (as git or another program would), not in an editor
        await vscode.workspace.fs.writeFile(fileUri(SCHEMA), new TextEncoder().encode(text.replace(optional, '')));
        const ds = await waitForDiagnostics(doc.uri, (d) => missing(d).length > 0);
        assert.match(missing(ds)[0].message, /疫苗接种/);
        await coverageLens(doc.uri, /覆盖 10\/11/);
      } finally {
        await vscode.workspace.fs.writeFile(fileUri(SCHEMA), original);
      }
      await waitForDiagnostics(doc.uri, (d) => missing(d).length === 0);
      await coverageLens(doc.uri, /覆盖 10\/10/);
    });

    it('re-validates an open draft when the config file is edited and saved', async () => {
      const draft = await openDoc(DRAFT);
      await waitForDiagnostics(draft.uri, (d) => missing(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error));
      const config = await openDoc('.gongwenrc.yaml');
      const original = config.getText();
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(config.uri, new vscode.Range(0, 0, config.lineCount, 0),
          original.replace(/^rules:\n/m, 'rules:\n  missing-measure: warning\n'));
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await config.save(), 'saved');
        await waitForDiagnostics(draft.uri, (d) => missing(d).length > 0 && missing(d).every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
      } finally {
        const undo = new vscode.WorkspaceEdit();
        undo.replace(config.uri, new vscode.Range(0, 0, config.lineCount, 0), original);
        await vscode.workspace.applyEdit(undo);
        await config.save();
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await waitForDiagnostics(draft.uri, (d) => missing(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    });

    it('reports errors in a schema file at their line and column', async () => {
      const name = 'schemas/broken.yaml';
      await vscode.workspace.fs.writeFile(fileUri(name), new TextEncoder().encode(
        'id: broken\ntitle: 坏清单\nmeasures:\n  - id: a\n    title: 一项\n    any: [形势研判]\n    anyy: [底线意识]\n'));
      try {
        const doc = await openDoc(name);
        const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-key'));
        const unknown = ds.find((d) => codeOf(d) === 'unknown-key')!;
        assert.deepEqual(summary([unknown]), ['7:5 unknown-key']);
        assert.match(unknown.message, /anyy/);
        assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(fileUri(name)).then(undefined, () => undefined);
      }
    });
  });
});
