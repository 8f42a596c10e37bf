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
import { toDiagnostic, toRange, toTextEdit } from './convert.js';
import { localeFrom, type Locale } from './locale.js';
import { SettingsStore } from './settings.js';
import { documentSymbols } from './features/symbols.js';
import { foldingRanges } from './features/folding.js';
import { hover } from './features/hover.js';
import { codeActions, FIX_ALL_KIND } from './features/codeActions.js';
import { completions } from './features/completion.js';
import { WorkspaceSymbolIndex } from './features/workspaceSymbols.js';
import { fixAllEdits, renumberEditsAt } from './features/edits.js';
import { codeLenses, coverageReport, coveredBy, measureCompletions, measureNotes, missingMeasureHover, status, stubActions } from './features/coverage.js';
import { SchemaFileDiagnostics } from './schemaFiles.js';
import { deriveSchema } from '../schema/index.js';

export const COMMANDS = { renumber: 'gongwen.server.renumber' } as const;

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  // A client may send a malformed didOpen; such a document is never analysed or listed.
  const validUri = (uri: unknown): uri is string => typeof uri === 'string';
  const openDocuments = () => documents.all().filter((d) => validUri(d.uri));
  let clientLocale: string | undefined;
  let hasConfigurationCapability = false;
  let hasWatchedFilesCapability = false;
  let workspaceRoots: string[] = [];

  const settings = new SettingsStore(connection, () => hasConfigurationCapability);
  const settingsFor = async (uri: string, text: string): Promise<DocumentSettings> => settings.documentSettings(uri, text, clientLocale);
  const analyses = new AnalysisManager(connection, settingsFor, (uri) => documents.get(uri));
  const workspaceIndex = new WorkspaceSymbolIndex();
  const schemaFiles = new SchemaFileDiagnostics(connection, (path) => settings.dependencies.has(path), () => localeFrom(undefined, clientLocale));

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
        codeLensProvider: { resolveProvider: false },
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
    analyses.invalidateAll(openDocuments().filter((d) => d.languageId === 'markdown'));
  });

  connection.onDidChangeWatchedFiles((params) => {
    settings.filesChanged(params.changes.map((c) => c.uri));
    for (const c of params.changes) if (c.uri.startsWith('file:')) workspaceIndex.forget(fileURLToPath(c.uri));
    for (const d of openDocuments()) if (d.languageId !== 'markdown' && settings.isConfigLike(d.uri)) void schemaFiles.check(d.uri, d.getText());
    analyses.invalidateAll(openDocuments().filter((d) => d.languageId === 'markdown'));
  });

  documents.onDidOpen((e) => {
    if (!validUri(e.document.uri)) return;
    if (e.document.languageId === 'markdown' || !settings.isConfigLike(e.document.uri)) analyses.schedule(e.document);
    else void schemaFiles.check(e.document.uri, e.document.getText());
  });
  documents.onDidChangeContent((e) => {
    if (!validUri(e.document.uri)) return;
    if (e.document.languageId === 'markdown' || !settings.isConfigLike(e.document.uri)) analyses.schedule(e.document);
  });
  documents.onDidClose((e) => {
    analyses.close(e.document.uri);
    schemaFiles.close(e.document.uri);
  });
  documents.onDidSave((e) => {
    // Saving a config or schema file changes what applies to every open draft.
    if (settings.isConfigLike(e.document.uri)) {
      settings.filesChanged([e.document.uri]);
      void schemaFiles.check(e.document.uri, e.document.getText());
      analyses.invalidateAll(openDocuments().filter((d) => d.languageId === 'markdown'));
    }
  });

  connection.onDocumentSymbol((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const { result } = await analyses.get(doc);
      const of = coveredBy(result.coverage);
      return documentSymbols(result, locale, (item) => of(item).map((m) => m.title));
    }),
  );

  connection.onFoldingRanges((params, token) => withDocument(params.textDocument.uri, token, async (doc) => foldingRanges((await analyses.get(doc)).result)));

  connection.onHover((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const a = await analyses.get(doc);
      const h = hover(a.result, params.position, locale, measureNotes(a.result.coverage, locale));
      // On a missing-measure finding: what the measure asks for.
      const here = a.result.findings.filter((f) => f.ruleId === 'missing-measure' && f.range.start.line === params.position.line && f.range.start.character <= params.position.character && params.position.character <= f.range.end.character);
      const extra = missingMeasureHover(a.result, a.settings.options.schema, here.map((f) => toDiagnostic(f, doc.uri, locale)), locale);
      if (!extra.length) return h;
      const value = [h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '', ...extra].filter(Boolean).join('\n\n');
      return { contents: { kind: 'markdown' as const, value }, range: h?.range ?? toRange(here[0].range) };
    }),
  );

  connection.onCompletion((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const a = await analyses.get(doc);
      const items = completions(a.result, a.text, params.position, doc.offsetAt(params.position), locale);
      return items.length ? [...items, ...measureCompletions(a.result, items[0]?.label, locale)] : items;
    }),
  );

  connection.onCodeAction((params, token) =>
    withDocument(params.textDocument.uri, token, async (doc, locale) => {
      const a = await analyses.get(doc);
      const actions = codeActions(doc.uri, a.text, a.result, params, locale, () => {
        const edits = fixAllEdits(a.text, a.settings.options);
        return edits ? { edits: edits.map(toTextEdit) } : null;
      });
      const only = params.context.only;
      if (!only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) {
        actions.unshift(...stubActions(doc.uri, a.text, a.result, a.settings.options.schema, params.context.diagnostics, locale));
      }
      return actions;
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

  connection.onCodeLens((params, token) => withDocument(params.textDocument.uri, token, async (doc, locale) => codeLenses(doc.uri, (await analyses.get(doc)).result, locale)));

  connection.onRequest('gongwen/status', async (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    return doc ? status((await analyses.get(doc)).result) : { coverage: null };
  });

  connection.onRequest('gongwen/coverageReport', async (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc) return { markdown: '' };
    const a = await analyses.get(doc);
    return { markdown: coverageReport(doc.uri, a.result, a.settings.locale) };
  });

  connection.onRequest('gongwen/deriveSchema', async (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc) return { yaml: '' };
    const derived = deriveSchema(doc.getText(), { source: doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : doc.uri });
    const locale = (await analyses.get(doc)).settings.locale;
    return { yaml: derived.yaml || `# ${derived.errors.map((e) => (locale === 'en' ? e.en : e.zh)).join('; ')}\n` };
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    const open = new Map<string, string>();
    for (const d of openDocuments()) if (d.uri.startsWith('file:')) open.set(fileURLToPath(d.uri), d.getText());
    return workspaceIndex.search(workspaceRoots, params.query, open, () => token.isCancellationRequested);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

export { localeFrom };
