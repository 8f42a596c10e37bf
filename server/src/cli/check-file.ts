// One file, start to end: read, detect the encoding, resolve its
// configuration, analyse (or take the cached result), fix and write. Runs in
// a worker thread or, with --jobs 1, on the main thread; the result is plain
// data either way. Never throws: every failure becomes a note on the file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { analyze, fixAll, type Finding } from '../engine/index.js';
import { createCliResolver, type CliResolver, type ConfigInit } from './config.js';
import { detect, encode, encodingFlag, encodingLabel, lineEndings, type RequestedEncoding } from './encoding.js';
import { unifiedDiff } from './diff.js';
import { RefusedWrite, writeAtomic, writeTarget } from './write.js';
import type { FileNote, FileResult } from './report.js';

export type FixMode = 'off' | 'write' | 'dry-run';

/** What every file of a run shares (structured-cloneable: it is a worker's workerData). */
export interface RunContext {
  cwd: string;
  /** The project root: the git root, else the working directory. --fix never writes outside it. */
  root: string;
  version: string;
  encoding?: RequestedEncoding;
  fix: FixMode;
  config: ConfigInit;
  cache: boolean;
}

export interface FileTask {
  /** Absolute path (for stdin: the --stdin-filename, resolved). */
  path: string;
  display: string;
  /** For --stdin: the bytes read. */
  stdin?: Uint8Array;
  /** A cached result for this path from an earlier run. */
  cached?: { key: string; result: FileResult };
}

const note = (code: FileNote['code'], severity: FileNote['severity'], zh: string, en: string): FileNote => ({ code, severity, message: { zh, en } });

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'ENOENT: no such file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return `${e.code}: permission denied`;
  if (e?.code === 'EISDIR') return 'EISDIR: is a directory';
  return e?.message ?? String(err);
}

