// code-server (VS Code 1.100 web workbench + server + Node extension host), on
// 127.0.0.1 and a free port, in its own process group that stop() ends by its id.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY, E2E_HOME, ensureDir } from './env';
import { waitFor } from './wait';

/** User settings that keep the workbench quiet and deterministic. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false, // no overlay over the top lines (hovers, clicks, screenshots)
  'editor.hover.delay': 150,
  'files.autoSave': 'off',
};

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** vscode-remote URI of an absolute path on this machine, as the workbench wants it. */
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  timeout?: number;
}

export function assertInstalled(): void {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed in ${E2E_HOME}: run test/e2e/setup.sh first`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function healthz(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

// Process groups still running when this process exits (a crash, a ^C) are ended too.
const live = new Set<number>();
process.on('exit', () => {
  for (const pid of live) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
});

function baseEnv(userDataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // no marketplace: nothing to reach, and no DNS lookups of outside hosts
    EXTENSIONS_GALLERY: '{}',
    // code-server writes a default config.yaml under $XDG_CONFIG_HOME on start
    XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'),
  };
}

/** Install a .vsix into EXTENSIONS_DIR with code-server's CLI (synchronous, ~1 s). */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string, logFile: string): string[] {
  assertInstalled();
  ensureDir(extensionsDir);
  ensureDir(path.dirname(logFile));
  const cli = (...args: string[]) => spawnSync(process.execPath, [
    CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...args,
  ], { env: baseEnv(userDataDir), encoding: 'utf8', timeout: 120_000 });
  const inst = cli('--install-extension', vsix, '--force');
  fs.appendFileSync(logFile, `${inst.stdout}${inst.stderr}`);
  if (inst.status !== 0) throw new Error(`installing ${vsix} failed (exit ${inst.status}); see ${logFile}`);
  const list = cli('--list-extensions', '--show-versions');
  fs.appendFileSync(logFile, `${list.stdout}${list.stderr}`);
  return list.stdout.split('\n').map((s) => s.trim()).filter((s) => /^[\w-]+\.[\w-]+@/.test(s));
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  assertInstalled();
  const { userDataDir, extensionsDir, logFile } = opts;
  ensureDir(path.join(userDataDir, 'User'));
  ensureDir(extensionsDir);
  ensureDir(path.dirname(logFile));
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings ?? {}) }, null, 2));
  const port = await freePort();
  const config = path.join(userDataDir, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [
    CODE_SERVER_ENTRY, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ], {
    detached: true, // own process group: stop() ends extension hosts and language servers with it
    stdio: ['ignore', out, out],
    env: { ...baseEnv(userDataDir), ...(opts.env ?? {}) },
  });
  fs.closeSync(out);
  const pid = child.pid!;
  live.add(pid);
  let exited: string | undefined;
  child.on('exit', (code, signal) => { exited = `code ${code}, signal ${signal}`; live.delete(pid); });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`code-server on ${url}`, async () => {
    if (exited) throw new Error(`code-server exited (${exited}); see ${logFile}`);
    return healthz(url);
  }, { timeout: opts.timeout ?? 60_000, interval: 100 });
  return {
    url, port, pid, userDataDir, extensionsDir, logFile,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    async stop() {
      if (exited) return;
      try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
      try {
        await waitFor('code-server to exit', () => exited !== undefined, { timeout: 5000, interval: 100 });
      } catch {
        try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
      }
      live.delete(pid);
    },
  };
}

/**
 * The extension's output-channel logs whose file name matches NAME (newest session
 * first): plain channels are written to logs/<session>/exthost1/output_logging_<time>/N-NAME.log,
 * log channels ({ log: true }) to logs/<session>/exthost1/<publisher.name>/NAME.log.
 */
export function outputChannelLogs(userDataDir: string, name: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[] = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 6) walk(p, depth + 1);
      else if (e.isFile() && /exthost/.test(p) && name.test(e.name)) found.push(p);
    }
  };
  walk(path.join(userDataDir, 'logs'), 0);
  return found.sort().reverse();
}

/**
 * The error of a failed activation of EXTENSION_ID, as the extension host logged it
 * (logs/<session>/exthost1/remoteexthost.log), or undefined.
 */
export function activationFailure(userDataDir: string, extensionId: string): string | undefined {
  const root = path.join(userDataDir, 'logs');
  let sessions: string[] = [];
  try { sessions = fs.readdirSync(root); } catch { return undefined; }
  const needle = `Activating extension ${extensionId} failed`;
  for (const s of sessions) {
    let hosts: string[] = [];
    try { hosts = fs.readdirSync(path.join(root, s)).filter((d) => d.startsWith('exthost')); } catch { continue; }
    for (const h of hosts) {
      let text = '';
      try { text = fs.readFileSync(path.join(root, s, h, 'remoteexthost.log'), 'utf8'); } catch { continue; }
      const at = text.indexOf(needle);
      if (at >= 0) return text.slice(at).split('\n').slice(0, 4).join('\n');
    }
  }
  return undefined;
}
