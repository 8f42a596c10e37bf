// Which files a run checks: files, folders and globs from the command line
// (expanded here, so quoted globs work in any shell), `**/*.md` by default,
// minus what .gitignore and .gongwenignore exclude; sorted, then sharded.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareCodeUnits } from './report.js';

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'];
const DEFAULT_PATTERN = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;
/** Never descended into, whatever the ignore files say. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/.gongwen-cache/**'];
export const IGNORE_FILES = ['.gitignore', '.gongwenignore'];

export interface FileEntry {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory, `/`-separated (as reports show it). */
  display: string;
  /** Named on the command line (not found through a folder or glob). */
  explicit: boolean;
}

export interface Collected {
  files: FileEntry[];
  /** Files named explicitly that the ignore files exclude (reported as skipped). */
  ignored: FileEntry[];
  /** Patterns or paths that matched nothing. */
  unmatched: string[];
}

export const toPosix = (p: string): string => p.split(sep).join('/');

export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return toPosix(rel === '' ? '.' : rel);
}

/** The nearest folder at or above [start] holding .git, else [start]. */
export function projectRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

/**
 * .gitignore and .gongwenignore rules, each file applied to the paths below
 * its own folder (as git does), from the project root down.
 */
export class IgnoreRules {
  private readonly perDir = new Map<string, Ignore | null>();

  constructor(readonly root: string) {}

  private rulesOf(dir: string): Ignore | null {
    if (this.perDir.has(dir)) return this.perDir.get(dir)!;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      ig ??= ignore();
      ig.add(content);
    }
    this.perDir.set(dir, ig);
    return ig;
  }

  /** Whether [abs] (a file) is excluded by an ignore file between the root and its folder. */
  ignores(abs: string, isDir = false): boolean {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      const ig = this.rulesOf(dir);
      if (ig && ig.ignores(parts.slice(i).join('/') + (isDir ? '/' : ''))) return true;
      dir = join(dir, parts[i]);
    }
    return false;
  }
}

export interface CollectOptions {
  cwd: string;
  useIgnoreFiles: boolean;
}

/** Expands [inputs] (or the default pattern) into a sorted, de-duplicated file list. */
export async function collectFiles(inputs: string[], options: CollectOptions): Promise<Collected> {
  const { cwd } = options;
  const rules = options.useIgnoreFiles ? new IgnoreRules(projectRoot(cwd)) : null;
  const found = new Map<string, FileEntry>();
  const ignored = new Map<string, FileEntry>();
  const unmatched: string[] = [];
  const positives = inputs.filter((p) => !p.startsWith('!'));
  const negatives = inputs.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const add = (abs: string, explicit: boolean) => {
    if (found.has(abs)) {
      if (explicit) found.get(abs)!.explicit = true;
      return;
    }
    const entry = { path: abs, display: displayPath(cwd, abs), explicit };
    if (rules?.ignores(abs)) {
      if (explicit) ignored.set(abs, entry);
      return;
    }
    found.set(abs, entry);
  };
  const expand = async (pattern: string, base: string): Promise<string[]> => {
    const out = await glob([pattern], { cwd: base, absolute: true, dot: false, onlyFiles: true, expandDirectories: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: true });
    return out.map((p) => resolve(p));
  };

  const work = positives.length ? positives : [DEFAULT_PATTERN];
  for (const input of work) {
    const abs = resolve(cwd, input);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      add(abs, true);
      continue;
    }
    let matches: string[];
    if (st?.isDirectory()) {
      matches = await expand(DEFAULT_PATTERN, abs);
    } else if (isDynamicPattern(input)) {
      matches = await expand(toPosix(input), cwd);
    } else {
      unmatched.push(input);
      continue;
    }
    for (const m of matches) add(m, false);
    if (matches.length === 0 && positives.length) unmatched.push(input);
  }

  if (negatives.length) {
    const excluded = new Set<string>();
    for (const neg of negatives) for (const m of await expand(toPosix(neg), cwd)) excluded.add(m);
    for (const p of excluded) found.delete(p);
  }

  const sort = (m: Map<string, FileEntry>) => [...m.values()].sort((a, b) => compareCodeUnits(a.display, b.display));
  return { files: oncePerRealFile(sort(found)), ignored: sort(ignored), unmatched };
}

/** One entry per real file (a symlinked folder can show the same file twice): the shortest path wins. */
function oncePerRealFile(files: FileEntry[]): FileEntry[] {
  const byReal = new Map<string, FileEntry>();
  for (const f of files) {
    let real: string;
    try {
      real = realpathSync(f.path);
    } catch {
      real = f.path;
    }
    const seen = byReal.get(real);
    if (!seen || f.display.length < seen.display.length) byReal.set(real, f.explicit || seen?.explicit ? { ...f, explicit: true } : f);
  }
  return [...byReal.values()].sort((a, b) => compareCodeUnits(a.display, b.display));
}

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(value: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/** File k (0-based, in sorted order) belongs to shard k mod n + 1: every file in exactly one shard. */
export function applyShard<T>(files: T[], shard: Shard | undefined): T[] {
  if (!shard) return files;
  return files.filter((_, k) => k % shard.count === shard.index - 1);
}
