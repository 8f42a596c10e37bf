// Project configuration: finds the config file for each document, merges it
// with editor settings, command-line flags and the document's front matter,
// and loads the required-measures schema — giving the AnalyzeOptions that
// analyze() takes. This layer reads files; the engine and the schema module
// never do (the schema module gets a resolver for `extends` from here).
//
// Discovery walks up from the document's folder and stops at the first of
// .gongwenrc.yaml, .gongwenrc.yml, .gongwenrc.json, or a package.json with a
// `gongwen` key. Configs do not cascade: the first one found is the project's.
//
// Precedence, lowest first: built-in defaults < config file < its matching
// `overrides` (in order) < editor settings < the document's front matter
// (`gongwen: { schema, rules }`) < command line (--schema, --rule).
//
// Safety: config files and schemas are data (no code, no custom YAML tags).
// A schema reference — `schema:` in a config, override or front matter,
// `extends:` in a schema — must stay inside the workspace: the config file's
// folder (the document's folder when there is no config) or a folder of the
// configured schema path. `../../../etc/passwd` and absolute paths outside
// are refused with a positioned error; symbolic links are followed first (a
// link in the workspace, even a `schemas` folder that is one, cannot lead out).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseDocument as parseYaml, isMap } from 'yaml';
import type { AnalyzeOptions, LocalizedText, MeasuresSchema } from '../engine/types.js';
import { RULES } from '../engine/index.js';
import { CONFIG_JSON_SCHEMA } from '../schema/json-schema.js';
import { loadSchema, type SchemaResolver } from '../schema/load.js';
import { parseDataFile, suggest, type DataFile, type PathSegment } from '../schema/yaml-data.js';
import { globMatch, globProblem } from './glob.js';

export { globMatch } from './glob.js';

// ---------------------------------------------------------------------------
// The contract (other layers code against this; extend only with optional fields).

export interface ConfigError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  code: string;
  message: { zh: string; en: string };
  endLine?: number;
  endColumn?: number;
}

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface GongwenConfig {
  rules?: Record<string, RuleSetting>;
  ruleOptions?: Record<string, Record<string, unknown>>;
  suffixes?: string[];
  schema?: string;
  schemaPath?: string[];
  overrides?: Array<{ files: string | string[]; schema?: string; rules?: Record<string, RuleSetting> }>;
  locale?: 'zh-CN' | 'en';
}

export interface ConfigResolution {
  /** Ready for analyze(): rules, ruleOptions, suffixes, schema (loaded, resolved). */
  options: AnalyzeOptions;
  /** The merged configuration, for --print-config (overrides already applied). */
  config: GongwenConfig;
  configFile?: string;
  schemaFile?: string;
  errors: ConfigError[];
  /** Every file the result depends on (config, schema and the schemas it extends), for watching. */
  files?: string[];
}

export interface ConfigResolverInit {
  /** --config: use this instead of discovery. */
  configFile?: string;
  /** --schema */
  schemaFile?: string;
  /** --rule, highest precedence. */
  rules?: Record<string, RuleSetting>;
  /** Editor settings, above files but below --rule. */
  settings?: Partial<GongwenConfig>;
  /** Working folder for a relative configFile / schemaFile (default process.cwd()). */
  cwd?: string;
}

export interface ConfigResolver {
  resolve(documentPath: string, documentText?: string): Promise<ConfigResolution>;
  /** Drop cached config/schema files (all when no path). */
  invalidate(path?: string): void;
}

export const CONFIG_FILE_NAMES = ['.gongwenrc.yaml', '.gongwenrc.yml', '.gongwenrc.json', 'package.json'] as const;
export const DEFAULT_SCHEMA_PATH = ['schemas', '.gongwen/schemas'];
const SCHEMA_EXTENSIONS = ['.yaml', '.yml', '.json'];
const NAME_OK = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
let ruleIds: Set<string> | undefined;
const knownRuleIds = (): Set<string> => (ruleIds ??= new Set(RULES.map((r) => r.meta.id)));

