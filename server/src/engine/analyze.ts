// The one entry point: text and options in; the tree, announcements, headings
// and findings (with fixes) out. The CLI and the language server call only this.
// Invariant: pure; no I/O; never throws — a failure becomes an entry in `errors`.
import type { AnalysisResult, AnalyzeOptions, CoverageResult, Enumeration, Finding, Item, LocalizedText, Severity } from './types.js';
import { parseDocument, type ChunkCache } from './parse.js';
import { isChineseText } from './language.js';
import { DEFAULT_SUFFIXES, type Candidate } from './markers.js';
import { buildStructure } from './structure.js';
import { findAnnouncements } from './announcements.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { computeCoverage } from './coverage.js';
import { applyDirectives, parseDirectives } from './directives.js';

// Built on first use: rule modules may import this module (a cycle through rules/index.ts).
let ruleIds: ReadonlySet<string> | undefined;
const RULE_IDS = (): ReadonlySet<string> => (ruleIds ??= new Set(RULES.map((r) => r.meta.id)));

/** The severity a rule runs with under [options], or null when it does not run. */
export function effectiveSeverity(rule: Rule, options: AnalyzeOptions): Severity | null {
  const setting = options.rules?.[rule.meta.id];
  if (setting === 'off') return null;
  if (rule.meta.needsSchema && !options.schema) return null;
  if (setting) return setting;
  return rule.meta.enabledByDefault === false ? null : rule.meta.defaultSeverity;
}

export function flattenEnumerations(list: Enumeration[]): Enumeration[] {
  const out: Enumeration[] = [];
  const walk = (es: Enumeration[]) => {
    for (const e of es) {
      out.push(e);
      for (const item of e.items) walk(item.children);
    }
  };
  walk(list);
  return out;
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeWith(text, options, undefined).result;
}

/**
 * An analyzer for one document that is edited over time: it keeps the parse of
 * each chunk of the last version, so the next analysis re-parses only the
 * chunks an edit touched. Its results equal analyze() of the same text.
 */
export class IncrementalAnalyzer {
  private cache: ChunkCache | undefined;

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const { result, cache } = analyzeWith(text, options, this.cache);
    this.cache = cache;
    return result;
  }
}

/** Internal switches for tests: the whole-document parse that chunking must equal. */
export interface AnalyzeInternals {
  wholeDocument?: boolean;
}

export function analyzeWith(text: string, options: AnalyzeOptions, cache: ChunkCache | undefined, internals: AnalyzeInternals = {}): { result: AnalysisResult; cache: ChunkCache | undefined } {
  try {
    return analyzeUnsafe(text, options, cache, internals);
  } catch (err) {
    return { result: failed(err), cache: undefined };
  }
}

function failed(err: unknown): AnalysisResult {
  return {
    enumerations: [],
    announcements: [],
    headings: [],
    findings: [],
    bodyStart: 0,
    errors: [{ zh: `分析失败：${String(err)}`, en: `Analysis failed: ${String(err)}` }],
  };
}

function analyzeUnsafe(text: string, options: AnalyzeOptions, cache: ChunkCache | undefined, internals: AnalyzeInternals): { result: AnalysisResult; cache: ChunkCache | undefined } {
  if (!isChineseText(text)) {
    return { result: { enumerations: [], announcements: [], headings: [], findings: [], bodyStart: 0, errors: [], skipped: true }, cache };
  }
  const doc = parseDocument(text, { suffixes: options.suffixes ?? DEFAULT_SUFFIXES, cache, wholeDocument: internals.wholeDocument });
  const candidates = doc.candidates;
  const structure = buildStructure(doc, candidates);
  const enumerations = flattenEnumerations(structure.enumerations);
  const announcements = findAnnouncements(doc, structure.enumerations, enumerations);
  const candidateByItem = new Map<Item, Candidate>(structure.items.map((x) => [x.item, x.candidate]));

  const errors: LocalizedText[] = [];
  let coverage: CoverageResult | undefined;
  if (options.schema) {
    try {
      coverage = computeCoverage(doc, structure, announcements, options.schema);
    } catch (err) {
      errors.push({ zh: `必备措施检查失败：${String(err)}`, en: `Measure coverage failed: ${String(err)}` });
    }
  }
  const directives = parseDirectives(doc);

  let findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule, options);
    if (!severity) continue;
    if (rule.meta.needsSchema && !coverage) continue;
    const ctx: RuleContext = {
      doc,
      structure,
      announcements,
      enumerations,
      candidateOf: (item) => candidateByItem.get(item)!,
      options: options.ruleOptions?.[rule.meta.id] ?? {},
      schema: options.schema,
      coverage,
      directives,
      ruleIds: RULE_IDS(),
      report: (r) => findings.push({ ruleId: rule.meta.id, severity, ...r }),
    };
    rule.check(ctx);
  }
  findings = applyDirectives(doc, directives, findings);
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  const result: AnalysisResult = {
    enumerations: structure.enumerations,
    announcements,
    headings: structure.headings,
    findings,
    bodyStart: doc.bodyStart,
    errors,
    ...(coverage ? { coverage } : {}),
  };
  return { result, cache: doc.cache };
}
