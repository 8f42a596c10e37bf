// Required-measures schemas: the JSON Schema, loading and validation with
// positioned errors, `extends`, and derivation from a reference directive.
// Matching a draft against a schema is the engine's (analyze(text, { schema })).
// Invariant: pure; nothing here reads files (the caller injects a resolver),
// imports vscode or the protocol packages, or throws on a document.
export { MEASURES_JSON_SCHEMA, CONFIG_JSON_SCHEMA } from './json-schema.js';
export { loadSchema, parseSchemaFile, type LoadedSchema, type SchemaError, type SchemaResolver, type SchemaSource } from './load.js';
export { parseDataFile, locate, showPath, type DataError, type DataFile, type PathSegment } from './yaml-data.js';
export { deriveSchema, keyPhrases, SPLIT_VERBS, STOP_PHRASES, type DeriveOptions, type DeriveResult, type DerivedMeasure } from './derive.js';
export { compilePattern, patternProblem, selectEnumeration, DEFAULT_THRESHOLD } from '../engine/coverage.js';
export { normalizeTerm } from '../engine/normalize.js';
export { renderMarkdown, renderText, displayWidth, type FileCoverage } from './report.js';