// ---------------------------------------------------------------------------
// Small file helpers (sync: config and schema files are small and cached).

function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

const ioError = (file: string, err: unknown): ConfigError => ({
  file,
  line: 1,
  column: 1,
  code: 'io',
  message: {
    zh: `无法读取文件：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String((err as Error).message ?? err)}`,
    en: `Cannot read the file: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message ?? err)}`,
  },
});

// ---------------------------------------------------------------------------
// Config files.

interface LoadedConfig {
  file: string;
  dir: string;
  config: GongwenConfig;
  data?: DataFile;
  errors: ConfigError[];
}

function checkRuleIds(data: DataFile, rules: unknown, path: PathSegment[], errors: ConfigError[]): void {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
  for (const id of Object.keys(rules)) {
    if (knownRuleIds().has(id)) continue;
    const guess = suggest(id, [...knownRuleIds()]);
    errors.push(
      data.error([...path, id], 'unknown-rule', {
        zh: `未知的规则“${id}”${guess ? `，是否应为“${guess}”？` : ''}`,
        en: `Unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
      }, 'key'),
    );
  }
}

/** Parses a config file's text. For package.json, null when it has no `gongwen` key. */
export function parseConfigText(text: string, file: string): LoadedConfig | null {
  const isPackage = basename(file) === 'package.json';
  if (isPackage) {
    try {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      if (!pkg || typeof pkg !== 'object' || !('gongwen' in pkg)) return null;
    } catch {
      return null;
    }
  }
  const data = parseDataFile(text, file, CONFIG_JSON_SCHEMA, { root: isPackage ? ['gongwen'] : [], kind: { zh: '配置', en: 'configuration' } });
  const errors: ConfigError[] = [...data.errors];
  const v = (data.value && typeof data.value === 'object' && !Array.isArray(data.value) ? data.value : {}) as Record<string, unknown>;
  const config: GongwenConfig = {};
  if (!data.errors.length) Object.assign(config, v);
  delete (config as Record<string, unknown>).$schema;
  checkRuleIds(data, v.rules, ['rules'], errors);
  checkRuleIds(data, v.ruleOptions, ['ruleOptions'], errors);
  if (Array.isArray(v.overrides)) {
    v.overrides.forEach((o, i) => {
      if (!o || typeof o !== 'object') return;
      const ov = o as Record<string, unknown>;
      checkRuleIds(data, ov.rules, ['overrides', i, 'rules'], errors);
      const files = typeof ov.files === 'string' ? [ov.files] : Array.isArray(ov.files) ? ov.files : [];
      files.forEach((g, j) => {
        if (typeof g !== 'string') return;
        const problem = globProblem(g);
        if (problem) {
          const path: PathSegment[] = typeof ov.files === 'string' ? ['overrides', i, 'files'] : ['overrides', i, 'files', j];
          errors.push(data.error(path, 'bad-glob', { zh: `文件匹配模式无效：${problem}`, en: `Invalid file pattern: ${problem}` }));
        }
      });
    });
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, dir: dirname(file), config, data, errors };
}

// ---------------------------------------------------------------------------
// Front matter: `gongwen: { schema: name, rules: { … } }`.

const FRONT_MATTER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    schema: { type: 'string', minLength: 1 },
    rules: CONFIG_JSON_SCHEMA.properties.rules,
  },
} as const;

export interface FrontMatterSettings {
  schema?: string;
  rules?: Record<string, RuleSetting>;
  data?: DataFile;
  errors: ConfigError[];
}

/** Reads `gongwen:` from a document's YAML front matter (`---` … `---` at the very start). */
export function readFrontMatter(text: string, file: string): FrontMatterSettings {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) return { errors: [] };
  const close = /^---[ \t]*$/m.exec(src.slice(open[0].length));
  if (!close) return { errors: [] };
  const yamlText = src.slice(open[0].length, open[0].length + close.index);
  if (!/^gongwen\s*:/m.test(yamlText)) return { errors: [] };
  const probe = parseYaml(yamlText);
  if (!isMap(probe.contents) || !probe.contents.has('gongwen')) {
    if (!probe.errors.length) return { errors: [] };
  }
  const data = parseDataFile(yamlText, file, FRONT_MATTER_SCHEMA, { root: ['gongwen'], kind: { zh: '前言中的 gongwen 设置', en: 'gongwen front matter' } });
  // Positions in the document: the front matter starts on line 2.
  const shift = (e: ConfigError): ConfigError => ({ ...e, line: e.line + 1, endLine: e.endLine !== undefined ? e.endLine + 1 : undefined });
  const errors: ConfigError[] = data.errors.map(shift);
  const v = (data.value && typeof data.value === 'object' ? data.value : {}) as Record<string, unknown>;
  const ruleErrors: ConfigError[] = [];
  checkRuleIds(data, v.rules, ['rules'], ruleErrors);
  errors.push(...ruleErrors.map(shift));
  const shiftedData: DataFile = {
    ...data,
    at: (p, part) => {
      const a = data.at(p, part);
      return { ...a, line: a.line + 1, endLine: a.endLine !== undefined ? a.endLine + 1 : undefined };
    },
    error: (p, code, message, part) => shift(data.error(p, code, message, part)),
  };
  if (data.errors.length) return { data: shiftedData, errors };
  return {
    schema: typeof v.schema === 'string' ? v.schema : undefined,
    rules: v.rules && typeof v.rules === 'object' ? (v.rules as Record<string, RuleSetting>) : undefined,
    data: shiftedData,
    errors,
  };
}

// ---------------------------------------------------------------------------
// Schema references.

interface Workspace {
  /** Folders a schema reference may point into (real paths). */
  roots: string[];
  /** Folders searched for schema names, in order. */
  searchDirs: string[];
}

type RefResult = { file: string } | { error: { code: string; message: LocalizedText } };

const isPathLike = (ref: string) => /[\\/]/.test(ref) || SCHEMA_EXTENSIONS.includes(extname(ref).toLowerCase()) || isAbsolute(ref);

/** Finds the file a schema reference names, refusing anything outside the workspace. */
function findSchemaFile(ref: string, fromDir: string, ws: Workspace, checkContainment = true): RefResult | undefined {
  const outside = (): RefResult => ({
    error: {
      code: 'path-outside-workspace',
      message: {
        zh: `路径“${ref}”在工作区之外（只能引用配置文件所在目录或 schemaPath 中的清单）`,
        en: `"${ref}" is outside the workspace (only schemas in the config file's folder or the schema path may be used)`,
      },
    },
  });
  const allowed = (p: string) => !checkContainment || ws.roots.some((r) => isInside(r, real(p)));
  if (isPathLike(ref)) {
    const p = resolve(fromDir, ref);
    const rp = isFile(p) ? real(p) : join(real(dirname(p)), basename(p));
    // Refused whether or not the file exists: the reference itself leaves the workspace.
    if (checkContainment && !ws.roots.some((r) => isInside(r, rp))) return outside();
    return isFile(p) ? { file: rp } : undefined;
  }
  if (!NAME_OK.test(ref)) {
    return { error: { code: 'bad-schema-name', message: { zh: `“${ref}”不是有效的清单名称`, en: `"${ref}" is not a valid schema name` } } };
  }
  for (const dir of [fromDir, ...ws.searchDirs]) {
    for (const ext of SCHEMA_EXTENSIONS) {
      const p = join(dir, ref + ext);
      if (isFile(p)) return allowed(p) ? { file: real(p) } : outside();
    }
  }
  return undefined;
}

const missingSchemaMessage = (ref: string, ws: Workspace): LocalizedText => ({
  zh: `找不到清单“${ref}”${isPathLike(ref) ? '' : `（已查找：${ws.searchDirs.map((d) => d).join('、') || '无'}）`}`,
  en: `Schema "${ref}" not found${isPathLike(ref) ? '' : ` (searched: ${ws.searchDirs.join(', ') || 'nothing'})`}`,
});

// ---------------------------------------------------------------------------

interface SchemaEntry {
  schema?: MeasuresSchema;
  errors: ConfigError[];
  files: string[];
}

function makeWorkspace(rootDir: string, schemaPath: string[] | undefined, extraRoots: string[] = []): Workspace {
  const searchDirs = (schemaPath ?? DEFAULT_SCHEMA_PATH).map((d) => resolve(rootDir, d));
  // Only a configured schema path widens the workspace. The default folders lie inside it; were
  // their real paths roots, a `schemas` symlink planted in the workspace would open its target.
  const roots = [rootDir, ...(schemaPath ? searchDirs : []), ...extraRoots].map(real);
  return { roots: [...new Set(roots)], searchDirs };
}

class Resolver implements ConfigResolver {
  private dirConfig = new Map<string, string | null>();
  private configs = new Map<string, LoadedConfig | null>();
  private schemas = new Map<string, SchemaEntry>();
  /** Workspaces by root folder and schema path (each costs a realpath per folder: once per run, not per file). */
  private workspaces = new Map<string, Workspace>();
  private readonly cwd: string;

  constructor(private readonly init: ConfigResolverInit = {}) {
    this.cwd = init.cwd ?? process.cwd();
  }

  invalidate(path?: string): void {
    this.dirConfig.clear();
    this.workspaces.clear();
    if (!path) {
      this.configs.clear();
      this.schemas.clear();
      return;
    }
    const p = resolve(path);
    const rp = real(p);
    this.configs.delete(p);
    this.configs.delete(rp);
    for (const [k, v] of this.schemas) if (v.files.includes(p) || v.files.includes(rp) || k.startsWith(`${rp}|`)) this.schemas.delete(k);
  }

  /** The config file for a folder, by discovery (cached per folder). */
  findConfigFile(dir: string): string | null {
    const visited: string[] = [];
    let d = resolve(dir);
    let found: string | null = null;
    for (;;) {
      const known = this.dirConfig.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      for (const name of CONFIG_FILE_NAMES) {
        const p = join(d, name);
        if (!isFile(p)) continue;
        if (name === 'package.json' && !this.loadConfig(p)) continue;
        found = p;
        break;
      }
      if (found) break;
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const v of visited) this.dirConfig.set(v, found);
    return found;
  }

  loadConfig(file: string): LoadedConfig | null {
    const p = resolve(this.cwd, file);
    if (this.configs.has(p)) return this.configs.get(p)!;
    let loaded: LoadedConfig | null;
    try {
      loaded = parseConfigText(readText(p), p);
    } catch (err) {
      loaded = { file: p, dir: dirname(p), config: {}, errors: [ioError(p, err)] };
    }
    this.configs.set(p, loaded);
    return loaded;
  }

  /** Loads a schema file and what it extends, within [ws]; cached. */
  loadSchemaFile(file: string, ws: Workspace): SchemaEntry {
    const key = `${file}|${ws.roots.join(':')}|${ws.searchDirs.join(':')}`;
    const hit = this.schemas.get(key);
    if (hit) return hit;
    let entry: SchemaEntry;
    try {
      const text = readText(file);
      const resolver: SchemaResolver = (ref, fromFile) => {
        const r = findSchemaFile(ref, dirname(fromFile), ws);
        if (!r) return undefined;
        if ('error' in r) return r;
        try {
          return { text: readText(r.file), file: r.file };
        } catch {
          return undefined;
        }
      };
      const loaded = loadSchema(text, file, resolver);
      entry = { schema: loaded.schema, errors: loaded.errors, files: loaded.files };
    } catch (err) {
      entry = { errors: [ioError(file, err)], files: [file] };
    }
    this.schemas.set(key, entry);
    return entry;
  }

  async resolve(documentPath: string, documentText?: string): Promise<ConfigResolution> {
    const docPath = resolve(this.cwd, documentPath);
    const docDir = dirname(docPath);
    const errors: ConfigError[] = [];
    const files: string[] = [];

    // 1. The config file.
    const configFile = this.init.configFile ? resolve(this.cwd, this.init.configFile) : (this.findConfigFile(docDir) ?? undefined);
    let loaded: LoadedConfig | null = null;
    if (configFile) {
      loaded = this.loadConfig(configFile);
      if (!loaded) {
        errors.push({
          file: configFile,
          line: 1,
          column: 1,
          code: 'no-config',
          message: { zh: 'package.json 中没有 gongwen 配置', en: 'package.json has no gongwen key' },
        });
      } else errors.push(...loaded.errors);
      files.push(configFile);
    }
    const fileConfig = loaded?.errors.length ? {} : (loaded?.config ?? {});
    const settings = this.init.settings ?? {};
    const rootDir = loaded?.dir ?? docDir;
    const wsPath = fileConfig.schemaPath ?? settings.schemaPath;
    const wsKey = `${rootDir}\u0000${JSON.stringify(wsPath ?? null)}`;
    let ws = this.workspaces.get(wsKey);
    if (!ws) this.workspaces.set(wsKey, (ws = makeWorkspace(rootDir, wsPath)));

    // 2. Merge, lowest precedence first.
    const rules: Record<string, RuleSetting> = { ...fileConfig.rules };
    let schemaRef: { ref: string; fromDir: string; where: (code: string, m: LocalizedText) => ConfigError; contained: boolean } | undefined;
    if (fileConfig.schema && loaded?.data) {
      const data = loaded.data;
      schemaRef = { ref: fileConfig.schema, fromDir: rootDir, where: (c, m) => data.error(['schema'], c, m), contained: true };
    }
    const rel = relative(rootDir, docPath).split(sep).join('/');
    (fileConfig.overrides ?? []).forEach((o, i) => {
      const globs = typeof o.files === 'string' ? [o.files] : o.files;
      if (!globs.some((g) => globMatch(g, rel))) return;
      Object.assign(rules, o.rules);
      if (o.schema && loaded?.data) {
        const data = loaded.data;
        schemaRef = { ref: o.schema, fromDir: rootDir, where: (c, m) => data.error(['overrides', i, 'schema'], c, m), contained: true };
      }
    });
    Object.assign(rules, settings.rules);
    if (settings.schema) {
      const ref = settings.schema;
      schemaRef = {
        ref,
        fromDir: rootDir,
        where: (code, message) => ({ file: '<settings>', line: 1, column: 1, code, message }),
        contained: false,
      };
    }
    // 3. Front matter.
    let text = documentText;
    if (text === undefined) {
      try {
        text = readText(docPath);
      } catch {
        text = '';
      }
    }
    const fm = readFrontMatter(text, docPath);
    errors.push(...fm.errors);
    if (fm.rules) Object.assign(rules, fm.rules);
    if (fm.schema && fm.data) {
      const data = fm.data;
      schemaRef = { ref: fm.schema, fromDir: docDir, where: (c, m) => data.error(['schema'], c, m), contained: true };
    }
    // 4. Command line.
    Object.assign(rules, this.init.rules);

    // 5. The schema.
    let schema: MeasuresSchema | undefined;
    let schemaFile: string | undefined;
    if (this.init.schemaFile) {
      const p = resolve(this.cwd, this.init.schemaFile);
      schemaFile = isFile(p) ? real(p) : p;
      if (!isFile(p)) {
        errors.push({ file: p, line: 1, column: 1, code: 'schema-missing', message: { zh: '找不到清单文件', en: 'Schema file not found' } });
      } else {
        const entry = this.loadSchemaFile(schemaFile, makeWorkspace(rootDir, fileConfig.schemaPath ?? settings.schemaPath, [dirname(schemaFile)]));
        errors.push(...entry.errors);
        files.push(...entry.files);
        schema = entry.schema;
      }
    } else if (schemaRef) {
      const found = findSchemaFile(schemaRef.ref, schemaRef.fromDir, ws, schemaRef.contained);
      if (!found) errors.push(schemaRef.where('schema-missing', missingSchemaMessage(schemaRef.ref, ws)));
      else if ('error' in found) errors.push(schemaRef.where(found.error.code, found.error.message));
      else {
        schemaFile = found.file;
        const entry = this.loadSchemaFile(found.file, schemaRef.contained ? ws : makeWorkspace(rootDir, ws.searchDirs, [dirname(found.file)]));
        errors.push(...entry.errors);
        files.push(...entry.files);
        schema = entry.schema;
      }
    }

    const suffixes = settings.suffixes ?? fileConfig.suffixes;
    const ruleOptions: Record<string, Record<string, unknown>> = { ...fileConfig.ruleOptions };
    for (const [id, o] of Object.entries(settings.ruleOptions ?? {})) ruleOptions[id] = { ...ruleOptions[id], ...o };
    const options: AnalyzeOptions = {};
    if (Object.keys(rules).length) options.rules = rules;
    if (Object.keys(ruleOptions).length) options.ruleOptions = ruleOptions;
    if (suffixes) options.suffixes = suffixes;
    if (schema) options.schema = schema;

    const config: GongwenConfig = {};
    if (Object.keys(rules).length) config.rules = rules;
    if (Object.keys(ruleOptions).length) config.ruleOptions = ruleOptions;
    if (suffixes) config.suffixes = suffixes;
    const chosen = this.init.schemaFile ?? schemaRef?.ref;
    if (chosen) config.schema = chosen;
    config.schemaPath = ws.searchDirs.map((d) => relative(rootDir, d).split(sep).join('/') || '.');
    const locale = settings.locale ?? fileConfig.locale;
    if (locale) config.locale = locale;

    return { options, config, configFile, schemaFile, errors, files: [...new Set(files)] };
  }
}

export function createConfigResolver(init?: ConfigResolverInit): ConfigResolver {
  return new Resolver(init);
}

/** Validates a schema file and everything it extends (for `gongwen schema check` and editor diagnostics). */
export async function checkSchemaFile(path: string): Promise<ConfigError[]> {
  const file = resolve(path);
  if (!isFile(file)) {
    try {
      readText(file);
    } catch (err) {
      return [ioError(file, err)];
    }
  }
  const r = new Resolver();
  const configFile = r.findConfigFile(dirname(file));
  const loaded = configFile ? r.loadConfig(configFile) : null;
  const rootDir = loaded?.dir ?? dirname(file);
  const ws = makeWorkspace(rootDir, loaded?.config.schemaPath, [dirname(real(file))]);
  return r.loadSchemaFile(real(file), ws).errors;
}

/** Validates a config file and the schemas it names (for `gongwen schema check` and editor diagnostics). */
export async function checkConfigFile(path: string): Promise<ConfigError[]> {
  const file = resolve(path);
  const r = new Resolver();
  let loaded: LoadedConfig | null;
  try {
    loaded = parseConfigText(readText(file), file);
  } catch (err) {
    return [ioError(file, err)];
  }
  if (!loaded) return [{ file, line: 1, column: 1, code: 'no-config', message: { zh: 'package.json 中没有 gongwen 配置', en: 'package.json has no gongwen key' } }];
  const errors = [...loaded.errors];
  if (errors.length || !loaded.data) return errors;
  const data = loaded.data;
  const ws = makeWorkspace(loaded.dir, loaded.config.schemaPath);
  const refs: Array<{ ref: string; path: PathSegment[] }> = [];
  if (loaded.config.schema) refs.push({ ref: loaded.config.schema, path: ['schema'] });
  (loaded.config.overrides ?? []).forEach((o, i) => o.schema && refs.push({ ref: o.schema, path: ['overrides', i, 'schema'] }));
  for (const { ref, path } of refs) {
    const found = findSchemaFile(ref, loaded.dir, ws);
    if (!found) errors.push(data.error(path, 'schema-missing', missingSchemaMessage(ref, ws)));
    else if ('error' in found) errors.push(data.error(path, found.error.code, found.error.message));
    else errors.push(...r.loadSchemaFile(found.file, ws).errors);
  }
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.column}:${e.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Whether a path names a config file (by its name). */
export function isConfigFileName(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

