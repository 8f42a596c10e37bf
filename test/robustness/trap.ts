// Preloaded (node --import) into a gongwen process by the safety tests: records
// every file the process opens or reads through the fs API, and refuses (and
// records) every attempt to start a process or open a network connection. The
// record is written to $GONGWEN_TRAP_LOG when the process exits.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';

// The CommonJS module objects (ES namespaces are read-only); syncBuiltinESMExports() then
// updates every `import { … } from 'node:…'` binding.
const require = createRequire(import.meta.url);
const childProcess = require('node:child_process');
const dns = require('node:dns');
const fs = require('node:fs') as typeof import('node:fs');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');

interface TrapLog {
  reads: string[];
  refused: string[];
}

const log: TrapLog = { reads: [], refused: [] };

const pathOf = (p: unknown): string | null => {
  if (typeof p === 'string') return p;
  if (p instanceof URL) return p.protocol === 'file:' ? fileURLToPath(p) : p.href;
  if (Buffer.isBuffer(p)) return p.toString();
  return null; // a file descriptor: its open was recorded
};

function wrapRead(owner: Record<string, unknown>, name: string): void {
  const original = owner[name] as (...args: unknown[]) => unknown;
  if (typeof original !== 'function') return;
  owner[name] = function (this: unknown, ...args: unknown[]) {
    const p = pathOf(args[0]);
    if (p !== null) log.reads.push(p);
    return original.apply(this, args);
  };
}

function refuse(owner: Record<string, unknown>, name: string, what: string): void {
  if (typeof owner[name] !== 'function') return;
  owner[name] = (...args: unknown[]) => {
    log.refused.push(`${what}.${name}(${String(args[0]).slice(0, 200)})`);
    throw new Error(`gongwen safety trap: ${what}.${name} is not allowed`);
  };
}

const fsObj = fs as unknown as Record<string, unknown>;
for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync', 'opendir']) wrapRead(fsObj, name);
const promises = fs.promises as unknown as Record<string, unknown>;
for (const name of ['readFile', 'open', 'readdir', 'opendir']) wrapRead(promises, name);
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) refuse(childProcess as unknown as Record<string, unknown>, name, 'child_process');
for (const name of ['connect', 'createConnection']) refuse(net as unknown as Record<string, unknown>, name, 'net');
refuse(tls as unknown as Record<string, unknown>, 'connect', 'tls');
for (const name of ['request', 'get']) {
  refuse(http as unknown as Record<string, unknown>, name, 'http');
  refuse(https as unknown as Record<string, unknown>, name, 'https');
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) refuse(dns as unknown as Record<string, unknown>, name, 'dns');
refuse(globalThis as unknown as Record<string, unknown>, 'fetch', 'globalThis');
syncBuiltinESMExports();

process.on('exit', () => {
  const out = process.env.GONGWEN_TRAP_LOG;
  if (out) fs.writeFileSync(out, JSON.stringify(log));
});
