// Gongwen's engine: pure analysis of a Markdown policy draft.
// Invariant: nothing here imports vscode, the protocol packages, or does I/O.
export { analyze, analyzeWith, flattenEnumerations, IncrementalAnalyzer } from './analyze.js';
export { toAnnotation } from './annotation.js';
export type * from './annotation.js';
export type * from './types.js';
export { RULES } from './rules/index.js';
export type { Rule, RuleMeta } from './rules/index.js';
export { DOCS_BASE } from './rules/rule.js';
export { LineIndex } from './text.js';
export { DEFAULT_SUFFIXES, GBT_LEVEL } from './markers.js';
export * from './numerals.js';
export { fixAll, applyEdits, compatibleEdits, renumberItems, type FixAllResult } from './fix.js';
export { isChineseText } from './language.js';
