// Shared helpers of the benchmark: running a Node tool with its wall time and
// peak RSS, medians and percentiles.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = pathToFileURL(fileURLToPath(new URL('./rss-hook.mjs', import.meta.url))).href;

/**
 * Runs `node ARGS` in [cwd] and returns its wall time (spawn to exit, so Node's
 * start-up counts for every tool alike), exit code, peak RSS in MB (the
 * process's ru_maxrss) and CPU seconds (user + system, all threads), both
 * written by rss-hook.mjs as the process exits.
 */
export async function runNode(args, { cwd = ROOT, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = performance.now();
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, ...env, NODE_OPTIONS: `--import=${HOOK}`, GONGWEN_BENCH_RSS: rssFile, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        if (stderr.length < 4000) stderr += d;
      });
      child.on('error', reject);
      child.on('exit', (c) => {
        if (c !== 0 && c !== 1) process.stderr.write(`  (exit ${c}: node ${args.join(' ')})\n${stderr}\n`);
        resolve(c);
      });
    });
    const seconds = (performance.now() - started) / 1000;
    let rssMB = NaN;
    let cpuSeconds = NaN;
    try {
      const rows = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
      rssMB = Math.max(...rows.map((r) => r[1])) / 1024;
      cpuSeconds = rows.reduce((sum, r) => sum + r[2], 0) / 1e6;
    } catch {
      // no figure
    }
    return { seconds, code, rssMB, cpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
