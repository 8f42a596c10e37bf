// What a rule is: metadata (id, default severity, docs) and a check over the
// analysed document. Rules report findings; analyze() applies severities.
// Invariant: pure; no I/O.
import type { Announcement, CoverageResult, Enumeration, Fix, Item, LocalizedText, MeasuresSchema, Range, RelatedLocation, Severity, TextEdit } from '../types.js';
import type { ParsedDocument } from '../parse.js';
import type { BuiltStructure } from '../structure.js';
import type { Candidate } from '../markers.js';
import type { Directive } from '../directives.js';
import { renumberItems } from '../fix.js';

export interface RuleMeta {
  id: string;
  /** The severity when the rule runs and the options do not set one. */
  defaultSeverity: Severity;
  /** False for rules that run only when the options give them a severity (default true). */
  enabledByDefault?: boolean;
  /** Runs only when the options carry a required-measures schema. */
  needsSchema?: boolean;
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
  /** The schema in the options, if any. */
  schema?: MeasuresSchema;
  /** Coverage of the schema's measures (present exactly when [schema] is). */
  coverage?: CoverageResult;
  /** Inline configuration comments (gongwen-disable …). */
  directives: Directive[];
  /** Ids of every registered rule. */
  ruleIds: ReadonlySet<string>;
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
  return renumberItems(ctx.doc.text, ctx.doc.lines, items, start);
}

/** Renumber fixes by enumeration: every finding of one enumeration shares one fix (computing it per finding is quadratic). */
const renumberFixes = new WeakMap<Enumeration, Fix | undefined>();

export function renumberFix(ctx: RuleContext, e: Enumeration): Fix | undefined {
  if (renumberFixes.has(e)) return renumberFixes.get(e);
  const edits = renumberEdits(ctx, e.items);
  const fix: Fix | undefined = edits.length ? { title: { zh: '按顺序重新编号', en: 'Renumber the enumeration in order' }, edits } : undefined;
  renumberFixes.set(e, fix);
  return fix;
}

export const itemLabel = (item: Item): string => item.marker;

/** Every article (第N条) of the document in text order, with the fix that renumbers them all. */
export function articleRun(ctx: RuleContext): { items: Item[]; fix: () => Fix | undefined } {
  const items = ctx.structure.items.filter((x) => x.item.style === '第N条').map((x) => x.item);
  let fix: Fix | undefined | null = null;
  return {
    items,
    fix: () => {
      if (fix !== null) return fix;
      const edits = renumberEdits(ctx, items);
      return (fix = edits.length ? { title: { zh: '条文按顺序重新编号', en: 'Renumber the articles in order' }, edits } : undefined);
    },
  };
}
