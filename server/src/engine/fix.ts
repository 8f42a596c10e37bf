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
  const applied: TextEdit[] = [];
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > limit) continue;
    applied.push(e);
    limit = e.range.start.offset;
  }
  // One pass from the start (slicing the whole text once per edit is quadratic).
  const parts: string[] = [];
  let at = 0;
  for (let i = applied.length - 1; i >= 0; i--) {
    const e = applied[i];
    parts.push(text.slice(at, e.range.start.offset), e.newText);
    at = e.range.end.offset;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** One pass: the fixes of [findings] whose edits overlap no fix taken before them. */
export function compatibleEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) => a.range.start.offset < b.range.end.offset && b.range.start.offset < a.range.end.offset;
  // Taken edits by 64-unit bucket of the text they touch: checking a fix costs its own size,
  // not the number of edits taken so far (a 100,000-item renumbering stays linear).
  const buckets = new Map<number, TextEdit[]>();
  const span = (e: TextEdit): [number, number] => [e.range.start.offset >> 6, Math.max(e.range.start.offset, e.range.end.offset - 1) >> 6];
  const clashes = (e: TextEdit): boolean => {
    const [a, b] = span(e);
    for (let k = a; k <= b; k++) if (buckets.get(k)?.some((t) => overlaps(e, t))) return true;
    return false;
  };
  const seenFixes = new Set<object>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || seenFixes.has(f.fix)) continue; // several findings share one renumbering
    seenFixes.add(f.fix);
    const key = JSON.stringify(f.fix.edits.map((e) => [e.range.start.offset, e.range.end.offset, e.newText]));
    if (seen.has(key)) continue;
    seen.add(key);
    if (f.fix.edits.some(clashes)) continue;
    for (const e of f.fix.edits) {
      taken.push(e);
      const [a, b] = span(e);
      for (let k = a; k <= b; k++) {
        const list = buckets.get(k);
        if (list) list.push(e);
        else buckets.set(k, [e]);
      }
    }
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

/**
 * The highest number a marker of [item]'s style is read with (markers.ts, parse.ts): 一百要
 * or an inline 1000. is no longer a marker, so a renumbering may not write one.
 */
function highestNumber(item: Item): number {
  switch (item.style) {
    case '1.':
    case '1、':
      return item.mdListItem ? 999_999_999 : 999;
    case '①':
      return 50;
    case '第N章':
    case '第N节':
    case '第N条':
      return 9999;
    default:
      return 99;
  }
}

/**
 * Edits that renumber [items] 1, 2, 3 … (or from [start]) in text order, keeping each marker's form.
 * None when some item cannot be written in its style (101 items of 一要…): half a renumbering
 * would turn markers into text and leave a different enumeration to fix on the next pass.
 */
export function renumberItems(text: string, lines: LineIndex, items: Item[], start = 1): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const want = start + k;
    if (want > highestNumber(item)) return [];
    if (item.n === want || !item.numeralRange) continue;
    const { start: s, end: e } = item.numeralRange;
    const written = formatLike(want, text.slice(s.offset, e.offset)) || formatChineseNumeral(want);
    if (!written) return [];
    edits.push({ range: lines.range(s.offset, e.offset), newText: written });
  }
  return edits;
}
