// Launcher (b): the same extension-host suite (out/suite/index.js) in desktop VS Code,
// through @vscode/test-electron — the usual way, for machines that can download VS Code
// (this project's CI machines cannot; there launch/codeServer.ts runs the suite).
//
//   npm run test:vscode
// Env: GONGWEN_E2E_VSCODE_VERSION (default: stable), GONGWEN_E2E_GREP.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { E2E_DIR, EXTENSION_DIR, SCRATCH, freshWorkspace } from '../driver/env';

async function main(): Promise<void> {
  const workspace = freshWorkspace('electron-workspace');
  await runTests({
    version: process.env.GONGWEN_E2E_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: EXTENSION_DIR,
    extensionTestsPath: path.join(E2E_DIR, 'out', 'suite', 'index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir', path.join(SCRATCH, 'electron-user-data'),
    ],
    extensionTestsEnv: { GONGWEN_E2E: '1', GONGWEN_E2E_GREP: process.env.GONGWEN_E2E_GREP ?? '' },
  });
}

main().catch((e) => {
  console.error('extension-host suite (VS Code desktop) failed:', e);
  process.exitCode = 1;
});
