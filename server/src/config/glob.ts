// Glob patterns for `overrides[].files`, compiled to RE2 (linear time, like
// every pattern that comes from a user's file). Paths are relative to the
// config file's folder, with `/` separators.
//   *  any characters but `/`        **  any number of folders
//   ?  one character but `/`         {a,b}  either        [abc] [a-z] [!a]  a class
// A pattern without a `/` matches the file name in any folder (`*.md`, like
// .gitignore and Prettier); a leading `/` or `./` anchors it at the config folder.
// Invariant: no I/O.
import { RE2JS } from 're2js';

const SPECIAL = new Set('\\.+()|^$[]{}?*'.split(''));
const esc = (c: string) => (SPECIAL.has(c) ? `\\${c}` : c);

export function globToRegExpSource(glob: string): string {
  let g = glob.replace(/\\/g, '/');
  let anchored = false;
  if (g.startsWith('./')) {
    g = g.slice(2);
    anchored = true;
  } else if (g.startsWith('/')) {
    g = g.slice(1);
    anchored = true;
  }
  if (g.endsWith('/')) g += '**';
  const matchBase = !anchored && !g.includes('/');
  let out = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const atStart = i === 0 || g[i - 1] === '/';
        const atEnd = i + 2 === g.length || g[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more folders; a final `**` matches everything below.
          if (i + 2 === g.length) out += '.*';
          else out += '(?:[^/]*/)*';
          i += g[i + 2] === '/' ? 2 : 1;
          continue;
        }
        out += '[^/]*';
        i++;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = g.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/[\\\]^]/g, (m) => `\\${m}`);
      out += negate ? `[^/${body}]` : `[${body}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += esc(c);
  }
  while (braces-- > 0) out += ')';
  return matchBase ? `(?:.*/)?${out}` : out;
}

const cache = new Map<string, RE2JS | null>();

/** Whether [relPath] (relative, `/`-separated) matches [glob]; an invalid glob matches nothing. */
export function globMatch(glob: string, relPath: string): boolean {
  let re = cache.get(glob);
  if (re === undefined) {
    try {
      re = RE2JS.compile(globToRegExpSource(glob));
    } catch {
      re = null;
    }
    cache.set(glob, re);
  }
  return re ? re.testExact(relPath.replace(/\\/g, '/')) : false;
}

/** Why a glob cannot be used, or null. */
export function globProblem(glob: string): string | null {
  try {
    RE2JS.compile(globToRegExpSource(glob));
    return null;
  } catch (err) {
    return String((err as Error).message ?? err);
  }
}
