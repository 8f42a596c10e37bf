// Encodings: UTF-8 with or without BOM and CRLF are read as they are; GBK,
// GB18030 and UTF-16 are named and reported (exit 1) unless --encoding asks
// for them; binary files are skipped with a note. Fixtures are written by
// Python's codecs (test/fixtures/cli/encodings/README.txt), so Gongwen's own
// decoder and encoder are checked against an independent implementation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, gongwen, json, project, readBytes } from './run.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'encodings', name));
const GAP = '# 通知\n\n一要加强领导。\n\n三要压实责任。\n';

function lintOne(name: string, args: string[] = [], locale = 'en') {
  const dir = project({ [name]: fixture(name) });
  const r = gongwen(['lint', '--format', 'json', '--locale', locale, ...args, name], { cwd: dir });
  return { r, file: json(r.stdout).files[0], dir };
}

describe('gongwen lint encodings', () => {
  for (const [name, label, flag] of [
    ['gbk.md', 'GBK', 'gbk'],
    ['gb18030.md', 'GB18030', 'gb18030'],
    ['utf16le-bom.md', 'UTF-16 LE', 'utf-16'],
    ['utf16be-bom.md', 'UTF-16 BE', 'utf-16'],
    ['utf16le.md', 'UTF-16 LE', 'utf-16'],
  ]) {
    it(`names ${label} in ${name}, fails the run (exit 1) and says how to read it`, () => {
      const { r, file } = lintOne(name);
      assert.equal(r.code, 1);
      assert.equal(file.status, 'error');
      assert.deepEqual(file.notes.map((n: any) => [n.code, n.severity]), [['encoding', 'error']]);
      assert.match(file.notes[0].message.en, new RegExp(`encoded in ${label}, not UTF-8.*--encoding ${flag}`));
      assert.match(file.notes[0].message.zh, new RegExp(`文件编码是 ${label}，不是 UTF-8`));
      // stylish and github say it too
      const dir = project({ [name]: fixture(name) });
      assert.match(gongwen(['lint', name], { cwd: dir }).stdout, new RegExp(`error +encoding +文件编码是 ${label}`));
      assert.match(gongwen(['lint', '--format', 'github', name], { cwd: dir }).stdout, new RegExp(`^::error file=${name.replace('.', '\\.')},title=gongwen\\(encoding\\)::`, 'm'));
    });

    it(`reads ${name} with --encoding ${flag} and finds what is in it`, () => {
      const { r, file } = lintOne(name, ['--encoding', flag]);
      assert.equal(file.status, 'checked');
      assert.deepEqual(file.findings.map((f: any) => `${f.ruleId}@${f.line}:${f.column}`), ['sequence-gap@5:1']);
      assert.equal(r.code, 1);
    });
  }

  it('reads UTF-8 whatever --encoding says (it names the encoding of the other files)', () => {
    const dir = project({ 'a.md': GAP, 'b.md': fixture('gbk.md') });
    const r = gongwen(['lint', '--format', 'json', '--encoding', 'gbk'], { cwd: dir });
    const files = json(r.stdout).files;
    assert.deepEqual(files.map((f: any) => [f.path, f.encoding, f.findings.length]), [
      ['a.md', 'utf-8', 1],
      ['b.md', 'gbk', 1],
    ]);
  });

  it('reads UTF-8 with a BOM and CRLF line endings, with positions as an editor shows them', () => {
    const { file } = lintOne('utf8-bom-crlf.md');
    assert.equal(file.encoding, 'utf-8');
    assert.equal(file.bom, true);
    assert.equal(file.lineEndings, 'crlf');
    assert.deepEqual(file.findings.map((f: any) => `${f.ruleId}@${f.line}:${f.column}`), ['sequence-gap@5:1']);
  });

  for (const name of ['binary.md', 'noise.md']) {
    it(`skips the binary ${name} with a note and does not fail the run`, () => {
      const { r, file } = lintOne(name);
      assert.equal(r.code, 0);
      assert.equal(file.status, 'skipped');
      assert.deepEqual(file.notes.map((n: any) => n.code), ['binary']);
    });
  }

  it('checks the other files of a run that has every kind of encoding, and never crashes', () => {
    const dir = project({}, 'encodings');
    const r = gongwen(['lint', '--format', 'json', '--locale', 'en'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const byPath = Object.fromEntries(json(r.stdout).files.map((f: any) => [f.path, f.status]));
    assert.deepEqual(byPath, {
      'binary.md': 'skipped',
      'gb18030.md': 'error',
      'gbk.md': 'error',
      'noise.md': 'skipped',
      'utf16be-bom.md': 'error',
      'utf16le-bom.md': 'error',
      'utf16le.md': 'error',
      'utf8-bom-crlf.md': 'checked',
    });
  });

  describe('--fix in other encodings', () => {
    for (const [name, flag, codec] of [
      ['gbk.md', 'gbk', 'gbk'],
      ['gb18030.md', 'gb18030', 'gb18030'],
      ['utf16le-bom.md', 'utf-16', 'utf-16le'],
      ['utf16be-bom.md', 'utf-16', 'utf-16be'],
    ]) {
      it(`writes ${name} back in its own encoding`, () => {
        const dir = project({ [name]: fixture(name) });
        const r = gongwen(['lint', '--fix', '--encoding', flag, name], { cwd: dir });
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const bytes = readBytes(dir, name);
        const original = fixture(name);
        const text = new TextDecoder(codec).decode(bytes); // drops the BOM
        assert.equal(text.replace(/^\ufeff/, ''), new TextDecoder(codec).decode(original).replace(/^\ufeff/, '').replace('三要', '二要'));
        assert.equal(bytes.length, original.length, 'same length: only 三 became 二');
        assert.deepEqual(bytes.subarray(0, 2), original.subarray(0, 2), 'BOM kept');
      });
    }
  });

  it('leaves a GBK file alone under --fix when its encoding was not given', () => {
    const dir = project({ 'gbk.md': fixture('gbk.md') });
    assert.equal(gongwen(['lint', '--fix', 'gbk.md'], { cwd: dir }).code, 1);
    assert.deepEqual(readBytes(dir, 'gbk.md'), fixture('gbk.md'));
  });
});
