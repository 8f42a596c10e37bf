// Where things are: the repository, the e2e install folder, this run's folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** test/e2e (this file is compiled to test/e2e/out/driver/env.js). */
export const E2E_DIR = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const FIXTURES = path.join(E2E_DIR, 'fixtures');

/** code-server's install folder (test/e2e/setup.sh). */
export const E2E_HOME = process.env.GONGWEN_E2E_HOME || path.join(os.homedir(), '.cache', 'gongwen-e2e');
export const CODE_SERVER_ENTRY = path.join(E2E_HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The extension folder under test (its package.json's `main` must be built). */
export const EXTENSION_DIR = path.resolve(process.env.GONGWEN_E2E_EXTENSION_DIR || REPO_ROOT);

function runId(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** One id per `npm run test:e2e` (run.sh exports it), else per process. */
export const RUN_ID = process.env.GONGWEN_E2E_RUN_ID || (process.env.GONGWEN_E2E_RUN_ID = runId());

/** Kept by CI: screenshots and logs (gitignored). */
export const ARTIFACTS = path.resolve(process.env.GONGWEN_E2E_ARTIFACTS || path.join(E2E_DIR, '.artifacts', RUN_ID));
/** Scratch for this run: user data, browser profiles, extension folders, workspace copies. */
export const SCRATCH = path.join(E2E_HOME, 'runs', RUN_ID);

export function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh copy of fixtures/workspace for one suite. */
export function freshWorkspace(name: string): string {
  const ws = path.join(SCRATCH, name);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, 'workspace'), ws, { recursive: true });
  return ws;
}

/** Milliseconds since this process started, for the timing log. */
const T0 = Date.now();
const timings: Record<string, number> = {};
export function mark(name: string): void {
  timings[name] = Date.now() - T0;
}
export function writeTimings(file: string): void {
  ensureDir(path.dirname(file));
  let prev: Record<string, number> = {};
  try { prev = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first writer */ }
  fs.writeFileSync(file, JSON.stringify({ ...prev, ...timings }, null, 2));
}
