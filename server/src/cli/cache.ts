// --cache: results of earlier runs, keyed per file by a hash of its content,
// its resolved configuration (and the config and schema files' content), the
// encoding options and Gongwen's version. A file whose key is unchanged is
// not analysed again. One JSON file; a damaged or foreign cache is ignored.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FileResult } from './report.js';

export const DEFAULT_CACHE_LOCATION = '.gongwen-cache';
const CACHE_FILE = 'lint-cache.json';

interface CacheFile {
  gongwen: string;
  entries: Record<string, { key: string; result: FileResult }>;
}

/** A folder (ending in / or existing as one, or the default) holds lint-cache.json; anything else is the file itself. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (!location) return join(cwd, DEFAULT_CACHE_LOCATION, CACHE_FILE);
  const abs = resolve(cwd, location);
  return /[\\/]$/.test(location) || !/\.json$/i.test(location) ? join(abs, CACHE_FILE) : abs;
}

export class LintCache {
  private entries: CacheFile['entries'] = {};

  constructor(readonly file: string, readonly version: string) {}

  async load(): Promise<void> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as CacheFile;
      if (data && data.gongwen === this.version && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      this.entries = {};
    }
  }

  get(path: string): { key: string; result: FileResult } | undefined {
    return this.entries[path];
  }

  set(path: string, key: string, result: FileResult): void {
    const { diff: _d, output: _o, cached: _c, written: _w, ...rest } = result;
    this.entries[path] = { key, result: { ...rest, fixed: 0 } };
  }

  async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ gongwen: this.version, entries: this.entries } satisfies CacheFile));
    await rename(tmp, this.file);
  }
}
