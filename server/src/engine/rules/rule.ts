// What a rule is: metadata (id, default severity, docs) and a check over the
// analysed document. Rules report findings; analyze() applies severities.
// Invariant: pure; no I/O.
import type { Announcement, Enumeration, Fix, Item, LocalizedText, Range, RelatedLocation, Severity, TextEdit } from '../types.js';
import type { ParsedDocument } from '../parse.js';
import type { BuiltStructure } from '../structure.js';
import type { Candidate } from '../markers.js';
import { formatChineseNumeral, formatLike } from '../numerals.js';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  fixable: boolean;
  description: LocalizedText;
}

export interface Report {
  message: LocalizedText;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}

export interface RuleContext {
  doc: ParsedDocument;
  structure: BuiltStructure;
  announcements: Announcement[];
  /** Every enumeration, depth first in text order. */
  enumerations: Enumeration[];
  /** The candidate behind an item (for numeral positions). */
  candidateOf(item: Item): Candidate;
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/gongwen/gongwen/blob/main/docs/rules/';

/** 第N条 number continuously through a regulation; 首先其次 are checked by ordinal-adverb. */
export function isSequenceChecked(e: Enumeration): boolean {
  return !e.stylesUsed.some((s) => s === '第N条' || s === '首先其次');
}

/** The expected number of each item when numbered 1, 2, 3 … in text order (or from [start]). */
export function renumberEdits(ctx: RuleContext, items: Item[], start = 1): TextEdit[] {
  const edits: TextEdit[] = [];
  items.forEach((item, k) => {
    const want = start + k;
    if (item.n === want) return;
    const c = ctx.candidateOf(item);
    if (!c.numeral) return;
    const original = ctx.doc.text.slice(c.numeral.start, c.numeral.end);
    const written = formatLike(want, original) || formatChineseNumeral(want);
    if (!written) return;
    edits.push({ range: ctx.doc.lines.range(c.numeral.start, c.numeral.end), newText: written });
  });
  return edits;
}

export function renumberFix(ctx: RuleContext, e: Enumeration): Fix | undefined {
  const edits = renumberEdits(ctx, e.items);
  if (!edits.length) return undefined;
  return { title: { zh: '按顺序重新编号', en: 'Renumber the enumeration in order' }, edits };
}

export const itemLabel = (item: Item): string => item.marker;
