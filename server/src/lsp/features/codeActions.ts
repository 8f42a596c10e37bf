// Code actions: the engine's fixes as quick fixes, disabling a rule for a line,
// and fixing everything that is safe to fix (source.fixAll.gongwen).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { AnalysisResult, Finding } from '../../engine/index.js';
import { sameRange, toTextEdit } from '../convert.js';
import { pick, t, type Locale } from '../locale.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen`;

function findingFor(result: AnalysisResult, d: Diagnostic): Finding | undefined {
  return result.findings.find((f) => f.ruleId === d.code && sameRange(d.range, f.range));
}

export function codeActions(uri: string, text: string, result: AnalysisResult, params: CodeActionParams, locale: Locale, fixAll: () => { edits: import('vscode-languageserver/node').TextEdit[] } | null): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'gongwen' || typeof d.code !== 'string') continue;
      const f = findingFor(result, d);
      if (f?.fix) {
        actions.push({
          title: pick(f.fix.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [uri]: f.fix.edits.map(toTextEdit) } },
        });
      }
      // Disable this rule for the line: a comment on the line above.
      const line = d.range.start.line;
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      actions.push({
        title: t(locale, `在此行停用规则 ${d.code}`, `Disable ${d.code} for this line`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: {
          changes: {
            [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- gongwen-disable-next-line ${d.code} -->${eol}` }],
          },
        },
      });
    }
  }
  if (wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const all = fixAll();
    if (all && all.edits.length) {
      actions.push({ title: t(locale, '修复全部可自动修复的问题', 'Fix all auto-fixable problems'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: all.edits } } });
    }
  }
  return actions;
}
