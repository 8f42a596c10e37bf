// `gongwen lint`: parse the command line, collect the files, check them (in a
// pool of workers), print every requested format, and decide the exit code.
// All analysis is the engine's analyze()/fixAll(); this file is plumbing.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../engine/index.js';
import { cacheFilePath, LintCache } from './cache.js';
import type { FileTask, FixMode, RunContext } from './check-file.js';
import { createCliResolver, type ConfigInit, type RuleSetting } from './config.js';
import { encode, REQUESTABLE_ENCODINGS, type RequestedEncoding } from './encoding.js';
import { applyShard, collectFiles, displayPath, IgnoreRules, parseShard, projectRoot, toPosix, type Shard } from './files.js';
import { FORMAT_NAMES, FORMATS, summaryLine, type FormatName } from './formats/index.js';
import { LINT_HELP } from './help.js';
import { withDefaults, type Io } from './io.js';
import { localeFromEnv, parseLocale, t, type Locale } from './locale.js';
import { checkAll } from './pool.js';
import { ProgressBar, wantProgress } from './progress.js';
import { summarize, type ConfigProblem, type FileResult, type Report } from './report.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Runs of fewer files than this stay on the main thread unless --jobs says otherwise. */
export const SMALL_RUN = 50;

export interface FormatSpec {
  name: FormatName;
  file?: string;
}

export interface LintOptions {
  patterns: string[];
  stdin: boolean;
  stdinFilename?: string;
  config: ConfigInit;
  printConfig?: string;
  locale?: Locale;
  encoding?: RequestedEncoding;
  formats: FormatSpec[];
  quiet: boolean;
  maxWarnings?: number;
  fix: FixMode;
  jobs?: number;
  shard?: Shard;
  cache: boolean;
  cacheLocation?: string;
  color?: boolean;
  progress?: boolean;
  ignore: boolean;
  errorOnUnmatchedPattern: boolean;
  help: boolean;
}

const LEVELS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

function intOption(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`--${name} 需要不小于 ${min} 的整数 / --${name} takes an integer ≥ ${min}: "${value}"`);
  return Number(value);
}

