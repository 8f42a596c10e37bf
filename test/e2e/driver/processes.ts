// The language server's processes, read from /proc (Linux, as everywhere the e2e suites
// run): the UI suite kills the real server to check that the extension restarts it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Pids of live processes running `<extensionsDir>/…/dist/server.js`. */
export function serverPids(extensionsDir: string): number[] {
  const root = path.resolve(extensionsDir) + path.sep;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    let state: string;
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      state = /^State:\s*(\S)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? '';
    } catch {
      continue; // gone meanwhile
    }
    if (state === 'Z') continue; // killed, not yet reaped
    if (args.some((a) => a.startsWith(root) && a.endsWith(`${path.sep}dist${path.sep}server.js`))) pids.push(Number(entry));
  }
  return pids;
}
