// Required-measures schemas: from YAML or JSON text to the resolved
// MeasuresSchema the engine checks drafts against. Validation is strict —
// syntax, unknown keys, wrong types (the JSON Schema in json-schema.ts), then
// what a JSON Schema cannot say: duplicate measure ids, patterns RE2 rejects,
// keywords that normalize to nothing, min-items above max-items, `extends`
// cycles and missing targets. Every error has file, line and column.
//
// `extends` needs other files; this module reads none. The caller passes a
// resolver `(ref, fromFile) => { text, file } | { error } | undefined`
// (server/src/config provides one that searches the schema path and refuses
// paths outside the workspace).
// Invariant: pure; no I/O; never throws.
import type { AppliesTo, LocalizedText, Measure, MeasuresSchema, SourceLocation, SubRequirement } from '../engine/types.js';
import { normalizeTerm } from '../engine/normalize.js';
import { patternProblem } from '../engine/coverage.js';
import { MEASURES_JSON_SCHEMA } from './json-schema.js';
import { parseDataFile, type DataError, type DataFile, type PathSegment } from './yaml-data.js';

/** A problem in a schema file: file, 1-based line and column (UTF-16), a code and a zh/en message. */
export type SchemaError = DataError;

export interface SchemaSource {
  text: string;
  /** The file's path, as errors should name it (and as the resolver gets it back as `fromFile`). */
  file: string;
}

/** Finds the schema an `extends` entry names; undefined when there is none, `{ error }` when it must not be used. */
export type SchemaResolver = (ref: string, fromFile: string) => SchemaSource | { error: { code: string; message: LocalizedText } } | undefined;

export interface LoadedSchema {
  /** The resolved schema; undefined when the file (or one it extends) has errors. */
  schema?: MeasuresSchema;
  errors: SchemaError[];
  /** Every file read, the schema's own first. */
  files: string[];
}

const KIND = { zh: '清单', en: 'schema' };

