// The one entry point: text and options in; the tree, announcements, headings
// and findings (with fixes) out. The CLI and the language server call only this.
// Invariant: pure; no I/O; never throws — a failure becomes an entry in `errors`.
import type { AnalysisResult, AnalyzeOptions, Enumeration, Finding, Item, Severity } from './types.js';
import { parseDocument } from './parse.js';
import { DEFAULT_SUFFIXES, findCandidates, type Candidate } from './markers.js';
import { buildStructure } from './structure.js';
import { findAnnouncements } from './announcements.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';

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
  const doc = parseDocument(text);
  const candidates = findCandidates(doc, options.suffixes ?? DEFAULT_SUFFIXES);
  const structure = buildStructure(doc, candidates);
  const enumerations = flattenEnumerations(structure.enumerations);
  const announcements = findAnnouncements(doc, structure.enumerations, enumerations);
  const candidateByItem = new Map<Item, Candidate>(structure.items.map((x) => [x.item, x.candidate]));

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.meta.defaultSeverity;
    const ctx: RuleContext = {
      doc,
      structure,
      announcements,
      enumerations,
      candidateOf: (item) => candidateByItem.get(item)!,
      options: options.ruleOptions?.[rule.meta.id] ?? {},
      report: (r) => findings.push({ ruleId: rule.meta.id, severity, ...r }),
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  return {
    enumerations: structure.enumerations,
    announcements,
    headings: structure.headings,
    findings,
    bodyStart: doc.bodyStart,
    errors: [],
  };
}
