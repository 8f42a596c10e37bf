// The language server: protocol wiring only. Every feature is computed from
// the one analysis of a document version (analysis.ts) by a provider in
// features/; handlers get the document, adapt it, call the provider.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisManager, type DocumentSettings } from './analysis.js';
import { toTextEdit } from './convert.js';
import { localeFrom, type Locale } from './locale.js';
import { SettingsStore } from './settings.js';
import { documentSymbols } from './features/symbols.js';
import { foldingRanges } from './features/folding.js';
import { hover } from './features/hover.js';
import { codeActions, FIX_ALL_KIND } from './features/codeActions.js';
import { completions } from './features/completion.js';
import { WorkspaceSymbolIndex } from './features/workspaceSymbols.js';
import { fixAllEdits, renumberEditsAt } from './features/edits.js';

export const COMMANDS = { renumber: 'gongwen.server.renumber' } as const;

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  let clientLocale: string | undefined;
  let hasConfigurationCapability = false;
  let hasWatchedFilesCapability = false;
  let workspaceRoots: string[] = [];

  const settings = new SettingsStore(connection, () => hasConfigurationCapability);
  const settingsFor = async (uri: string, text: string): Promise<DocumentSettings> => settings.documentSettings(uri, text, clientLocale);
  const analyses = new AnalysisManager(connection, settingsFor, (uri) => documents.get(uri));
  const workspaceIndex = new WorkspaceSymbolIndex();

  const withDocument = async <T>(uri: string, token: CancellationToken | undefined, fn: (doc: TextDocument, locale: Locale) => Promise<T> | T): Promise<T | null> => {
    const doc = documents.get(uri);
    if (!doc) return null;
    if (token?.isCancellationRequested) throw cancelled();
    const analysis = await analyses.get(doc);
    if (token?.isCancellationRequested) throw cancelled();
    return fn(doc, analysis.settings.locale);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const caps = params.capabilities;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    hasWatchedFilesCapability = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []))
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => fileURLToPath(f.uri));
    settings.setInitializationOptions(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '公文 Gongwen' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: ['\n', '。', '；', '：'] },
        executeCommandProvider: { commands: [COMMANDS.renumber] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gongwen-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' });
    if (hasWatchedFilesCapability) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.gongwenrc{,.yaml,.yml,.json}' }, { globPattern: '**/package.json' }, { globPattern: '**/*.{yaml,yml,json}' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => fileURLToPath(f.uri)));
      workspaceRoots = workspaceRoots.filter((r) => !removed.has(r)).concat(e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
    });
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    analyses.invalidateAll(documents.all());
  });

  connection.onDidChangeWatchedFiles((params) => {
    settings.filesChanged(params.changes.map((c) => c.uri));
    for (const c of params.changes) if (c.uri.startsWith('file:')) workspaceIndex.forget(fileURLToPath(c.uri));
    analyses.invalidateAll(documents.all());
  });

  documents.onDidOpen((e) => analyses.schedule(e.document, true));
  documents.onDidChangeContent((e) => analyses.schedule(e.document));
  documents.onDidClose((e) => analyses.close(e.document.uri));
  documents.onDidSave((e) => {
    // Saving a config or schema file changes what applies to every open draft.
    if (settings.isConfigLike(e.document.uri)) {
      settings.filesChanged([e.document.uri]);
      analyses.invalidateAll(documents.all());
    }
  });

  connection.onDocumentSymbol((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => documentSymbols((await analyses.get(doc)).result, locale)),
  );

  connection.onFoldingRanges((params, token) => withDocument(params.textDocument.uri, token, async (doc) => foldingRanges((await analyses.get(doc)).result)));

  connection.onHover((params, token) => withDocument(params.textDocument.uri, token, async (doc, locale) => hover((await analyses.get(doc)).result, params.position, locale)));

  connection.onCompletion((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const a = await analyses.get(doc);
      return completions(a.result, a.text, params.position, doc.offsetAt(params.position), locale);
    }),
  );

  connection.onCodeAction((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const a = await analyses.get(doc);
      return codeActions(doc.uri, a.text, a.result, params, locale, () => {
        const edits = fixAllEdits(a.text, a.settings.options);
        return edits ? { edits: edits.map(toTextEdit) } : null;
      });
    }),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== COMMANDS.renumber) return null;
    const [uri, position] = (params.arguments ?? []) as [string, { line: number; character: number }];
    const doc = documents.get(uri);
    if (!doc || !position) return { applied: false };
    const a = await analyses.get(doc);
    const edits = renumberEditsAt(a.text, a.result, doc.offsetAt(position), a.settings.options);
    if (!edits || !edits.length) return { applied: false };
    const res = await connection.workspace.applyEdit({ label: '重新编号 Renumber', edit: { changes: { [uri]: edits.map(toTextEdit) } } });
    return { applied: res.applied };
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    const open = new Map<string, string>();
    for (const d of documents.all()) if (d.uri.startsWith('file:')) open.set(fileURLToPath(d.uri), d.getText());
    return workspaceIndex.search(workspaceRoots, params.query, open, () => token.isCancellationRequested);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

export { localeFrom };