interface FileSchema {
  data: DataFile;
  id?: string;
  title?: string;
  description?: string;
  appliesTo: Partial<AppliesTo>;
  order?: 'free' | 'strict';
  minItems?: number;
  maxItems?: number;
  threshold?: number;
  omit: Array<{ id: string; path: PathSegment[] }>;
  measures: Measure[];
  extends: Array<{ ref: string; path: PathSegment[] }>;
  errors: SchemaError[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const baseName = (f: string): string => f.split(/[\\/]/).pop() || f;

function checkTerms(data: DataFile, owner: Record<string, unknown>, path: PathSegment[], errors: SchemaError[]): void {
  for (const key of ['any', 'all'] as const) {
    const list = owner[key];
    if (!Array.isArray(list)) continue;
    list.forEach((k, i) => {
      if (typeof k === 'string' && k.trim() && !normalizeTerm(k)) {
        errors.push(
          data.error([...path, key, i], 'empty-keyword', {
            zh: `关键词“${k}”规范化后为空（只有空白或标记符号），不能用于匹配`,
            en: `Keyword "${k}" is empty once normalized (only spaces or markup), so it cannot match`,
          }),
        );
      }
    });
  }
  const patterns = owner.patterns;
  if (Array.isArray(patterns)) {
    patterns.forEach((p, i) => {
      if (typeof p !== 'string' || !p) return;
      const problem = patternProblem(p);
      if (problem) errors.push(data.error([...path, 'patterns', i], 'bad-pattern', problem));
    });
  }
}

/** Has something to match (a key of the wrong type counts: its type error says enough). */
function hasTerms(o: Record<string, unknown>): boolean {
  return ['any', 'all', 'patterns'].some((k) => k in o && (!Array.isArray(o[k]) || (o[k] as unknown[]).length > 0));
}

function sourceOf(data: DataFile, path: PathSegment[]): SourceLocation {
  const p = data.at(path);
  return { file: data.file, line: p.line, column: p.column };
}

/** Parses and validates one schema file, without following `extends`. */
export function parseSchemaFile(text: string, file: string): FileSchema {
  const data = parseDataFile(text, file, MEASURES_JSON_SCHEMA, { kind: KIND });
  const errors: SchemaError[] = [...data.errors];
  const v = isObj(data.value) ? data.value : {};
  const out: FileSchema = { data, appliesTo: {}, omit: [], measures: [], extends: [], errors };
  if (data.errors.some((e) => e.code === 'yaml-syntax' || e.code === 'duplicate-key' || e.code === 'yaml-tag')) return out;

  out.id = str(v.id);
  out.title = str(v.title);
  out.description = str(v.description);
  if (v.order === 'free' || v.order === 'strict') out.order = v.order;
  if (typeof v['min-items'] === 'number') out.minItems = v['min-items'];
  if (typeof v['max-items'] === 'number') out.maxItems = v['max-items'];
  if (typeof v.threshold === 'number') out.threshold = v.threshold;
  if (out.minItems !== undefined && out.maxItems !== undefined && out.minItems > out.maxItems) {
    errors.push(data.error(['min-items'], 'value', { zh: `min-items（${out.minItems}）大于 max-items（${out.maxItems}）`, en: `min-items (${out.minItems}) is greater than max-items (${out.maxItems})` }));
  }
  const at = v['applies-to'];
  if (isObj(at)) {
    if (typeof at.announced === 'boolean') out.appliesTo.announced = at.announced;
    if (typeof at.heading === 'string') out.appliesTo.heading = at.heading;
    if (typeof at.style === 'string') out.appliesTo.style = at.style;
  }
  if (typeof v.extends === 'string') out.extends.push({ ref: v.extends, path: ['extends'] });
  else strings(v.extends).forEach((ref, i) => out.extends.push({ ref, path: ['extends', i] }));
  if (Array.isArray(v.omit)) v.omit.forEach((id, i) => typeof id === 'string' && out.omit.push({ id, path: ['omit', i] }));

  const seen = new Map<string, number>();
  const measures = Array.isArray(v.measures) ? v.measures : [];
  measures.forEach((m, i) => {
    if (!isObj(m)) return;
    const path: PathSegment[] = ['measures', i];
    checkTerms(data, m, path, errors);
    const id = str(m.id);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        const firstAt = data.at(['measures', first, 'id']);
        errors.push(
          data.error([...path, 'id'], 'duplicate-id', {
            zh: `措施 id“${id}”重复（第 ${firstAt.line} 行已有）`,
            en: `Duplicate measure id "${id}" (already used on line ${firstAt.line})`,
          }),
        );
      } else seen.set(id, i);
    }
    if (!hasTerms(m) && id !== undefined) {
      errors.push(
        data.error([...path, 'id'], 'no-terms', {
          zh: `措施“${id}”没有 any、all 或 patterns，无法判断哪一条覆盖它`,
          en: `Measure "${id}" has no any, all or patterns, so nothing can cover it`,
        }),
      );
    }
    const subs: SubRequirement[] = [];
    const subSeen = new Map<string, number>();
    (Array.isArray(m.requirements) ? m.requirements : []).forEach((r, j) => {
      if (!isObj(r)) return;
      const rpath: PathSegment[] = [...path, 'requirements', j];
      checkTerms(data, r, rpath, errors);
      const rid = str(r.id);
      if (rid !== undefined && subSeen.has(rid)) {
        errors.push(data.error([...rpath, 'id'], 'duplicate-id', { zh: `子要求 id“${rid}”在措施“${id}”中重复`, en: `Duplicate requirement id "${rid}" in measure "${id}"` }));
      } else if (rid !== undefined) subSeen.set(rid, j);
      if (!hasTerms(r) && rid !== undefined) {
        errors.push(data.error([...rpath, 'id'], 'no-terms', { zh: `子要求“${rid}”没有 any、all 或 patterns`, en: `Requirement "${rid}" has no any, all or patterns` }));
      }
      subs.push({
        id: rid ?? '',
        title: str(r.title) ?? rid ?? '',
        any: strings(r.any),
        all: strings(r.all),
        patterns: strings(r.patterns),
        required: r.required !== false,
        source: sourceOf(data, [...rpath, 'id']),
      });
    });
    out.measures.push({
      id: id ?? '',
      title: str(m.title) ?? id ?? '',
      description: str(m.description),
      any: strings(m.any),
      all: strings(m.all),
      patterns: strings(m.patterns),
      required: m.required !== false,
      requirements: subs,
      source: sourceOf(data, [...path, 'id']),
    });
  });
  return out;
}

function emptySchema(): MeasuresSchema {
  return { appliesTo: { announced: true }, order: 'free', measures: [] };
}

