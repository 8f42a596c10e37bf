// Data files (YAML or JSON) with positions: parse with the `yaml` package
// (parseDocument + LineCounter keep every node's source range), validate the
// value against a JSON Schema with ajv, and turn every problem — syntax,
// unknown key, wrong type — into an error with file, line and column. JSON is
// parsed as YAML (a JSON text is a YAML flow document), so both get the same
// positions and messages. Data only: no custom tags, bounded aliases.
// Invariant: pure; no I/O; never throws.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import * as ajvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { LocalizedText } from '../engine/types.js';

/** A problem in a data file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface DataError {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Stable kebab-case code: yaml-syntax, unknown-key, type, … (docs/schemas.md lists them). */
  code: string;
  message: LocalizedText;
}

export type PathSegment = string | number;

export interface DataFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The parsed value (undefined when the text could not be parsed). */
  value: unknown;
  errors: DataError[];
  /** The error position of a node, located by its path (`['measures', 2, 'id']`). */
  at(path: PathSegment[], part?: 'key' | 'value'): Pick<DataError, 'line' | 'column' | 'endLine' | 'endColumn'>;
  /** The offset range of a node, by path. */
  rangeOf(path: PathSegment[], part?: 'key' | 'value'): [number, number];
  error(path: PathSegment[], code: string, message: LocalizedText, part?: 'key' | 'value'): DataError;
}

// ajv is CommonJS: its class is module.exports, and also module.exports.default.
type AjvClass = typeof ajvModule.default.default;
const Ajv: AjvClass = ((ajvModule as unknown as { default: { default?: AjvClass } }).default.default ??
  (ajvModule as unknown as { default: AjvClass }).default) as AjvClass;
const validators = new WeakMap<object, ValidateFunction>();

/**
 * [schema] with its `#/definitions/…` references replaced by copies of what they name. ajv
 * compiles a reference into a call whose errors it appends with `concat`, which is quadratic
 * in the number of errors (100,000 broken measures took minutes); inlined, errors are pushed.
 */
function inlineDefinitions(schema: object): object {
  const defs = ((schema as { definitions?: Record<string, unknown> }).definitions ?? {}) as Record<string, unknown>;
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((x) => walk(x, depth));
    if (!node || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (typeof $ref === 'string' && $ref.startsWith('#/definitions/') && $ref.slice(14) in defs && depth < 16) {
      Object.assign(out, walk(defs[$ref.slice(14)], depth + 1));
    } else if ($ref !== undefined) out.$ref = $ref;
    for (const [k, v] of Object.entries(rest)) out[k] = k === 'definitions' ? v : walk(v, depth);
    return out;
  };
  return walk(schema, 0) as object;
}

function validatorFor(jsonSchema: object): ValidateFunction {
  const known = validators.get(jsonSchema);
  if (known) return known;
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const v = ajv.compile(inlineDefinitions(jsonSchema));
  validators.set(jsonSchema, v);
  return v;
}

const YAML_ERRORS_ZH: Record<string, string> = {
  DUPLICATE_KEY: '键重复',
  BAD_INDENT: '缩进不正确',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档（多了 ---）',
  MISSING_CHAR: '缺少字符',
  UNEXPECTED_TOKEN: '此处不应出现该符号',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  TAB_AS_INDENT: '不能用 Tab 缩进',
  BAD_SCALAR_START: '值的开头不正确（含 @ ` 等字符的值要加引号）',
  BAD_DIRECTIVE: '指令不正确',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用块结构',
  DUPLICATE_ANCHOR: '锚点重复',
  ALIAS_PROPS: '别名不能带锚点或标签',
  BAD_ALIAS: '别名无效',
  IMPOSSIBLE: '无法解析',
  KEY_OVER_1024_CHARS: '键太长',
  TAG_RESOLVE_FAILED: '不支持的标签（配置和清单只能是数据）',
  NON_STRING_KEY: '键只能是文字，不能是列表或映射',
};

/** The first line of a yaml error message, without its position suffix. */
const plainYamlMessage = (m: string): string => m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/** Unwraps aliases (*anchor) to the node they point at. */
function resolveNode(doc: Document.Parsed, node: unknown): unknown {
  let n = node;
  for (let k = 0; k < 20 && isAlias(n); k++) n = n.resolve(doc);
  return n;
}

