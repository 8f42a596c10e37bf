// Polling: every wait in the e2e tests checks a condition until a deadline; none sleeps blindly.

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface WaitOptions {
  timeout?: number;
  interval?: number;
}

/**
 * Call `probe` until it returns a truthy value (which is returned) or the timeout
 * passes (then throws, with the last value `describe`d when given).
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeout = 30_000, interval = 200 }: WaitOptions = {},
  describe?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const extra = describe ? `; last seen: ${describe()}` : lastError ? `; last error: ${String(lastError)}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${extra}`);
    }
    await delay(interval);
  }
}
