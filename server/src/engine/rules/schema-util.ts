// Helpers shared by the rules that check a draft against a required-measures schema.
// Invariant: pure; no I/O.
import type { CoverageResult, Range } from '../types.js';
import type { RuleContext } from './rule.js';

/**
 * Where a finding about the checked enumeration as a whole goes: its
 * announcement (十个方面) when it has one, else its first marker; with no
 * enumeration, the document's first heading or the start of its body.
 */
export function enumerationAnchor(ctx: RuleContext, coverage: CoverageResult): Range {
  if (coverage.announcement) return coverage.announcement.range;
  const e = coverage.enumeration;
  if (e) {
    const first = ctx.enumerations.find((x) => x.id === e.id)?.items[0];
    return first ? first.range : { start: e.range.start, end: e.range.start };
  }
  const h = ctx.structure.headings[0];
  if (h) return h.range;
  const p = ctx.doc.lines.position(ctx.doc.bodyStart);
  return { start: p, end: p };
}

/** `“加强核酸检测”（testing）`, or just the title when it is the id. */
export function measureName(m: { id: string; title: string }, quoteOpen = '“', quoteClose = '”'): string {
  return m.title && m.title !== m.id ? `${quoteOpen}${m.title}${quoteClose}（${m.id}）` : `${quoteOpen}${m.id}${quoteClose}`;
}

export function measureNameEn(m: { id: string; title: string }): string {
  return m.title && m.title !== m.id ? `"${m.title}" (${m.id})` : `"${m.id}"`;
}
