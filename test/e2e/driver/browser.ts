// Debian's chromium, headless, driven by playwright-core (a devDependency of the project).
import * as fs from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, ensureDir } from './env';

// playwright adds --headless. The rest keep chromium from calling Google's hosts on
// a closed network (and from failing on a small /dev/shm).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--lang=en-US',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(profileDir: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run test/e2e/setup.sh (or set CHROMIUM_PATH)`);
  ensureDir(profileDir);
  // launchPersistentContext: a profile folder of our own (launch() refuses --user-data-dir)
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page,
    async close() { await context.close().catch(() => undefined); },
  };
}
