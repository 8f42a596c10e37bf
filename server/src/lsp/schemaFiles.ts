// Diagnostics on the configuration and schema files themselves, at the line
// and column of each problem, from the same checks as `gongwen schema check`.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { checkConfigFile, checkSchemaFile, isConfigFileName, type ConfigError } from '../config/index.js';
import { pick, type Locale } from './locale.js';

/** A YAML/JSON file that is a Gongwen schema: it has a top-level `measures` (or `extends`) key. */
export function looksLikeSchema(text: string): boolean {
  return /^(?:"?measures"?|"?extends"?)\s*:/m.test(text);
}

export class SchemaFileDiagnostics {
  /** Files we published diagnostics for, per checked document (an extended schema may hold the error). */
  private readonly published = new Map<string, Set<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly isDependency: (path: string) => boolean,
    private readonly locale: () => Locale,
  ) {}

  async check(uri: string, text: string): Promise<void> {
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    let errors: ConfigError[];
    if (isConfigFileName(path)) {
      if (path.endsWith('package.json') && !/"gongwen"\s*:/.test(text)) return;
      errors = await checkConfigFile(path);
    } else if (this.isDependency(path) || looksLikeSchema(text)) {
      errors = await checkSchemaFile(path);
    } else {
      return;
    }
    const byFile = new Map<string, Diagnostic[]>();
    byFile.set(uri, []);
    for (const e of errors) {
      const target = pathToFileURL(e.file).href;
      const list = byFile.get(target) ?? [];
      list.push({
        range: {
          start: { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) },
          end: { line: Math.max(0, (e.endLine ?? e.line) - 1), character: Math.max(0, (e.endColumn ?? e.column + 1) - 1) },
        },
        severity: DiagnosticSeverity.Error,
        code: e.code,
        source: 'gongwen',
        message: pick(e.message, this.locale()),
      });
      byFile.set(target, list);
    }
    const before = this.published.get(uri) ?? new Set<string>();
    for (const old of before) if (!byFile.has(old)) byFile.set(old, []);
    for (const [target, diagnostics] of byFile) await this.connection.sendDiagnostics({ uri: target, diagnostics });
    this.published.set(uri, new Set([...byFile].filter(([, d]) => d.length).map(([u]) => u)));
  }

  close(uri: string): void {
    const before = this.published.get(uri);
    if (!before) return;
    for (const target of before) void this.connection.sendDiagnostics({ uri: target, diagnostics: [] });
    this.published.delete(uri);
  }
}
