// Engine data → LSP types. The only module that knows both.
import type { Diagnostic, DiagnosticRelatedInformation, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { DOCS_BASE, type Finding, type Range, type Severity, type TextEdit } from '../engine/index.js';
import { pick, type Locale } from './locale.js';

export function toRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function toTextEdit(e: TextEdit): LspTextEdit {
  return { range: toRange(e.range), newText: e.newText };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function toDiagnostic(f: Finding, uri: string, locale: Locale): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = f.related?.map((r) => ({
    location: { uri, range: toRange(r.range) },
    message: pick(r.message, locale),
  }));
  return {
    range: toRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: 'gongwen',
    message: pick(f.message, locale),
    relatedInformation: related?.length ? related : undefined,
  };
}

/** True when an LSP range equals an engine range. */
export function sameRange(a: LspRange, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
