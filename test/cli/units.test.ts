// Units of the CLI that are easier to check in-process: encoding detection and
// the GB18030 encoder (properties over arbitrary text and bytes), the unified
// diff (applied back by a reference patcher), shards and ignore rules.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { serverModule } from './run.js';

const encoding = await serverModule('cli/encoding.js');
const { unifiedDiff } = await serverModule('cli/diff.js');
const { applyShard, parseShard } = await serverModule('cli/files.js');
const { FileChecker } = await serverModule('cli/check-file.js');

/** Applies a unified diff (as patch(1) would, without fuzz) to [text]. */
function applyPatch(text: string, patch: string): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let i = 0;
  const plines = patch.split('\n');
  let k = 2;
  while (k < plines.length) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(plines[k]);
    if (!h) {
      k++;
      continue;
    }
    const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (i < start) out.push(lines[i++]);
    k++;
    while (k < plines.length && /^[ +\-\\]/.test(plines[k])) {
      const l = plines[k];
      const noNewline = plines[k + 1]?.startsWith('\\');
      if (l[0] === ' ') out.push(lines[i++]);
      else if (l[0] === '-') i++;
      else if (l[0] === '+') out.push(l.slice(1) + (noNewline ? '' : '\n'));
      k++;
    }
  }
  while (i < lines.length) out.push(lines[i++]);
  return out.join('');
}

describe('CLI units', () => {
  describe('encodings', () => {
    it('decodes GB18030 back to the text it encoded, for any Chinese or astral text', () => {
      const chars = fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0x3000, max: 0x303f }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
        fc.constantFrom('\n', '\r\n', '€', '①', '㐀', '〇'),
      );
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 80 }), (parts) => {
          const text = parts.join('');
          for (const name of ['gb18030', 'gbk']) {
            const bytes = encoding.encode(text, name, false);
            assert.equal(new TextDecoder('gb18030').decode(bytes), text);
          }
        }),
        { numRuns: 200 },
      );
    });

    it('never throws on arbitrary bytes, and reads valid UTF-8 as UTF-8', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
          const d = encoding.detect(bytes);
          assert.ok(['text', 'binary', 'foreign'].includes(d.kind));
        }),
        { numRuns: 500 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
          const text = s.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
          const d = encoding.detect(new TextEncoder().encode(text));
          assert.equal(d.kind, 'text');
          assert.equal(d.text, text);
        }),
        { numRuns: 300 },
      );
    });

    it('tells GBK from GB18030 by four-byte sequences, and UTF-16 without a BOM by its NULs', () => {
      const gb = (s: string) => encoding.encode(s, 'gb18030', false);
      assert.deepEqual(encoding.detect(gb('一要加强领导。二要压实责任。')), { kind: 'foreign', encoding: 'gbk', bom: false });
      assert.deepEqual(encoding.detect(gb('一要加强领导𠀀。二要压实责任。')), { kind: 'foreign', encoding: 'gb18030', bom: false });
      assert.deepEqual(encoding.detect(Buffer.from('一要加强领导。\n二要\n', 'utf16le')), { kind: 'foreign', encoding: 'utf-16le', bom: false });
      assert.deepEqual(encoding.detect(Buffer.from('一要加强领导。\n二要\n', 'utf16le').swap16()), { kind: 'foreign', encoding: 'utf-16be', bom: false });
      assert.equal(encoding.detect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])).kind, 'binary');
      assert.equal(encoding.detect(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).kind, 'binary');
    });
  });

  describe('unifiedDiff', () => {
    it('produces a patch that turns the old text into the new one', () => {
      const line = fc.constantFrom('一要加强。', '二要落实。', '三要督查。', '', '# 标题', 'text');
      const doc = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.constantFrom('\n', '\r\n')).map(([ls, finalNewline, eol]) => ls.join(eol) + (finalNewline && ls.length ? eol : ''));
      fc.assert(
        fc.property(doc, doc, (a, b) => {
          const patch = unifiedDiff('x.md', a, b);
          if (a === b) assert.equal(patch, '');
          else assert.equal(applyPatch(a, patch), b);
        }),
        { numRuns: 400 },
      );
    });
  });

  describe('FileChecker', () => {
    it('turns a file it cannot read into a fatal note (exit code 2), not an exception', async () => {
      const checker = new FileChecker({ cwd: '/', root: '/', version: '0', fix: 'off', config: {}, cache: false });
      const r = await checker.check({ path: '/nonexistent/gongwen/x.md', display: 'x.md' });
      assert.equal(r.status, 'error');
      assert.deepEqual(r.notes.map((n: any) => [n.code, n.severity]), [['read-failed', 'fatal']]);
      assert.match(r.notes[0].message.en, /ENOENT/);
    });
  });

  describe('shards', () => {
    it('parses I/N and deals files round-robin, each to exactly one shard', () => {
      assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 });
      for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) assert.equal(parseShard(bad), null, bad);
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 50 }), fc.integer({ min: 1, max: 9 }), (files, n) => {
          const all = Array.from({ length: n }, (_, i) => applyShard(files.map((_, k) => k), { index: i + 1, count: n })).flat().sort((x: number, y: number) => x - y);
          assert.deepEqual(all, files.map((_, k) => k));
        }),
      );
    });
  });
});
