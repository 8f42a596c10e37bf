// One code-server + one chromium for a mocha suite, with screenshots per step and a
// dump of what was on screen (plus the extension's output channel log) on failure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, type Browser } from './browser';
import { activationFailure, installVsix, outputChannelLogs, startCodeServer, type CodeServer } from './codeServer';
import { ARTIFACTS, EXTENSION_DIR, SCRATCH, ensureDir, freshWorkspace, mark, writeTimings } from './env';
import { Workbench } from './workbench';

export const OUTPUT_CHANNEL = new RegExp(process.env.GONGWEN_E2E_CHANNEL || 'gongwen|公文', 'i');

/** The .vsix to test: $GONGWEN_E2E_VSIX, else the newest *.vsix in the extension folder. */
export function findVsix(): string {
  if (process.env.GONGWEN_E2E_VSIX) return path.resolve(process.env.GONGWEN_E2E_VSIX);
  const found = fs.readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(EXTENSION_DIR, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!found.length) throw new Error(`no .vsix in ${EXTENSION_DIR}: run \`npm run package\` first`);
  return found[0];
}

export interface SessionOptions {
  /** names this session's folders: screenshots/<name>, logs/<name>-*.log */
  name: string;
  /** user settings on top of the quiet defaults */
  settings?: Record<string, unknown>;
  /** file of the fixture workspace to open first */
  file?: string;
}

export interface Session {
  server: CodeServer;
  browser: Browser;
  wb: Workbench;
  workspace: string;
  extensionsDir: string;
  logsDir: string;
  /** publisher.name of the installed extension */
  extensionId: string;
}

/**
 * Register mocha hooks that start a session before the suite and stop it after;
 * returns a getter. Each failed test leaves a screenshot and a text dump.
 */
export function useSession(opts: SessionOptions): () => Session {
  let s: Session | undefined;
  const logsDir = ensureDir(path.join(ARTIFACTS, 'logs'));

  before(async function () {
    this.timeout(180_000);
    const scratch = ensureDir(path.join(SCRATCH, opts.name));
    const workspace = freshWorkspace(`${opts.name}-workspace`);
    const userDataDir = path.join(scratch, 'user-data');
    const extensionsDir = path.join(scratch, 'extensions');
    const vsix = findVsix();
    const installed = installVsix(vsix, extensionsDir, userDataDir, path.join(logsDir, `${opts.name}-install.log`));
    mark(`${opts.name}.installed`);
    if (!installed.length) throw new Error(`${vsix} did not install (see logs/${opts.name}-install.log)`);
    const server = await startCodeServer({
      userDataDir, extensionsDir, settings: opts.settings,
      logFile: path.join(logsDir, `${opts.name}-code-server.log`),
    });
    mark(`${opts.name}.serverUp`);
    const browser = await launchBrowser(path.join(scratch, 'chromium-profile'));
    browser.page.on('pageerror', (e) => fs.appendFileSync(path.join(logsDir, `${opts.name}-page-errors.log`), `${e.stack ?? e}\n`));
    mark(`${opts.name}.browserUp`);
    const wb = new Workbench(browser.page, server, path.join(ARTIFACTS, 'screenshots', opts.name));
    const extensionId = installed[0].split('@')[0];
    s = { server, browser, wb, workspace, extensionsDir, logsDir, extensionId };
    await wb.open(workspace, opts.file ? path.join(workspace, opts.file) : undefined);
    mark(`${opts.name}.editorOpen`);
  });

  // A failed activation makes every later wait time out: fail each test at once, saying why.
  beforeEach(function () {
    const failure = s && activationFailure(s.server.userDataDir, s.extensionId);
    if (failure) throw new Error(`the extension failed to activate:\n${failure}`);
  });

  afterEach(async function () {
    const t = this.currentTest;
    if (!s || !t || t.state !== 'failed') return;
    this.timeout(60_000);
    const slug = t.title.replace(/[^\w\u4e00-\u9fff.-]+/g, '_').slice(0, 60);
    const shot = await s.wb.shot(`FAILED-${slug}`);
    const screen = await s.wb.describeScreen();
    const channel = outputChannelLogs(s.server.userDataDir, OUTPUT_CHANNEL)
      .map((f) => `--- ${path.basename(f)}\n${tail(fs.readFileSync(f, 'utf8'), 60)}`).join('\n');
    const activation = activationFailure(s.server.userDataDir, s.extensionId);
    const dump = `${t.fullTitle()}\nscreenshot: ${shot}\n${screen}\n--- extension output channel\n${channel || '(none found)'}\n${
      activation ? `--- activation failed\n${activation}\n` : ''}`;
    fs.writeFileSync(path.join(s.logsDir, `${opts.name}-FAILED-${slug}.txt`), dump);
    console.log(dump.split('\n').map((l) => `      | ${l}`).join('\n'));
  });

  after(async function () {
    this.timeout(60_000);
    if (!s) return;
    await s.wb.shot('final');
    // keep the extension's output channel log with the artifacts
    for (const f of outputChannelLogs(s.server.userDataDir, OUTPUT_CHANNEL)) {
      fs.copyFileSync(f, path.join(s.logsDir, `${opts.name}-output-${path.basename(f)}`));
    }
    await s.browser.close();
    await s.server.stop();
    mark(`${opts.name}.done`);
    writeTimings(path.join(ARTIFACTS, 'timings.json'));
  });

  return () => {
    if (!s) throw new Error('session not started');
    return s;
  };
}

function tail(text: string, n: number): string {
  return text.split('\n').slice(-n).join('\n');
}
