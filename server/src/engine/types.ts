// The engine's public data model: plain data in editor terms (UTF-16 offsets,
// 0-based lines and characters), shaped by what a front end shows.
// Invariant: no imports from vscode, the protocol packages, or node:fs here.

/** A position in the text: 0-based line and UTF-16 character, plus the 0-based UTF-16 offset. */
export interface Position {
  line: number;
  character: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A message users read: Chinese first, English too. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * Style codes, as in ../shared/corpus/ANNOTATION.md §5. `N要`/`N是` generalize to
 * `N` + any configured one-character suffix (`N抓`).
 */
export type StyleCode =
  | `N${string}`
  | '第N'
  | '首先其次'
  | 'N、'
  | '（N）'
  | '1.'
  | '1、'
  | '（1）'
  | '①'
  | '第N章'
  | '第N节'
  | '第N条'
  | 'mixed';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Item {
  /** The number the marker denotes (一要 → 1, 十二、 → 12; 首先其次 by position). */
  n: number;
  /** The exact marker characters in the source (`一要`, `（二）`, `3.`). */
  marker: string;
  style: StyleCode;
  /** The exact form of the marker's punctuation: `（N）` vs `(N)`, `1.` vs `1．`; equal forms are the same style. */
  variant: string;
  /** Up to 12 characters after the marker (see ANNOTATION.md §4, `head`). */
  head: string;
  /** The whole heading-like text after the marker up to the end of its sentence or line, for outlines. */
  title: string;
  /** The marker's own characters. */
  range: Range;
  /** Where the item's text ends (its scope, children included). */
  scopeEnd: Position;
  atLineStart: boolean;
  inHeading: boolean;
  mdListItem: boolean;
  /** The enumerations nested inside this item, in text order. */
  children: Enumeration[];
}

export interface Enumeration {
  /** `E1`, `E1.2`, … as in the annotation format. */
  id: string;
  style: StyleCode;
  /** Item styles in item order; differs from [style] only when style is `mixed`. */
  stylesUsed: StyleCode[];
  /** Structural depth: 1 for top-level, parent's level + 1 for a child. */
  level: number;
  /** All items lie in one Markdown paragraph. */
  inline: boolean;
  items: Item[];
  /** The enclosing item, when nested. */
  parent?: { enumeration: Enumeration; index: number };
  /** From the first marker to the end of the last item's scope. */
  range: Range;
}

export interface Announcement {
  /** The phrase as written (`十个方面`, `“五个到位”`). */
  text: string;
  /** The announced number; null for 几, 若干, 以下. */
  count: number | null;
  range: Range;
  /** The enumeration the phrase announces, or null when none follows. */
  target: Enumeration | null;
  /** count === target.items.length; null when either is unknown. */
  matches: boolean | null;
  /** The numeral inside [text], for fixes. */
  numeralRange: Range | null;
}

export interface Heading {
  depth: number;
  text: string;
  range: Range;
  /** The heading's section extends to here (next heading of the same or a higher rank). */
  sectionEnd: Position;
  /** The item this heading opens, when the heading starts with a marker. */
  item?: Item;
}

/** A text edit in offsets; [range] repeats it in lines and characters. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
}

export interface RelatedLocation {
  range: Range;
  message: LocalizedText;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: LocalizedText;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}

export interface AnalyzeOptions {
  /** One-character suffixes that make `N<suffix>` markers (default 要 是 抓). */
  suffixes?: string[];
  /** Per-rule severity overrides; `off` disables a rule. */
  rules?: Record<string, SeveritySetting>;
  /** Per-rule options (e.g. `hierarchy-skip: { allowOneToThree: false }`). */
  ruleOptions?: Record<string, Record<string, unknown>>;
}

export interface AnalysisResult {
  /** Top-level enumerations in text order; children hang from items. */
  enumerations: Enumeration[];
  announcements: Announcement[];
  headings: Heading[];
  findings: Finding[];
  /** Where the document body starts (after front matter). */
  bodyStart: number;
  /** Problems with the input itself (never thrown). */
  errors: LocalizedText[];
}
