#!/usr/bin/env node
// The CLI: the one-file bundle (npm run bundle:cli, part of npm run build) when it
// is there and not older than the last compilation (tsc -b rewrites the build info
// whenever it emits), else the compiled modules themselves. The bundle starts in
// about half the time: no module graph to resolve and load.
import { statSync } from 'node:fs';

const mtime = (p) => {
  try {
    return statSync(new URL(p, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const compiled = Math.max(mtime('../out/cli/main.js'), mtime('../tsconfig.tsbuildinfo'));
const bundled = mtime('../out/cli/main.js') >= 0 && mtime('../out/cli/main.bundle.mjs') >= compiled;
const { main } = await import(bundled ? '../out/cli/main.bundle.mjs' : '../out/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