export function parseLintArgs(args: string[]): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string', short: 'c' },
        schema: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'print-config': { type: 'string' },
        locale: { type: 'string' },
        encoding: { type: 'string' },
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        color: { type: 'boolean' },
        progress: { type: 'boolean' },
        ignore: { type: 'boolean' },
        'error-on-unmatched-pattern': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}`);
  }
  const v = parsed.values;

  const rules: Record<string, RuleSetting> = {};
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const spec of v.rule ?? []) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(spec);
    if (!m) throw new UsageError(`--rule 的格式是 ID=LEVEL / --rule takes ID=LEVEL: "${spec}"`);
    const [, id, level] = m;
    if (!LEVELS.includes(level as RuleSetting)) throw new UsageError(`--rule ${id}: 级别应为 off、info、warning、error / the level must be off, info, warning or error: "${level}"`);
    if (!known.has(id)) throw new UsageError(`--rule: 未知规则 unknown rule "${id}" (${[...known].join(', ')})`);
    rules[id] = level as RuleSetting;
  }

  let locale: Locale | undefined;
  if (v.locale !== undefined) {
    const l = parseLocale(v.locale);
    if (!l) throw new UsageError(`--locale 应为 zh-CN 或 en / --locale must be zh-CN or en: "${v.locale}"`);
    locale = l;
  }

  let encoding: RequestedEncoding | undefined;
  if (v.encoding !== undefined) {
    const e = v.encoding.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^utf16/, 'utf-16').replace(/^cp936$/, 'gbk') as RequestedEncoding;
    if (!REQUESTABLE_ENCODINGS.includes(e)) throw new UsageError(`--encoding 应为 ${REQUESTABLE_ENCODINGS.join('、')} / --encoding must be one of ${REQUESTABLE_ENCODINGS.join(', ')}: "${v.encoding}"`);
    encoding = e;
  }

  const formats: FormatSpec[] = [];
  for (const spec of v.format ?? []) {
    const eq = spec.indexOf('=');
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim() as FormatName;
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (!FORMAT_NAMES.includes(name)) throw new UsageError(`未知格式 unknown format "${name}" (${FORMAT_NAMES.join('|')})`);
    if (file === '') throw new UsageError(`--format ${name}= 缺少文件名 / names no file`);
    formats.push({ name, file });
  }
  if (!formats.length) formats.push({ name: 'stylish' });
  if (v.output !== undefined) {
    const open = formats.filter((f) => !f.file);
    if (open.length !== 1) throw new UsageError('--output 只能用于一种未指定文件的格式 / --output applies to exactly one --format without =FILE');
    open[0].file = v.output;
  }

  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用 / use either --fix or --fix-dry-run');
  if (v.stdin && parsed.positionals.length) throw new UsageError('--stdin 不能与文件参数同时使用 / --stdin takes no PATH');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename 需要 --stdin / --stdin-filename needs --stdin');

  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    const s = parseShard(v.shard);
    if (!s) throw new UsageError(`--shard 的格式是 I/N（1 ≤ I ≤ N）/ --shard takes I/N with 1 ≤ I ≤ N: "${v.shard}"`);
    shard = s;
  }

  return {
    patterns: parsed.positionals,
    stdin: Boolean(v.stdin),
    stdinFilename: v['stdin-filename'],
    config: { configFile: v.config, schemaFile: v.schema, rules: Object.keys(rules).length ? rules : undefined },
    printConfig: v['print-config'],
    locale,
    encoding,
    formats,
    quiet: Boolean(v.quiet),
    maxWarnings: v['max-warnings'] === undefined ? undefined : intOption('max-warnings', v['max-warnings'], 0),
    fix: v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : 'off',
    jobs: v.jobs === undefined ? undefined : intOption('jobs', v.jobs, 1),
    shard,
    cache: Boolean(v.cache),
    cacheLocation: v['cache-location'],
    color: v.color,
    progress: v.progress,
    ignore: v.ignore ?? true,
    errorOnUnmatchedPattern: v['error-on-unmatched-pattern'] ?? true,
    help: Boolean(v.help),
  };
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Colour for reports on the terminal: --color/--no-color, else FORCE_COLOR, NO_COLOR, TTY. */
function colorFor(flag: boolean | undefined, env: NodeJS.ProcessEnv, tty: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return tty;
}

function exitCodeOf(files: FileResult[], configErrors: ConfigProblem[], maxWarnings: number | undefined): number {
  const s = summarize(files, configErrors);
  const fatal = files.some((f) => f.notes.some((n) => n.severity === 'fatal'));
  if (configErrors.length || fatal) return EXIT_USAGE;
  if (s.errors > 0 || s.fileErrors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

export async function lint(args: string[], ioIn: Io): Promise<number> {
  const io = withDefaults(ioIn);
  let opts: LintOptions;
  try {
    opts = parseLintArgs(args);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`gongwen lint: ${err.message}\n${t(localeFromEnv(io.env), '用 gongwen lint --help 查看用法', 'See gongwen lint --help')}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  if (opts.help) {
    io.out(LINT_HELP);
    return EXIT_OK;
  }
  const cwd = io.cwd;
  const locale = opts.locale ?? localeFromEnv(io.env);
  const usage = (zh: string, en: string) => {
    io.err(`gongwen lint: ${t(locale, zh, en)}\n`);
    return EXIT_USAGE;
  };
  const config: ConfigInit = {
    ...opts.config,
    configFile: opts.config.configFile && resolve(cwd, opts.config.configFile),
    schemaFile: opts.config.schemaFile && resolve(cwd, opts.config.schemaFile),
    cwd,
  };
  const relConfig = (e: ConfigProblem): ConfigProblem => ({ ...e, file: isAbsolute(e.file) ? displayPath(cwd, e.file) : toPosix(e.file) });

  if (opts.printConfig !== undefined) return printConfig(opts.printConfig, config, cwd, io, locale, relConfig);

  const ver = await version();
  const ctx: RunContext = { cwd, root: projectRoot(cwd), version: ver, encoding: opts.encoding, fix: opts.fix, config, cache: opts.cache };

  // The files.
  let tasks: FileTask[];
  let ignoredResults: FileResult[] = [];
  if (opts.stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    const abs = resolve(cwd, opts.stdinFilename ?? 'stdin.md');
    const display = opts.stdinFilename ? displayPath(cwd, abs) : name;
    if (opts.stdinFilename && opts.ignore && new IgnoreRules(projectRoot(cwd)).ignores(abs)) {
      ignoredResults = [ignoredResult(display)];
      tasks = [];
      if (opts.fix === 'write') io.outBytes(await io.stdin());
    } else {
      tasks = [{ path: abs, display, stdin: await io.stdin() }];
    }
  } else {
    const collected = await collectFiles(opts.patterns, { cwd, useIgnoreFiles: opts.ignore });
    if (collected.unmatched.length && opts.errorOnUnmatchedPattern) {
      return usage(
        `没有匹配的文件：${collected.unmatched.join('、')}（可用 --no-error-on-unmatched-pattern 忽略）`,
        `No files match: ${collected.unmatched.join(', ')} (--no-error-on-unmatched-pattern allows this)`,
      );
    }
    const files = applyShard(collected.files, opts.shard);
    ignoredResults = applyShard(collected.ignored, opts.shard).map((f) => ignoredResult(f.display));
    tasks = files.map((f) => ({ path: f.path, display: f.display }));
  }

  // The cache.
  const cache = opts.cache && !opts.stdin ? new LintCache(cacheFilePath(cwd, opts.cacheLocation), ver) : null;
  if (cache) {
    await cache.load();
    for (const task of tasks) task.cached = cache.get(relative(cwd, task.path));
  }

  // Check.
  const progress = wantProgress({ flag: opts.progress, stderrIsTTY: io.stderrIsTTY, env: io.env, files: tasks.length })
    ? new ProgressBar(io.err, io.columns, io.stderrIsTTY)
    : null;
  // Default: one worker per core, but small runs stay on this thread (starting a worker costs more than it saves).
  const jobs = opts.jobs ?? (tasks.length < SMALL_RUN ? 1 : Math.min(availableParallelism(), Math.ceil(tasks.length / SMALL_RUN)));
  const results = await checkAll(tasks, ctx, { jobs, onProgress: progress ? (d, n) => progress.update(d, n) : undefined });
  progress?.clear();

  const files = [...results, ...ignoredResults].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  const configErrors: ConfigProblem[] = [];
  for (const f of files) {
    for (const e of f.configErrors) {
      const k = `${e.file}:${e.line}:${e.column}:${e.code}`;
      if (seen.has(k)) continue;
      seen.add(k);
      configErrors.push(relConfig(e));
    }
  }

  if (cache) {
    for (let i = 0; i < tasks.length; i++) {
      const r = results[i];
      if (r.cached && io.env.GONGWEN_DEBUG_CACHE) io.err(`cache hit ${r.path}\n`);
      if (r.cacheKey && r.status !== 'error') cache.set(relative(cwd, tasks[i].path), r.cacheKey, r);
    }
    try {
      await cache.save();
    } catch (err) {
      io.err(`gongwen lint: ${t(locale, '无法写入缓存', 'cannot write the cache')} (${(err as Error).message})\n`);
    }
  }

  const report: Report = {
    version: ver,
    files,
    configErrors,
    summary: summarize(files, configErrors),
    exitCode: exitCodeOf(files, configErrors, opts.maxWarnings),
    maxWarnings: opts.maxWarnings,
    cwd,
    fixMode: opts.fix,
  };

  // What goes to standard output besides reports: the fixed document (--stdin --fix) or the diff (--fix-dry-run).
  let stdoutTaken = false;
  if (opts.stdin && opts.fix === 'write' && !tasks.length) {
    stdoutTaken = true; // the ignored document was passed through above
  } else if (opts.stdin && opts.fix === 'write') {
    const r = results[0];
    if (r.output === undefined) io.outBytes(tasks[0].stdin!);
    else io.outBytes(encode(r.output, r.encoding === undefined || r.encoding === 'unknown' ? 'utf-8' : r.encoding, Boolean(r.bom)));
    stdoutTaken = true;
  } else if (opts.fix === 'dry-run') {
    io.out(files.map((f) => f.diff ?? '').join(''));
    stdoutTaken = true;
  }

  let toTerminal = false;
  let exitCode = report.exitCode;
  for (const spec of opts.formats) {
    const toFile = spec.file !== undefined;
    const stream = toFile ? null : stdoutTaken ? 'err' : 'out';
    const tty = stream === 'out' ? io.stdoutIsTTY : stream === 'err' ? io.stderrIsTTY : false;
    const text = FORMATS[spec.name](report, { locale, quiet: opts.quiet, color: !toFile && colorFor(opts.color, io.env, tty) });
    if (toFile) {
      const target = resolve(cwd, spec.file!);
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      } catch (err) {
        io.err(`gongwen lint: ${t(locale, '无法写入报告', 'cannot write the report')} ${spec.file}: ${(err as Error).message}\n`);
        exitCode = EXIT_USAGE;
      }
    } else {
      toTerminal = true;
      if (stream === 'err') io.err(text);
      else io.out(text);
    }
  }
  // Every report went to a file: the terminal still gets the summary line.
  if (!toTerminal) io.err(summaryLine(report, { locale, quiet: opts.quiet, color: colorFor(opts.color, io.env, io.stderrIsTTY) }) + '\n');
  return exitCode;
}