/** The node at [path] and the key node of its pair, as far as the path can be followed. */
export function locate(doc: Document.Parsed, path: PathSegment[]): { node?: Node; key?: Node; complete: boolean } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const seg of path) {
    node = resolveNode(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node: node as Node, key, complete: false };
      key = pair.key as Node;
      node = pair.value ?? undefined;
      if (node === undefined || node === null) return { node: undefined, key, complete: true };
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { node: node as Node, key, complete: false };
      key = undefined;
      node = item;
    } else {
      return { node: node as Node, key, complete: false };
    }
  }
  return { node: node as Node, key, complete: true };
}

export interface ParseDataOptions {
  /** Validate the value at this path only (package.json's `gongwen` key). */
  root?: PathSegment[];
  /** How the file is called in messages (`清单` / `schema`). */
  kind?: LocalizedText;
}

export function parseDataFile(text: string, file: string, jsonSchema: object, options: ParseDataOptions = {}): DataFile {
  const lineCounter = new LineCounter();
  // A BOM is not part of the text an editor shows; positions are counted without it.
  // A lone \r ends a line (YAML 1.2, and editors), but the yaml package breaks lines at \n
  // only: a file saved with CR line endings was one long line. Same length, same offsets.
  const src = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  // stringKeys: a key that is a collection (`? [a, b]`, `{x: 1}: …`) is an error at its position;
  // otherwise toJS() turns it into a string and prints a process warning to stderr.
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: true });
  const root = options.root ?? [];
  // Lines from the text itself: the yaml package's LineCounter misses the line breaks inside
  // a token it could not parse, which put errors on a line with too few columns.
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const pos = (offset: number) => {
    const o = Math.max(0, Math.min(offset, src.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - lineStarts[lo] + 1 };
  };
  const rangeOf = (path: PathSegment[], part: 'key' | 'value' = 'value'): [number, number] => {
    const full = [...root, ...path];
    const { node, key } = locate(doc, full);
    const target = part === 'key' && key ? key : node && node.range && node.range[1] > node.range[0] ? node : (key ?? node);
    if (target?.range) return [target.range[0], Math.max(target.range[0], target.range[1])];
    return [0, 0];
  };
  const at = (path: PathSegment[], part: 'key' | 'value' = 'value') => {
    const [s, e] = rangeOf(path, part);
    const a = pos(s);
    const b = pos(e);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const error = (path: PathSegment[], code: string, message: LocalizedText, part: 'key' | 'value' = 'value'): DataError => ({
    file,
    ...at(path, part),
    code,
    message,
  });

  const errors: DataError[] = [];
  const fromYaml = (e: { code: string; pos: [number, number]; message: string }, code: string) => {
    const a = pos(e.pos[0]);
    const b = pos(Math.max(e.pos[0], e.pos[1]));
    const detail = e.code === 'NON_STRING_KEY' ? 'A key must be text, not a list or a mapping' : plainYamlMessage(e.message);
    errors.push({
      file,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      code,
      message: { zh: `YAML 语法错误：${YAML_ERRORS_ZH[e.code] ? `${YAML_ERRORS_ZH[e.code]}（${detail}）` : detail}`, en: `YAML syntax error: ${detail}` },
    });
  };
  for (const e of doc.errors) fromYaml(e, e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax');
  for (const w of doc.warnings) if (w.code === 'TAG_RESOLVE_FAILED') fromYaml(w, 'yaml-tag');

  let value: unknown;
  if (!errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      errors.push({ file, line: 1, column: 1, code: 'yaml-syntax', message: { zh: `YAML 无法读取：${String(err)}`, en: `YAML cannot be read: ${String(err)}` } });
    }
  }
  let target = value;
  for (const seg of root) target = target && typeof target === 'object' ? (target as Record<string, unknown>)[seg] : undefined;

  if (!errors.length) {
    if (target === null || target === undefined) {
      errors.push(error([], 'type', { zh: `${options.kind?.zh ?? '文件'}是空的`, en: `The ${options.kind?.en ?? 'file'} is empty` }));
    } else {
      const validate = validatorFor(jsonSchema);
      if (!validate(target)) for (const e of ajvErrors(validate.errors ?? [], error, jsonSchema)) errors.push(e);
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, text: src, doc, lineCounter, value: target, errors, at, rangeOf, error };
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true 或 false）',
  array: '列表',
  object: '键值对（映射）',
  null: '空值',
};

const typeZh = (t: unknown) => (Array.isArray(t) ? t.map((x) => TYPE_ZH[x] ?? x).join('或') : (TYPE_ZH[String(t)] ?? String(t)));
const typeEn = (t: unknown) => (Array.isArray(t) ? t.join(' or ') : String(t));

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `measures[2].any[0]` */
export function showPath(path: PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}

export function suggest(word: string, choices: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of choices) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** Edit distance with adjacent transpositions (titel → title is one edit). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

type ErrorAt = (path: PathSegment[], code: string, message: LocalizedText, part?: 'key' | 'value') => DataError;

function ajvErrors(list: ErrorObject[], error: ErrorAt, _schema: object): DataError[] {
  const out: DataError[] = [];
  const seen = new Set<string>();
  // An error under a path that already has a type error says nothing new.
  const typeErrorAt = new Set(list.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of list) {
    const path = pointerToPath(e.instancePath);
    const where = showPath(path);
    const whereZh = path.length ? `“${where}”` : '文件';
    let d: DataError;
    if (e.keyword !== 'type' && typeErrorAt.has(e.instancePath)) continue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
        const guess = suggest(key, allowed);
        const hintZh = guess ? `，是否应为“${guess}”？` : allowed.length ? `（可用的键：${allowed.join('、')}）` : '';
        const hintEn = guess ? `; did you mean "${guess}"?` : allowed.length ? ` (known keys: ${allowed.join(', ')})` : '';
        d = error([...path, key], 'unknown-key', { zh: `未知的键“${key}”${hintZh}`, en: `Unknown key "${key}"${hintEn}` }, 'key');
        break;
      }
      case 'required': {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        d = error(path, 'missing-key', { zh: `${whereZh}缺少必需的键“${key}”`, en: `${where} lacks the required key "${key}"` }, 'key');
        break;
      }
      case 'type': {
        const t = (e.params as { type: unknown }).type;
        d = error(path, 'type', { zh: `${whereZh}应为${typeZh(t)}`, en: `${where} must be ${typeEn(t)}` });
        break;
      }
      case 'enum': {
        const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => String(v));
        d = error(path, 'value', { zh: `${whereZh}的值应为 ${allowed.join('、')} 之一`, en: `${where} must be one of ${allowed.join(', ')}` });
        break;
      }
      case 'pattern': {
        const isId = /\\p\{L\}/.test(String((e.params as { pattern: string }).pattern));
        d = error(
          path,
          'value',
          isId
            ? { zh: `${whereZh}不是有效的 id（只能包含字母、数字、汉字及 - _ .，不能以符号开头）`, en: `${where} is not a valid id (letters, digits, CJK, - _ . ; must not start with a symbol)` }
            : /propertyNames/.test(e.schemaPath)
              ? { zh: `${whereZh}中的键不是有效的规则 id`, en: `${where} has a key that is not a valid rule id` }
              : { zh: `${whereZh}的值格式不正确`, en: `${where} has an invalid value (${e.message ?? 'pattern'})` },
        );
        break;
      }
      case 'propertyNames': {
        const name = String((e.params as { propertyName?: string }).propertyName ?? '');
        d = error([...path, name], 'value', { zh: `“${name}”不是有效的规则 id`, en: `"${name}" is not a valid rule id` }, 'key');
        break;
      }
      case 'minLength':
      case 'minItems':
        d = error(path, 'value', { zh: `${whereZh}不能为空`, en: `${where} must not be empty` });
        break;
      case 'maxLength':
      case 'maxItems':
        d = error(path, 'value', { zh: `${whereZh}太长`, en: `${where} is too long` });
        break;
      case 'uniqueItems': {
        const j = (e.params as { i: number; j: number }).j;
        d = error([...path, j], 'duplicate-value', { zh: `${whereZh}中有重复的项`, en: `${where} has a duplicate entry` });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const limit = (e.params as { limit: number }).limit;
        const cmp = { minimum: ['不能小于', 'at least'], maximum: ['不能大于', 'at most'], exclusiveMinimum: ['必须大于', 'greater than'], exclusiveMaximum: ['必须小于', 'less than'] }[e.keyword]!;
        d = error(path, 'value', { zh: `${whereZh}${cmp[0]} ${limit}`, en: `${where} must be ${cmp[1]} ${limit}` });
        break;
      }
      default:
        d = error(path, 'value', { zh: `${whereZh}的值不正确`, en: `${where}: ${e.message ?? 'invalid value'}` });
    }
    const k = `${d.line}:${d.column}:${d.code}:${d.message.en}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}
