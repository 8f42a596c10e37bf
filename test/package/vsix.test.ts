// The packaged extension: `vsce package` builds a .vsix that holds only what
// runs (no sources, tests or node_modules), stays under 2 MB, and whose
// manifest points at files that are in it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Reads a zip's central directory: name → (compression method, offset of the local header). */
function readZip(buf: Buffer): Map<string, () => Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('the packaged .vsix', function () {
  this.timeout(120000);
  let vsix: string;
  let entries: Map<string, () => Buffer>;

  before(() => {
    // `npm test` has built dist/ already; package it as `npm run package` does.
    vsix = join(mkdtempSync(join(tmpdir(), 'gongwen-vsix-')), 'gongwen.vsix');
    execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--out', vsix], { cwd: root, stdio: 'pipe' });
    entries = readZip(readFileSync(vsix));
  });

  it('is smaller than 2 MB', () => {
    assert.ok(statSync(vsix).size < 2 * 1024 * 1024, `${statSync(vsix).size} bytes`);
  });

  it('holds the bundles, the manifest, the grammar and the translations, and nothing else', () => {
    const files = [...entries.keys()].filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const must of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'dist/extension.js', 'dist/server.js', 'syntaxes/gongwen-markers.tmLanguage.json', 'client/l10n/bundle.l10n.zh-cn.json']) {
      assert.ok(files.includes(must), `${must} missing from ${files.join(', ')}`);
    }
    for (const f of files) {
      assert.ok(!/(^|\/)(node_modules|src|test|out)\//.test(f) && !f.endsWith('.ts') && !f.endsWith('.map'), `${f} should not ship`);
    }
  });

  it('has a manifest whose entry points, grammar and schemas are inside the package', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!().toString('utf8'));
    const has = (rel: string) => entries.has(`extension/${rel.replace(/^\.\//, '')}`);
    assert.ok(has(manifest.main), manifest.main);
    for (const g of manifest.contributes.grammars) assert.ok(has(g.path), g.path);
    for (const v of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) assert.ok(has(v.url), v.url);
    // Data only, so Restricted Mode keeps working; a workspace's gongwen.schema may name any file, so it is ignored there.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['gongwen.schema']);
  });

  it('has every %key% of the manifest translated in both languages', () => {
    const manifest = entries.get('extension/package.json')!().toString('utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(entries.get(`extension/${file}`)!().toString('utf8'));
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k], `${file}: ${k}`);
    }
  });

  it('starts its bundled server, which answers initialize', async () => {
    const { TestClient } = await import('../lsp/client.js');
    const server = join(root, 'dist/server.js');
    const client = await TestClient.start({ serverPath: server });
    await client.stop();
  });
});
