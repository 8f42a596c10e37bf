// The VS Code extension: starts the Gongwen language server and adds the
// commands and the status bar item. No domain logic lives here: everything
// comes from the server, so the editor and `gongwen lint` always agree.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, State, CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { initL10n, t } from './l10n';
import { createErrorHandler } from './errorHandler';

let client: LanguageClient | undefined;

interface DocumentStatus {
  coverage: { covered: number; total: number; schema: string } | null;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  initL10n(context);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Gongwen 公文', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/.gongwenrc{,.yaml,.yml,.json}' },
      { scheme: 'file', pattern: '**/*.{yaml,yml,json}' },
    ],
    synchronize: { configurationSection: 'gongwen' },
    outputChannel: output,
    initializationOptions: vscode.workspace.getConfiguration('gongwen'),
    // Restart a crashed server and say so once; log connection errors; give up on a crash loop.
    errorHandler: createErrorHandler(
      { continue: ErrorAction.Continue, restart: CloseAction.Restart, doNotRestart: CloseAction.DoNotRestart },
      {
        restarted: () => void vscode.window.showWarningMessage(t('The Gongwen language server stopped unexpectedly and was restarted.')),
        gaveUp: () => void vscode.window.showErrorMessage(t('The Gongwen language server keeps stopping and was not restarted. See the Gongwen output for details.')),
      },
    ),
  };
  client = new LanguageClient('gongwen', 'Gongwen 公文', serverOptions, clientOptions);

  const reports = new CoverageReports(() => client);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports));

  const status = vscode.window.createStatusBarItem('gongwen.coverage', vscode.StatusBarAlignment.Right, 100);
  status.name = t('Gongwen coverage');
  status.command = 'gongwen.showCoverage';
  context.subscriptions.push(status, output);

  const refreshStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || client.state !== State.Running || !editor || editor.document.languageId !== 'markdown') {
      status.hide();
      return;
    }
    try {
      const s = await client.sendRequest<DocumentStatus>('gongwen/status', { uri: editor.document.uri.toString() });
      if (!s.coverage) {
        status.hide();
        return;
      }
      const { covered, total, schema } = s.coverage;
      status.text = `$(checklist) ${t('Gongwen')} ${covered}/${total}`;
      status.tooltip = t('{0} of {1} required measures covered (schema: {2}). Click for the coverage report.', covered, total, schema);
      status.backgroundColor = covered < total ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      status.show();
    } catch {
      status.hide();
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.renumber', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      const res = (await client.sendRequest('workspace/executeCommand', {
        command: 'gongwen.server.renumber',
        arguments: [editor.document.uri.toString(), editor.selection.active],
      })) as { applied?: boolean } | null;
      if (!res?.applied) void vscode.window.showInformationMessage(t('No numbered enumeration to renumber here.'));
    }),
    vscode.commands.registerCommand('gongwen.showCoverage', async (uri?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!client || !target) return;
      // A read-only virtual document: nothing to save, no dirty Untitled tab.
      const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/coverage.md', query: target });
      reports.refresh(reportUri);
      await vscode.commands.executeCommand('markdown.showPreview', reportUri);
    }),
    vscode.commands.registerCommand('gongwen.deriveSchema', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      const res = await client.sendRequest<{ yaml: string }>('gongwen/deriveSchema', { uri: editor.document.uri.toString() });
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: res.yaml });
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
    vscode.commands.registerCommand('gongwen.chooseSchema', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const files = await vscode.workspace.findFiles('**/*.{yaml,yml,json}', '**/node_modules/**', 500);
      const schemas: vscode.QuickPickItem[] = [];
      for (const f of files) {
        const text = (await vscode.workspace.fs.readFile(f)).toString();
        if (/^\s*"?measures"?\s*:/m.test(text)) schemas.push({ label: vscode.workspace.asRelativePath(f), description: f.fsPath });
      }
      const picked = await vscode.window.showQuickPick([{ label: t('(none)'), description: '' }, ...schemas], { placeHolder: t('Schema for this document') });
      if (!picked) return;
      const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
      await vscode.workspace
        .getConfiguration('gongwen', editor.document.uri)
        .update('schema', picked.description ?? '', folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.languages.onDidChangeDiagnostics(() => void refreshStatus()),
  );

  await client.start();
  output.appendLine('gongwen: language server started');
  void refreshStatus();
  return { client: () => client };
}

const REPORT_SCHEME = 'gongwen-report';

/** The coverage report of a draft (the draft's URI is the query), computed by the server. */
class CoverageReports implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const c = this.client();
    if (!c) return '';
    const report = await c.sendRequest<{ markdown: string }>('gongwen/coverageReport', { uri: uri.query });
    return report.markdown;
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
