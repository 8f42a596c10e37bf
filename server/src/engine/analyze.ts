// The one entry point: text and options in; the tree, announcements, headings
// and findings (with fixes) out. The CLI and the language server call only this.
// Invariant: pure; no I/O; never throws — a failure becomes an entry in `errors`.
import type { AnalysisResult, AnalyzeOptions, CoverageResult, Enumeration, Finding, Item, LocalizedText, Severity } from './types.js';
import { parseDocument } from './parse.js';
import { isChineseText } from './language.js';
import { DEFAULT_SUFFIXES, findCandidates, type Candidate } from './markers.js';
import { buildStructure } from './structure.js';
import { findAnnouncements } from './announcements.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { computeCoverage } from './coverage.js';
import { applyDirectives, parseDirectives } from './directives.js';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

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
  try {
    return analyzeUnsafe(text, options);
  } catch (err) {
    return {
      enumerations: [],
      announcements: [],
      headings: [],
      findings: [],
      bodyStart: 0,
      errors: [{ zh: `分析失败：${String(err)}`, en: `Analysis failed: ${String(err)}` }],
    };
  }
}

function analyzeUnsafe(text: string, options: AnalyzeOptions): AnalysisResult {
  if (!isChineseText(text)) {
    return { enumerations: [], announcements: [], headings: [], findings: [], bodyStart: 0, errors: [], skipped: true };
  }
  const doc = parseDocument(text);
  const candidates = findCandidates(doc, options.suffixes ?? DEFAULT_SUFFIXES);
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
      ruleIds: RULE_IDS,
      report: (r) => findings.push({ ruleId: rule.meta.id, severity, ...r }),
    };
    rule.check(ctx);
  }
  findings = applyDirectives(doc, directives, findings);
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  return {
    enumerations: structure.enumerations,
    announcements,
    headings: structure.headings,
    findings,
    bodyStart: doc.bodyStart,
    errors,
    ...(coverage ? { coverage } : {}),
  };
}
