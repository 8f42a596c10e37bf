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
  /** Where the number is written inside the marker (null for 首先其次), for renumbering. */
  numeralRange: Range | null;
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
  /** Per-rule severity overrides; `off` disables a rule (and a severity enables one that is off by default). */
  rules?: Record<string, SeveritySetting>;
  /** Per-rule options (e.g. `hierarchy-skip: { allowOneToThree: false }`). */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /**
   * A required-measures schema, already loaded and resolved (see server/src/schema and
   * server/src/config). With a schema, analyze() returns `coverage` and the schema rules run.
   */
  schema?: MeasuresSchema;
}

// ---------------------------------------------------------------------------
// Required-measures schemas, resolved: plain data, as the schema layer hands
// them to the engine (YAML keys in kebab-case become camelCase here).

/** Where a schema entry was written, for messages and for the editor (1-based line and column). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** What a measure or sub-requirement looks for. Keywords are matched on normalized text (ANNOTATION: see schema docs). */
export interface MeasureTerms {
  /** Evidence: the more of these an item mentions, and the more prominently, the better it covers. */
  any: string[];
  /** A gate: the covering item must mention every one of these (they count as evidence too). */
  all: string[];
  /** RE2 syntax (linear time), run on the item's normalized text; evidence like `any`. */
  patterns: string[];
}

export interface SubRequirement extends MeasureTerms {
  id: string;
  title: string;
  required: boolean;
  source?: SourceLocation;
}

export interface Measure extends MeasureTerms {
  id: string;
  title: string;
  description?: string;
  required: boolean;
  /** Checked inside the item that covers the measure. */
  requirements: SubRequirement[];
  source?: SourceLocation;
}

/** Which enumeration of the draft a schema checks. */
export interface AppliesTo {
  /** Prefer an enumeration bound to an announced count (十个方面), the largest when several are (default true). */
  announced: boolean;
  /** Only enumerations inside a heading, section or parent item whose text contains this. */
  heading?: string;
  /** Only enumerations of this marker style (`N要`, `（N）`, …). */
  style?: string;
}

export interface MeasuresSchema {
  id?: string;
  title?: string;
  description?: string;
  /** The schema's own file (the last one of an `extends` chain). */
  file?: string;
  appliesTo: AppliesTo;
  /** `strict`: covered measures must appear in the schema's order. */
  order: 'free' | 'strict';
  minItems?: number;
  maxItems?: number;
  /** Minimum score for an item to cover a measure (default 0.5; see docs/schemas.md). */
  threshold?: number;
  measures: Measure[];
}

/** Where in an item a keyword or pattern was found. */
export type EvidenceZone = 'head' | 'child-head' | 'body';

export interface Evidence {
  kind: 'any' | 'all' | 'pattern';
  /** The keyword or pattern as written in the schema. */
  term: string;
  zone: EvidenceZone;
  /** Occurrences in the source (the first few). */
  ranges: Range[];
  /** Number of items of the enumeration that mention the term (distinctiveness: 1 is best). */
  itemsMentioning: number;
  /** What this term adds to the score. */
  weight: number;
}

/** An item of the checked enumeration, as coverage refers to it. */
export interface ItemRef {
  enumerationId: string;
  /** 0-based index in the enumeration. */
  index: number;
  marker: string;
  title: string;
  /** The marker. */
  range: Range;
  /** From the marker to the end of the item's scope. */
  scope: Range;
}

export interface SubRequirementCoverage {
  id: string;
  title: string;
  required: boolean;
  covered: boolean;
  evidence: Evidence[];
  /** `all` terms the covering item lacks. */
  missingAll: string[];
}

export type MeasureStatus = 'covered' | 'partial' | 'missing' | 'optional-missing';

export interface MeasureCoverage {
  id: string;
  title: string;
  required: boolean;
  covered: boolean;
  /** `partial`: covered, but a required sub-requirement is not. */
  status: MeasureStatus;
  /** The covering item (the best one). */
  item?: ItemRef;
  /** The covering item's score (or the best candidate's, when not covered). */
  score: number;
  evidence: Evidence[];
  /** When not covered: the item that came closest, its score, and the `all` terms it lacks. */
  nearest?: { item: ItemRef; score: number; missingAll: string[] };
  /** Other items whose heads are about this measure too. */
  duplicates: ItemRef[];
  requirements: SubRequirementCoverage[];
  source?: SourceLocation;
}

export interface ItemCoverage {
  item: ItemRef;
  /** Ids of the measures this item covers (as their best item). */
  measures: string[];
  /** Highest score of any measure on this item. */
  bestScore: number;
}

export interface CoverageResult {
  schemaId?: string;
  schemaTitle?: string;
  schemaFile?: string;
  order: 'free' | 'strict';
  threshold: number;
  /** The enumeration the schema was checked against; null when the draft has none. */
  enumeration: { id: string; style: StyleCode; itemCount: number; range: Range } | null;
  /** The announcement bound to that enumeration, if any. */
  announcement?: { text: string; range: Range };
  measures: MeasureCoverage[];
  items: ItemCoverage[];
  /** Counts for a summary line. */
  summary: { total: number; required: number; covered: number; requiredCovered: number; missingRequired: number };
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
  /** True when the text is not a Chinese document (an English README): nothing was analysed. */
  skipped?: boolean;
  /** With a schema: which item covers which measure, and why. */
  coverage?: CoverageResult;
}
