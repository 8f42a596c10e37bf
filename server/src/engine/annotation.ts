// The analysis as the corpus annotation format (../shared/corpus/ANNOTATION.md):
// field for field, so a tool's output and a hand-checked annotation compare
// directly. Lines are 1-based; columns and offsets 0-based UTF-16 code units.
// Invariant: pure; no I/O.
import type { AnalysisResult, Enumeration, Finding } from './types.js';
import { flattenEnumerations } from './analyze.js';

export interface AnnotationItem {
  n: number;
  marker: string;
  style: string;
  head: string;
  line: number;
  column: number;
  offset: number;
  at_line_start: boolean;
  in_heading: boolean;
  md_list_item: boolean;
}

export interface AnnotationEnumeration {
  id: string;
  style: string;
  styles_used?: string[];
  level: number;
  inline: boolean;
  count: number;
  parent_n?: number;
  parent_index?: number;
  items: AnnotationItem[];
  children: AnnotationEnumeration[];
}

export interface AnnotationAnnouncement {
  text: string;
  count: number | null;
  line: number;
  column: number;
  offset: number;
  target: string | null;
  matches: boolean | null;
}

export interface AnnotationDocument {
  file?: string;
  marker_styles: string[];
  nesting_depth: number;
  announced_counts: AnnotationAnnouncement[];
  enumerations: AnnotationEnumeration[];
  headings: Array<{ depth: number; text: string; line: number; column: number; offset: number }>;
  findings: Array<{ rule: string; severity: string; message: string; message_en: string; line: number; column: number; offset: number; end_line: number; end_column: number }>;
}

function toEnumeration(e: Enumeration): AnnotationEnumeration {
  const out: AnnotationEnumeration = { id: e.id, style: e.style, level: e.level, inline: e.inline, count: e.items.length, items: [], children: [] };
  if (e.style === 'mixed') out.styles_used = [...e.stylesUsed];
  if (e.parent) {
    out.parent_n = e.parent.enumeration.items[e.parent.index].n;
    out.parent_index = e.parent.index;
  }
  out.items = e.items.map((i) => ({
    n: i.n,
    marker: i.marker,
    style: i.style,
    head: i.head,
    line: i.range.start.line + 1,
    column: i.range.start.character,
    offset: i.range.start.offset,
    at_line_start: i.atLineStart,
    in_heading: i.inHeading,
    md_list_item: i.mdListItem,
  }));
  out.children = e.items.flatMap((i) => i.children).map(toEnumeration);
  // Key order as in the annotation files.
  const { children, items, ...rest } = out;
  return { ...rest, items, children };
}

const findingJson = (f: Finding) => ({
  rule: f.ruleId,
  severity: f.severity,
  message: f.message.zh,
  message_en: f.message.en,
  line: f.range.start.line + 1,
  column: f.range.start.character,
  offset: f.range.start.offset,
  end_line: f.range.end.line + 1,
  end_column: f.range.end.character,
});

export function toAnnotation(result: AnalysisResult): AnnotationDocument {
  const all = flattenEnumerations(result.enumerations);
  const styles = new Set<string>();
  for (const e of all) for (const i of e.items) styles.add(i.style);
  return {
    marker_styles: [...styles].sort(),
    nesting_depth: all.reduce((d, e) => Math.max(d, e.level), 0),
    announced_counts: result.announcements.map((a) => ({
      text: a.text,
      count: a.count,
      line: a.range.start.line + 1,
      column: a.range.start.character,
      offset: a.range.start.offset,
      target: a.target?.id ?? null,
      matches: a.matches,
    })),
    enumerations: result.enumerations.map(toEnumeration),
    headings: result.headings.map((h) => ({ depth: h.depth, text: h.text, line: h.range.start.line + 1, column: h.range.start.character, offset: h.range.start.offset })),
    findings: result.findings.map(findingJson),
  };
}
