// The VS Code client's reaction to a failing server (client/src/errorHandler.ts),
// as a unit test of the policy: restart a crashed server and say so once, log
// connection errors without a notification each, and stop restarting — saying
// so once — when the server crashes in a loop. These cases run here in
// milliseconds; the UI suite (test/e2e/ui/drafter.test.ts) kills the real server
// in real VS Code for the same policy end to end. The module is
// compiled from its TypeScript source here with esbuild, as the bundle is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const SRC = fileURLToPath(new URL('../../../client/src/', import.meta.url));

interface Handler {
  error(): { action: string; handled?: boolean };
  closed(): { action: string; handled?: boolean };
}
type Create = (
  actions: { continue: string; restart: string; doNotRestart: string },
  notices: { restarted(): void; gaveUp(): void },
  options?: { maxRestarts?: number; windowMs?: number; now?: () => number },
) => Handler;

describe('the client restarts a crashed server and says so once', () => {
  let createErrorHandler: Create;
  let clock = 0;
  let shown: string[];
  let handler: Handler;

  before(async () => {
    const { code } = transformSync(readFileSync(`${SRC}errorHandler.ts`, 'utf8'), { loader: 'ts', format: 'esm' });
    ({ createErrorHandler } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { createErrorHandler: Create });
  });
  beforeEach(() => {
    clock = 0;
    shown = [];
    handler = createErrorHandler(
      { continue: 'continue', restart: 'restart', doNotRestart: 'stop' },
      { restarted: () => shown.push('restarted'), gaveUp: () => shown.push('gave up') },
      { now: () => clock },
    );
  });

  it('restarts after each crash, with one notice for all of them', () => {
    for (let i = 0; i < 4; i++) {
      clock += 60_000;
      assert.deepEqual(handler.closed(), { action: 'restart', handled: true });
    }
    assert.deepEqual(shown, ['restarted']);
  });

  it('keeps restarting a server that crashes now and then, for as long as it runs', () => {
    for (let i = 0; i < 50; i++) {
      clock += 10 * 60_000;
      assert.equal(handler.closed().action, 'restart');
    }
    assert.deepEqual(shown, ['restarted']);
  });

  it('stops restarting a server that crashes five times within three minutes, and says so once', () => {
    const actions = Array.from({ length: 5 }, () => {
      clock += 1000;
      return handler.closed().action;
    });
    assert.deepEqual(actions, ['restart', 'restart', 'restart', 'restart', 'stop']);
    assert.deepEqual(shown, ['restarted', 'gave up']);
  });

  it('logs connection errors without a notification each (a dying server raises many)', () => {
    for (let i = 0; i < 100; i++) assert.deepEqual(handler.error(), { action: 'continue', handled: true });
    assert.deepEqual(shown, []);
  });

  it('is what the extension gives the language client, with both messages translated', () => {
    const extension = readFileSync(`${SRC}extension.ts`, 'utf8');
    assert.match(extension, /errorHandler: createErrorHandler\(/);
    const bundle = JSON.parse(readFileSync(`${SRC}../l10n/bundle.l10n.zh-cn.json`, 'utf8')) as Record<string, string>;
    for (const [, message] of extension.matchAll(/(?:restarted|gaveUp): \(\) => void vscode\.window\.show\w+Message\(t\('([^']+)'\)\)/g)) {
      assert.ok(bundle[message], `no Chinese for "${message}"`);
    }
    assert.equal([...extension.matchAll(/(?:restarted|gaveUp): \(\) =>/g)].length, 2);
  });
});
