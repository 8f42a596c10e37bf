// How the client reacts when the language server fails. No vscode import (the
// caller passes the client library's actions and the notifications), so the
// policy is unit-tested (test/robustness/client-restart.test.ts).
//   - A connection error is logged, not shown: a dying server can raise many in a row,
//     and vscode-languageclient shows an error notification for each one not `handled`.
//   - A crashed server is restarted, and the user is told once, not on every crash.
//   - A server that crashes more than [maxRestarts] times within [windowMs] (one that dies
//     as it starts) is not restarted forever: the client stops and says so, once.

export interface ErrorHandlerActions<E, C> {
  continue: E;
  restart: C;
  doNotRestart: C;
}

export interface ErrorHandlerNotices {
  restarted(): void;
  gaveUp(): void;
}

export interface ErrorHandlerOptions {
  maxRestarts?: number;
  windowMs?: number;
  now?: () => number;
}

export function createErrorHandler<E, C>(actions: ErrorHandlerActions<E, C>, notices: ErrorHandlerNotices, options: ErrorHandlerOptions = {}) {
  const maxRestarts = options.maxRestarts ?? 4;
  const windowMs = options.windowMs ?? 3 * 60_000;
  const now = options.now ?? Date.now;
  const crashes: number[] = [];
  let restartNoticeShown = false;
  return {
    error: () => ({ action: actions.continue, handled: true }),
    closed: () => {
      const t = now();
      crashes.push(t);
      while (crashes.length && t - crashes[0] > windowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        notices.gaveUp();
        return { action: actions.doNotRestart, handled: true };
      }
      if (!restartNoticeShown) {
        restartNoticeShown = true;
        notices.restarted();
      }
      return { action: actions.restart, handled: true };
    },
  };
}
