// Shared test helpers: documents built inline, findings as compact strings,
// fixes applied as an editor would. Tests compare only what a case cares about.
import { analyze, type AnalyzeOptions, type Finding, type Fix, type TextEdit } from 'gongwen-server';

export const joinLines = (...lines: string[]): string => lines.join('\n');

/** `rule@line:col` (1-based line and column, UTF-16), in text order. */
export function findingKeys(text: string, options?: AnalyzeOptions, ruleId?: string): string[] {
  return analyze(text, options)
    .findings.filter((f) => !ruleId || f.ruleId === ruleId)
    .map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

export function findingsOf(text: string, ruleId?: string, options?: AnalyzeOptions): Finding[] {
  return analyze(text, options).findings.filter((f) => !ruleId || f.ruleId === ruleId);
}

/** Applies non-overlapping edits (as LSP clients do: all positions refer to the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
    limit = e.range.start.offset;
  }
  return out;
}

export function applyFix(text: string, fix: Fix | undefined): string {
  if (!fix) throw new Error('finding has no fix');
  return applyEdits(text, fix.edits);
}

/** The item markers of every enumeration, depth first: `E1 N要: 一要 二要 | E1.1 N是: 一是 二是`. */
export function outlineSummary(text: string, options?: AnalyzeOptions): string {
  const parts: string[] = [];
  const walk = (list: ReturnType<typeof analyze>['enumerations']) => {
    for (const e of list) {
      parts.push(`${e.id} ${e.style}: ${e.items.map((i) => i.marker).join(' ')}`);
      for (const i of e.items) walk(i.children);
    }
  };
  walk(analyze(text, options).enumerations);
  return parts.join(' | ');
}
