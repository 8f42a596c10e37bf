// Helpers for CLI tests: run the built `gongwen` as a user would (a child
// process with its own working directory, stdin and environment), make
// throw-away projects in temp folders, and compare output with goldens.
// UPDATE_GOLDEN=1 rewrites the goldens (test/fixtures/cli/golden) instead of
// comparing; review the result with `git diff`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'server/bin/gongwen.js');
export const FIXTURES = join(ROOT, 'test/fixtures/cli');
export const GOLDEN = join(FIXTURES, 'golden');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Uint8Array;
  env?: Record<string, string | undefined>;
}

/** A clean environment: no CI markers, no colour settings, a locale that says nothing (so zh-CN). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'TERM']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function gongwen(args: string[], opts: RunOptions): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? '', env: cleanEnv(opts.env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop (for runs in parallel). */
export function gongwenAsync(args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cleanEnv(opts.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding a copy of fixture set [from] (under test/fixtures/cli) plus [files]. */
export function project(files: Record<string, string | Uint8Array> = {}, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
  made.push(dir);
  if (from) cpSync(join(FIXTURES, from), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');
export const readBytes = (dir: string, name: string): Buffer => readFileSync(join(dir, name));

/** Replaces what differs between machines and versions: the project folder and Gongwen's version. */
export function normalize(text: string, dir: string, version: string): string {
  const fileUrl = new URL(`file://${dir}/`).href;
  return text.split(fileUrl).join('file:///PROJECT/').split(dir).join('/PROJECT').split(`"${version}"`).join('"VERSION"');
}

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    assert.fail(`golden ${name} is missing; run the tests with UPDATE_GOLDEN=1 to create it`);
  }
  assert.equal(actual, expected, `output differs from golden ${name} (UPDATE_GOLDEN=1 refreshes it)`);
}

export const VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'server/package.json'), 'utf8')) as { version: string }).version;

/** Parses JSON output, with the raw text in the message when it is not JSON. */
export function json<T = any>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON:\n${text.slice(0, 2000)}`);
  }
}

/** A module of the built server (server/out/…), for unit tests of CLI internals. */
export function serverModule(path: string): Promise<any> {
  return import(pathToFileURL(join(ROOT, 'server/out', path)).href);
}
