// Fixing: apply every available fix whose edits do not overlap, re-analyse,
// and repeat until nothing is left to fix (ESLint-style passes). The CLI's
// --fix and the editor's source.fixAll both use this.
// Invariant: pure; no I/O; never throws.
import type { AnalyzeOptions, Finding, Item, TextEdit } from './types.js';
import { analyze } from './analyze.js';
import { formatChineseNumeral, formatLike } from './numerals.js';
import type { LineIndex } from './text.js';

const MAX_PASSES = 10;

export interface FixAllResult {
  output: string;
  /** Passes that changed the text. */
  passes: number;
  /** What is still reported after fixing (findings without a fix, or whose fix conflicts). */
  remaining: Finding[];
}

/** Applies edits that do not overlap each other; returns the new text and how many were applied. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > limit) continue;
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
    limit = e.range.start.offset;
  }
  return out;
}

/** One pass: the fixes of [findings] whose edits overlap no fix taken before them. */
export function compatibleEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => a.range.start.offset < b.range.end.offset && b.range.start.offset < a.range.end.offset;
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix) continue;
    const key = JSON.stringify(f.fix.edits.map((e) => [e.range.start.offset, e.range.end.offset, e.newText]));
    if (seen.has(key)) continue; // several findings share one renumbering
    seen.add(key);
    if (f.fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...f.fix.edits);
  }
  return taken;
}

export function fixAll(text: string, options: AnalyzeOptions = {}): FixAllResult {
  let output = text;
  let passes = 0;
  let findings = analyze(output, options).findings;
  for (let i = 0; i < MAX_PASSES; i++) {
    const edits = compatibleEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(output, edits);
    if (next === output) break;
    output = next;
    passes++;
    findings = analyze(output, options).findings;
  }
  return { output, passes, remaining: findings };
}

/** Edits that renumber [items] 1, 2, 3 … (or from [start]) in text order, keeping each marker's form. */
export function renumberItems(text: string, lines: LineIndex, items: Item[], start = 1): TextEdit[] {
  const edits: TextEdit[] = [];
  items.forEach((item, k) => {
    const want = start + k;
    if (item.n === want || !item.numeralRange) return;
    const { start: s, end: e } = item.numeralRange;
    const written = formatLike(want, text.slice(s.offset, e.offset)) || formatChineseNumeral(want);
    if (written) edits.push({ range: lines.range(s.offset, e.offset), newText: written });
  });
  return edits;
}
