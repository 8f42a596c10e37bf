// The CLI verbs for schemas: `gongwen coverage`, `gongwen schema derive`,
// `gongwen schema check` — run in-process through main() with captured output.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from 'gongwen-server/cli';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

async function run(args: string[], cwd = repo): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, env: {} });
  return { code, out, err };
}

describe('schema commands', () => {
  describe('gongwen coverage', () => {
    it('prints a table for the faulty example draft (schema from examples/.gongwenrc.yaml) and exits 1', async () => {
      const r = await run(['coverage', 'examples/campus-epidemic-draft-with-errors.md']);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^examples\/campus-epidemic-draft-with-errors\.md — 校园疫情防控工作部署 \(campus-epidemic\)/);
      assert.match(r.out, /✗ 缺失 missing +加强核酸检测 \(testing\)/);
      assert.match(r.out, /覆盖 covered 9\/11 · 必备缺失 missing required 1/);
    });

    it('exits 0 for the complete example draft', async () => {
      const r = await run(['coverage', 'examples/campus-epidemic.md']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /覆盖 covered 10\/11 · 必备缺失 missing required 0/);
    });

    it('writes Markdown for a CI job summary', async () => {
      const r = await run(['coverage', 'examples/campus-epidemic-draft-with-errors.md', '--format', 'markdown']);
      assert.match(r.out, /^### 必备措施覆盖 \/ Measure coverage: `examples\/campus-epidemic-draft-with-errors\.md`\n\n清单 Schema: \*\*校园疫情防控工作部署\*\* \(`campus-epidemic`\) · 9\/11 已覆盖 covered · ❌ 1 项必备缺失 required missing\n/);
      assert.match(r.out, /\n\| 措施 Measure \| 状态 Status \| 条目 Item \| 得分 Score \| 依据 Evidence \|\n\| --- \| --- \| --- \| ---: \| --- \|\n/);
      assert.match(r.out, /\| 加强核酸检测 `testing` \| ❌ 缺失 missing \| — 最接近 closest: 五要 \| 0\.1 \| — \|/);
    });

    it('writes JSON with the coverage of each measure, its item and evidence', async () => {
      const r = await run(['coverage', 'examples/campus-epidemic.md', '-f', 'json']);
      const json = JSON.parse(r.out);
      assert.equal(json.file, 'examples/campus-epidemic.md');
      const testing = json.coverage.measures.find((m: { id: string }) => m.id === 'testing');
      assert.equal(testing.item.marker, '三要');
      assert.equal(testing.item.enumerationId, 'E1');
      assert.equal(testing.evidence[0].term, '核酸检测');
      assert.equal(testing.evidence[0].zone, 'head');
    });

    it('takes --schema, and exits 2 with a message when a file has no schema', async () => {
      const r = await run(['coverage', 'test/fixtures/real/001-yuan-xiaoyuan-anquan.md', '--schema', 'test/fixtures/schemas/campus-safety-opinions.yaml']);
      assert.equal(r.code, 1);
      assert.match(r.out, /应急疏散演练/);
      const none = await run(['coverage', 'test/fixtures/real/001-yuan-xiaoyuan-anquan.md']);
      assert.equal(none.code, 2);
      assert.match(none.err, /没有必备措施清单/);
    });

    it('exits 2 and prints positioned errors for a broken schema', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
      try {
        writeFileSync(join(dir, 'bad.yaml'), 'measures:\n  - {id: a, title: 甲, any: 乙}\n');
        writeFileSync(join(dir, 'doc.md'), '一要加强领导；二要压实责任。\n');
        const r = await run(['coverage', 'doc.md', '--schema', 'bad.yaml'], dir);
        assert.equal(r.code, 2);
        assert.equal(r.err, 'bad.yaml:2:28  error  type  “measures[0].any”应为列表 / measures[0].any must be array\n');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('shows its help', async () => {
      const r = await run(['coverage', '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /gongwen coverage FILE…/);
    });
  });

  describe('gongwen schema', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };

    it('derive writes a valid, commented schema from the seed with -o, and check accepts it', async () => {
      const seed = join(repo, 'test/fixtures/seeds/000_1879313dcec84cbe.txt');
      const r = await run(['schema', 'derive', seed, '-o', 'seed.yaml', '--id', 'seed'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /已生成 wrote seed\.yaml：10 条措施 measures/);
      const yaml = readFileSync(join(dir, 'seed.yaml'), 'utf8');
      assert.match(yaml, /\nid: seed\n/);
      assert.match(yaml, /# 十要加强正面宣传,强化心理疏导\n {2}- id: 正面宣传/);
      const check = await run(['schema', 'check', 'seed.yaml'], dir);
      assert.equal(check.code, 0, check.err);
      assert.equal(check.out, 'seed.yaml: 有效 valid\n');
    });

    it('derive prints to standard output without -o, with an id from the file name', async () => {
      const r = await run(['schema', 'derive', 'test/fixtures/real/007-dameng-jiegan-jinshao.md']);
      assert.equal(r.code, 0);
      assert.match(r.out, /\nid: 007-dameng-jiegan-jinshao\ntitle: 大孟镇扎实做好秸秆禁烧与综合利用工作\n/);
    });

    it('derive exits 2 for a reference without an enumeration', async () => {
      put('plain.md', '会议要求各校高度重视校园安全工作。\n');
      const r = await run(['schema', 'derive', 'plain.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /没有编号结构/);
    });

    it('check prints file:line:col errors and exits 2, for schemas and for config files', async () => {
      put('s.yaml', 'measures:\n  - id: a\n    titel: 甲\n    any: [甲]\n');
      put('.gongwenrc.yaml', 'rules:\n  sequence-gap: fatal\n');
      const r = await run(['schema', 'check', 's.yaml', '.gongwenrc.yaml'], dir);
      assert.equal(r.code, 2);
      assert.deepEqual(r.err.trim().split('\n').map((l) => l.split('  ').slice(0, 3).join('  ')), [
        's.yaml:2:5  error  missing-key',
        's.yaml:3:5  error  unknown-key',
        '.gongwenrc.yaml:2:17  error  value',
      ]);
    });

    it('check validates the example schema and config shipped in examples/', async () => {
      const r = await run(['schema', 'check', 'examples/schemas/campus-epidemic.yaml', 'examples/.gongwenrc.yaml']);
      assert.equal(r.code, 0, r.err);
    });

    it('shows help, and refuses an unknown subcommand with exit 2', async () => {
      assert.equal((await run(['schema', '--help'])).code, 0);
      const r = await run(['schema', 'frobnicate']);
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown subcommand "frobnicate"/);
    });
  });
});