/** JSON with sorted keys; RegExps and other objects as their strings. */
export function stableStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  const norm = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? String(v) : v;
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    if (Array.isArray(v)) return v.map(norm);
    if (v instanceof Map) return [...v.entries()].map(([k, x]) => [norm(k), norm(x)]);
    if (v instanceof Set) return [...v].map(norm);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = norm((v as Record<string, unknown>)[k]);
    return out;
  };
  return JSON.stringify(norm(value));
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export class FileChecker {
  private resolver: Promise<CliResolver> | null = null;
  private readonly fileHashes = new Map<string, Promise<string>>();

  constructor(readonly ctx: RunContext) {}

  private getResolver(): Promise<CliResolver> {
    this.resolver ??= createCliResolver(this.ctx.config);
    return this.resolver;
  }

  /** The content hash of a configuration or schema file (read once per thread). */
  private hashOf(path: string | undefined): Promise<string> {
    if (!path) return Promise.resolve('');
    let h = this.fileHashes.get(path);
    if (!h) {
      h = readFile(path).then(sha256, () => 'missing');
      this.fileHashes.set(path, h);
    }
    return h;
  }

  async check(task: FileTask): Promise<FileResult> {
    try {
      return await this.checkUnsafe(task);
    } catch (err) {
      return {
        path: task.display,
        status: 'error',
        findings: [],
        notes: [note('internal-error', 'fatal', `内部错误：${String((err as Error)?.stack ?? err)}`, `Internal error: ${String((err as Error)?.stack ?? err)}`)],
        fixed: 0,
        configErrors: [],
      };
    }
  }

  private async checkUnsafe(task: FileTask): Promise<FileResult> {
    const { ctx } = this;
    const base: FileResult = { path: task.display, status: 'checked', findings: [], notes: [], fixed: 0, configErrors: [] };
    let bytes: Uint8Array;
    try {
      // Synchronously: a draft is small, and the promise API's open/stat/read/close round trips
      // through the thread pool cost more than the read itself (each worker reads its own files).
      bytes = task.stdin ?? readFileSync(task.path);
    } catch (err) {
      const why = errorText(err);
      return { ...base, status: 'error', notes: [note('read-failed', 'fatal', `无法读取文件（${why}）`, `Cannot read the file (${why})`)] };
    }

    const detected = detect(bytes, ctx.encoding);
    if (detected.kind === 'binary') {
      const what = detected.what ? ` (${detected.what})` : '';
      return { ...base, status: 'skipped', notes: [note('binary', 'info', `不是文本文件${what}，已跳过`, `Not a text file${what}; skipped`)] };
    }
    if (detected.kind === 'foreign') {
      const label = encodingLabel(detected.encoding);
      const n =
        detected.encoding === 'unknown'
          ? note(
              'encoding',
              'error',
              '文件不是有效的 UTF-8 编码，也不像 GBK、GB18030 或 UTF-16；请转换为 UTF-8 后再检查',
              'The file is not valid UTF-8, nor does it look like GBK, GB18030 or UTF-16; convert it to UTF-8',
            )
          : note(
              'encoding',
              'error',
              `文件编码是 ${label}，不是 UTF-8；请转换为 UTF-8，或用 --encoding ${encodingFlag(detected.encoding)} 读取`,
              `The file is encoded in ${label}, not UTF-8; convert it to UTF-8, or read it with --encoding ${encodingFlag(detected.encoding)}`,
            );
      return { ...base, status: 'error', encoding: detected.encoding, bom: detected.bom, notes: [n] };
    }

    const { text, encoding, bom } = detected;
    const info: FileResult = { ...base, encoding, bom, lineEndings: lineEndings(text) };
    const resolution = await (await this.getResolver()).resolve(task.path, text);
    info.configErrors = resolution.errors;
    const options = resolution.options;

    const dependsOn = [...new Set([resolution.configFile, resolution.schemaFile, ...(resolution.files ?? [])].filter((f): f is string => Boolean(f)))].sort();
    const configHash = ctx.cache ? sha256(stableStringify(await Promise.all(dependsOn.map(async (f) => [f, await this.hashOf(f)])))) : '';
    const keyFor = (content: Uint8Array) =>
      sha256(stableStringify([ctx.version, ctx.encoding ?? '', encoding, bom, stableStringify(options), configHash, sha256(content)]));
    const key = ctx.cache ? keyFor(bytes) : undefined;
    if (key && task.cached?.key === key) {
      const hit = task.cached.result;
      const needsFix = ctx.fix !== 'off' && hit.findings.some((f) => f.fix);
      if (!needsFix) return { ...hit, path: task.display, fixed: 0, written: false, diff: undefined, output: task.stdin ? text : undefined, configErrors: info.configErrors, cacheKey: key, cached: true };
    }

    const result = analyze(text, options);
    if (result.errors.length) {
      info.notes.push(...result.errors.map((e) => ({ code: 'internal-error' as const, severity: 'fatal' as const, message: e })));
      info.status = 'error';
    }
    if ((result as { skipped?: boolean }).skipped) info.notes.push(note('not-chinese', 'info', '没有中文内容，未检查', 'No Chinese text; nothing to check'));
    let findings: Finding[] = result.findings;
    let output = text;

    if (ctx.fix !== 'off' && findings.some((f) => f.fix)) {
      const fixedRun = fixAll(text, options);
      if (fixedRun.output !== text) {
        output = fixedRun.output;
        info.fixed = Math.max(1, findings.length - fixedRun.remaining.length);
        findings = fixedRun.remaining;
      }
    }
    info.findings = findings;

    if (output !== text) {
      if (ctx.fix === 'dry-run') {
        info.diff = unifiedDiff(task.display, text, output);
      } else if (task.stdin) {
        // --stdin --fix: the fixed document goes to standard output (lint.ts).
      } else {
        const written = await this.write(task.path, output, encoding, bom, info);
        if (written) info.written = true;
        else {
          // Nothing written: report the findings as they are in the file.
          info.findings = result.findings;
          info.fixed = 0;
          output = text;
        }
      }
    }
    if (task.stdin) info.output = output;
    // Cache what the file on disk now holds: after a write, the fixed content; after a dry run, nothing
    // (the findings are of a text that was not written).
    if (key) info.cacheKey = info.written ? keyFor(encode(output, encoding, bom)) : output === text ? key : undefined;
    return info;
  }

  private async write(path: string, output: string, encoding: NonNullable<FileResult['encoding']>, bom: boolean, info: FileResult): Promise<boolean> {
    let data: Buffer;
    try {
      data = encode(output, encoding === 'unknown' ? 'utf-8' : encoding, bom);
    } catch (err) {
      info.notes.push(note('fix-refused', 'warning', `修复后的文本无法用原编码写回（${(err as Error).message}），未写入`, `The fixed text cannot be written in the file's encoding (${(err as Error).message}); not written`));
      return false;
    }
    try {
      const target = await writeTarget(path, this.ctx.root);
      await writeAtomic(target, data);
      return true;
    } catch (err) {
      if (err instanceof RefusedWrite) {
        info.notes.push(note('fix-refused', 'warning', `符号链接指向项目之外（${err.message}），未写入修复`, `The symlink leads out of the project (${err.message}); fixes not written`));
      } else {
        const why = errorText(err);
        info.notes.push(note('write-failed', 'fatal', `无法写入修复（${why}）`, `Cannot write the fixes (${why})`));
      }
      return false;
    }
  }
}
