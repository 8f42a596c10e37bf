// Launcher (a): run the extension-host suite (out/suite/index.js) inside code-server,
// through VS Code's own extension-test mechanism: the workbench URL's `payload`
// carries extensionDevelopmentPath + extensionTestsPath, the remote Node extension
// host loads the extension from its folder and calls the suite's run(), its console
// arrives in window.codeAutomationLog and its end in window.codeAutomationExit(code).
//
//   node test/e2e/out/launch/codeServer.js       (npm run test:e2e runs it)
// Env: GONGWEN_E2E_EXTENSION_DIR (default: the repository), GONGWEN_E2E_GREP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchBrowser } from '../driver/browser';
import { outputChannelLogs, startCodeServer } from '../driver/codeServer';
import { ARTIFACTS, E2E_DIR, EXTENSION_DIR, SCRATCH, ensureDir, freshWorkspace, mark, writeTimings } from '../driver/env';
import { OUTPUT_CHANNEL } from '../driver/session';
import { Workbench } from '../driver/workbench';

/** Workbench start-up lines that say nothing about the tests. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache)/;

const TIMEOUT = Number(process.env.GONGWEN_E2E_HOST_TIMEOUT || 300_000);

async function main(): Promise<number> {
  const main = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'package.json'), 'utf8')).main as string;
  if (!fs.existsSync(path.resolve(EXTENSION_DIR, main))) {
    throw new Error(`${path.resolve(EXTENSION_DIR, main)} is missing: build the extension first (npm run build)`);
  }
  const testsPath = path.join(E2E_DIR, 'out', 'suite', 'index.js');
  const scratch = ensureDir(path.join(SCRATCH, 'host'));
  const logs = ensureDir(path.join(ARTIFACTS, 'logs'));
  const workspace = freshWorkspace('host-workspace');
  const server = await startCodeServer({
    userDataDir: path.join(scratch, 'user-data'),
    extensionsDir: path.join(scratch, 'extensions-empty'), // the extension comes from its folder
    logFile: path.join(logs, 'host-code-server.log'),
    // the extension host is a child of the server and sees this environment
    env: { GONGWEN_E2E: '1' },
  });
  mark('host.serverUp');
  const browser = await launchBrowser(path.join(scratch, 'chromium-profile'));
  const wb = new Workbench(browser.page, server, path.join(ARTIFACTS, 'screenshots', 'host'));
  const consoleLog = path.join(logs, 'host-extension-tests.log');
  fs.writeFileSync(consoleLog, '');
  let exitCode: (code: number) => void = () => undefined;
  const exited = new Promise<number>((r) => { exitCode = r; });
  try {
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      fs.appendFileSync(consoleLog, `${line}\n`);
      if (NOISE.test(line)) return; // the workbench's own chatter stays in the log file
      if (type === 'error' || type === 'warn') process.stderr.write(`${line}\n`);
      else process.stdout.write(`${line}\n`);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
    await browser.page.goto(wb.url(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(EXTENSION_DIR)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ]));
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    mark('host.workbench');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<number>((r) => { timer = setTimeout(() => r(-1), TIMEOUT); }),
    ]);
    clearTimeout(timer);
    mark('host.done');
    if (code === -1) console.error(`extension-host suite: no result after ${TIMEOUT} ms`);
    await wb.shot(code === 0 ? 'host-final' : 'host-FAILED');
    return code;
  } finally {
    for (const f of outputChannelLogs(server.userDataDir, OUTPUT_CHANNEL)) {
      fs.copyFileSync(f, path.join(logs, `host-output-${path.basename(f)}`));
    }
    await browser.close();
    await server.stop();
    writeTimings(path.join(ARTIFACTS, 'timings.json'));
  }
}

main().then((code) => {
  console.log(`extension-host suite (code-server): exit code ${code}; logs in ${path.join(ARTIFACTS, 'logs')}`);
  process.exitCode = code === 0 ? 0 : 1;
}, (e) => {
  console.error(e);
  process.exitCode = 1;
});
