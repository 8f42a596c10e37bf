// Entry point of the extension-host suite: VS Code loads this module (the
// `extensionTestsPath`) inside its extension host and calls run(). Both launchers
// use it: launch/codeServer.ts (code-server, this machine) and launch/electron.ts
// (@vscode/test-electron, desktop VS Code). A rejected promise fails the run.
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is an ES module: load it with import(), which Node16 keeps as a real import
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.GONGWEN_E2E_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