function ignoredResult(display: string): FileResult {
  return {
    path: display,
    status: 'skipped',
    findings: [],
    notes: [{ code: 'ignored', severity: 'info', message: { zh: '被 .gitignore 或 .gongwenignore 排除，已跳过（--no-ignore 可检查）', en: 'Excluded by .gitignore or .gongwenignore; skipped (--no-ignore checks it)' } }],
    fixed: 0,
    configErrors: [],
  };
}

async function printConfig(file: string, config: ConfigInit, cwd: string, io: Required<Io>, locale: Locale, relConfig: (e: ConfigProblem) => ConfigProblem): Promise<number> {
  const abs = resolve(cwd, file);
  let text: string | undefined;
  try {
    text = await readFile(abs, 'utf8');
  } catch {
    text = undefined; // a file that does not exist yet still gets its configuration
  }
  const resolution = await (await createCliResolver(config)).resolve(abs, text);
  const errors = resolution.errors.map(relConfig);
  const show = (p: string | undefined) => (p === undefined ? null : displayPath(cwd, p));
  io.out(
    JSON.stringify(
      { file: displayPath(cwd, abs), configFile: show(resolution.configFile), schemaFile: show(resolution.schemaFile), options: resolution.options, config: resolution.config ?? null, errors },
      null,
      2,
    ) + '\n',
  );
  for (const e of errors) io.err(`${e.file}:${e.line}:${e.column}  error  ${e.code}  ${locale === 'en' ? e.message.en : e.message.zh}\n`);
  return errors.length ? EXIT_USAGE : EXIT_OK;
}
