// Whole-document edits: renumbering the enumeration at the cursor, and fixing
// everything fixable (source.fixAll) as one minimal edit.
import { fixAll, flattenEnumerations, LineIndex, renumberItems, type AnalysisResult, type AnalyzeOptions, type TextEdit } from '../../engine/index.js';

export function renumberEditsAt(text: string, result: AnalysisResult, offset: number, _options: AnalyzeOptions): TextEdit[] | null {
  // The innermost enumeration whose extent holds the cursor.
  let best: ReturnType<typeof flattenEnumerations>[number] | undefined;
  for (const e of flattenEnumerations(result.enumerations)) {
    if (e.range.start.offset <= offset && offset <= Math.max(e.range.end.offset, e.items[e.items.length - 1].range.end.offset)) {
      if (!best || e.level > best.level) best = e;
    }
  }
  if (!best) return null;
  return renumberItems(text, new LineIndex(text), best.items);
}

/** All safe fixes, as one edit covering only the changed span. */
export function fixAllEdits(text: string, options: AnalyzeOptions): TextEdit[] | null {
  const { output } = fixAll(text, options);
  if (output === text) return null;
  let start = 0;
  while (start < text.length && start < output.length && text[start] === output[start]) start++;
  let endOld = text.length;
  let endNew = output.length;
  while (endOld > start && endNew > start && text[endOld - 1] === output[endNew - 1]) {
    endOld--;
    endNew--;
  }
  const lines = new LineIndex(text);
  return [{ range: lines.range(start, endOld), newText: output.slice(start, endNew) }];
}