/** Lays [over] on [base]: scalars replace, a measure with an inherited id replaces it in place, new measures are appended. */
function merge(base: MeasuresSchema, over: MeasuresSchema | FileSchema, file?: string): MeasuresSchema {
  const measures = [...base.measures];
  // By id (a search per measure is quadratic in a 10,000-measure schema); the first of an id wins, as findIndex did.
  const index = new Map<string, number>();
  measures.forEach((m, k) => index.has(m.id) || index.set(m.id, k));
  for (const m of over.measures) {
    const k = index.get(m.id);
    if (k !== undefined) measures[k] = m;
    else index.set(m.id, measures.push(m) - 1);
  }
  return {
    id: over.id ?? base.id,
    title: over.title ?? base.title,
    description: over.description ?? base.description,
    file: file ?? ('file' in over && typeof over.file === 'string' ? over.file : base.file),
    appliesTo: { ...base.appliesTo, ...over.appliesTo } as AppliesTo,
    order: over.order ?? base.order,
    minItems: over.minItems ?? base.minItems,
    maxItems: over.maxItems ?? base.maxItems,
    threshold: over.threshold ?? base.threshold,
    measures,
  };
}

/**
 * Loads a schema and everything it extends. Errors anywhere in the chain are
 * returned (each naming its own file); the schema is returned only when there
 * are none, so a broken schema never produces misleading findings.
 */
export function loadSchema(text: string, file: string, resolve?: SchemaResolver): LoadedSchema {
  const errors: SchemaError[] = [];
  const files: string[] = [];
  const parsed = new Map<string, FileSchema>();
  const resolved = new Map<string, MeasuresSchema>();

  const load = (src: SchemaSource, stack: string[]): MeasuresSchema => {
    const done = resolved.get(src.file);
    if (done) return done;
    let fs = parsed.get(src.file);
    if (!fs) {
      fs = parseSchemaFile(src.text, src.file);
      parsed.set(src.file, fs);
      files.push(src.file);
      for (const e of fs.errors) errors.push(e); // (spreading 100,000 errors overflows the stack)
    }
    let base = emptySchema();
    for (const ext of fs.extends) {
      const res = resolve?.(ext.ref, src.file);
      if (!res) {
        errors.push(
          fs.data.error(ext.path, 'extends-missing', {
            zh: `找不到 extends 引用的清单“${ext.ref}”`,
            en: `The schema "${ext.ref}" named in extends was not found`,
          }),
        );
        continue;
      }
      if ('error' in res) {
        errors.push(fs.data.error(ext.path, res.error.code, res.error.message));
        continue;
      }
      if (res.file === src.file || stack.includes(res.file)) {
        const chain = [...stack.slice(stack.indexOf(res.file) < 0 ? stack.length : stack.indexOf(res.file)), src.file, res.file].map(baseName).join(' → ');
        errors.push(fs.data.error(ext.path, 'extends-cycle', { zh: `extends 形成循环：${chain}`, en: `extends forms a cycle: ${chain}` }));
        continue;
      }
      base = merge(base, load(res, [...stack, src.file]));
    }
    for (const o of fs.omit) {
      const k = base.measures.findIndex((m) => m.id === o.id);
      if (k < 0) {
        errors.push(
          fs.data.error(o.path, 'unknown-omit', {
            zh: `omit 中的“${o.id}”不是继承来的措施`,
            en: `"${o.id}" in omit is not an inherited measure`,
          }),
        );
      } else base = { ...base, measures: base.measures.filter((_, j) => j !== k) };
    }
    const out = merge(base, fs, src.file);
    resolved.set(src.file, out);
    return out;
  };

  let schema: MeasuresSchema | undefined;
  try {
    schema = load({ text, file }, []);
    const top = parsed.get(file)!;
    if (!errors.length && schema.measures.length === 0) {
      const path = Array.isArray((top.data.value as Record<string, unknown> | undefined)?.measures) ? ['measures'] : [];
      errors.push(top.data.error(path, 'no-measures', { zh: '清单中没有任何措施（measures）', en: 'The schema has no measures' }, 'key'));
    }
  } catch (err) {
    errors.push({ file, line: 1, column: 1, code: 'internal', message: { zh: `清单无法读取：${String(err)}`, en: `The schema could not be read: ${String(err)}` } });
  }
  // In the order the files were read; by position within each file.
  const fileIndex = (f: string) => (files.indexOf(f) < 0 ? files.length : files.indexOf(f));
  errors.sort((a, b) => fileIndex(a.file) - fileIndex(b.file) || a.line - b.line || a.column - b.column);
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.column}:${e.code}:${e.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { schema: unique.length ? undefined : schema, errors: unique, files };
}
