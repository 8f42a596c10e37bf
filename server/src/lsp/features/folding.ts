// Folding: sections (a heading to the end of its section) and items that span lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { flattenEnumerations, type AnalysisResult } from '../../engine/index.js';

export function foldingRanges(result: AnalysisResult): FoldingRange[] {
  const out = new Map<string, FoldingRange>();
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) out.set(`${startLine}:${endLine}`, { startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const h of result.headings) add(h.range.start.line, h.sectionEnd.line);
  for (const e of flattenEnumerations(result.enumerations)) for (const i of e.items) add(i.range.start.line, i.scopeEnd.line);
  return [...out.values()].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
