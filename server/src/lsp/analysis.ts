// Keeps one analysis per open document version, and publishes diagnostics.
// Re-analysis is coalesced (a burst of changes collapses to its newest version),
// versioned (a result for an older version is never published) and
// cancellable (a newer change cancels a pending run).
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalAnalyzer, type AnalysisResult, type AnalyzeOptions } from '../engine/index.js';
import type { ConfigResolution } from '../config/index.js';
import { toDiagnostic } from './convert.js';
import type { Locale } from './locale.js';

export interface DocumentSettings {
  enable: boolean;
  locale: Locale;
  options: AnalyzeOptions;
  /** False when `gongwen.requireConfig` is set and no config file applies. */
  applies: boolean;
  /** What the config resolver found for this document (config file, schema, errors). */
  resolution?: ConfigResolution;
}

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  result: AnalysisResult;
  settings: DocumentSettings;
}

const EMPTY: AnalysisResult = { enumerations: [], announcements: [], headings: [], findings: [], bodyStart: 0, errors: [] };

export class AnalysisManager {
  private readonly cache = new Map<string, Analysis>();
  /** Per open document: the chunks parsed for its last version, so an edit re-parses only its own chunk. */
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();
  private readonly pending = new Map<string, NodeJS.Immediate>();
  /** The newest version whose diagnostics were published, per document. */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly settingsFor: (uri: string, text: string) => Promise<DocumentSettings>,
    private readonly isOpen: (uri: string) => TextDocument | undefined,
  ) {}

  /** The analysis of exactly this version of the document, computed now if needed. */
  async get(doc: TextDocument): Promise<Analysis> {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const settings = await this.settingsFor(doc.uri, text);
    const again = this.cache.get(doc.uri);
    if (again && again.version === doc.version) return again;
    // Keep an analyzer only for a document that is still open: a request can finish after its
    // document closed, and must not bring the closed document's state back.
    let analyzer = this.analyzers.get(doc.uri);
    if (!analyzer) {
      analyzer = new IncrementalAnalyzer();
      if (this.isOpen(doc.uri)) this.analyzers.set(doc.uri, analyzer);
    }
    const result = settings.enable && settings.applies ? analyzer.analyze(text, settings.options) : EMPTY;
    const analysis: Analysis = { uri: doc.uri, version: doc.version, text, result, settings };
    const current = this.isOpen(doc.uri);
    if (current && current.version === doc.version) this.cache.set(doc.uri, analysis);
    return analysis;
  }

  /** Schedules diagnostics for the document's current version. */
  schedule(doc: TextDocument): void {
    const { uri, version } = doc;
    const pending = this.pending.get(uri);
    if (pending) clearImmediate(pending);
    // Analysis is synchronous, so changes typed while one runs wait in the message
    // reader's queue, which hands out one message per turn of the event loop. Two
    // turns pass before the analysis starts: a queued change is dispatched between
    // them and schedules anew, so a burst collapses to its newest version, and an
    // idle server starts at once.
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.set(
          uri,
          setImmediate(() => {
            this.pending.delete(uri);
            void this.publish(uri, version);
          }),
        );
      }),
    );
  }

  private async publish(uri: string, version: number): Promise<void> {
    const doc = this.isOpen(uri);
    if (!doc || doc.version !== version) return; // a newer change is scheduled, or the document closed
    try {
      const analysis = await this.get(doc);
      const now = this.isOpen(uri);
      if (!now || now.version !== analysis.version) return; // stale: never publish an older version
      if ((this.published.get(uri) ?? -Infinity) > analysis.version) return;
      this.published.set(uri, analysis.version);
      const diagnostics = analysis.result.findings.map((f) => toDiagnostic(f, uri, analysis.settings.locale));
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    } catch (err) {
      this.connection.console.error(`gongwen: analysis of ${uri} failed: ${String(err)}`);
    }
  }

  close(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) clearImmediate(pending);
    this.pending.delete(uri);
    this.cache.delete(uri);
    this.analyzers.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Forget every analysis (settings, config or schema changed) and re-check open documents. */
  invalidateAll(open: TextDocument[]): void {
    this.cache.clear();
    for (const doc of open) this.schedule(doc);
  }
}
