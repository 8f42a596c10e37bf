// `gongwen --help` and `gongwen lint --help`: complete (every option the
// parser accepts is documented) and bilingual.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gongwen, project, ROOT } from './run.js';

/** The long options lint.ts declares to node:util parseArgs. */
function declaredOptions(): string[] {
  const src = readFileSync(join(ROOT, 'server/src/cli/lint.ts'), 'utf8');
  const block = src.slice(src.indexOf('options: {', src.indexOf('parseArgs({')), src.indexOf('},\n    });', src.indexOf('parseArgs({')));
  return [...block.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type:/gm)].map((m) => m[1]);
}

describe('gongwen help', () => {
  it('gongwen --help lists the commands, exit codes and examples in Chinese and English', () => {
    const r = gongwen(['--help'], { cwd: project({}) });
    assert.equal(r.code, 0);
    for (const s of ['gongwen lint', 'gongwen outline', 'gongwen coverage', 'gongwen schema', '--version', '用法 Usage', '退出码 Exit codes', '示例 Examples']) assert.ok(r.stdout.includes(s), s);
    assert.match(r.stdout, /[\u4e00-\u9fff]/);
    assert.match(r.stdout, /check drafts/);
  });

  it('gongwen without a command prints the help and exits 2', () => {
    const r = gongwen([], { cwd: project({}) });
    assert.equal(r.code, 2);
    assert.match(r.stdout, /用法 Usage/);
  });

  it('gongwen lint --help documents every option the parser accepts, in both languages', () => {
    const r = gongwen(['lint', '--help'], { cwd: project({}) });
    assert.equal(r.code, 0);
    const options = declaredOptions();
    assert.ok(options.length > 20, `found ${options.length} options`);
    for (const o of options) {
      const shown = o === 'ignore' || o === 'error-on-unmatched-pattern' ? `--no-${o}` : `--${o}`;
      assert.ok(r.stdout.includes(shown), `${shown} is documented`);
    }
    for (const f of ['stylish', 'json', 'sarif', 'github', 'junit']) assert.ok(r.stdout.includes(f), f);
    for (const heading of ['输入 Input', '配置 Configuration', '输出 Output', '修复 Fixing', '规模 Scale', '退出码 Exit codes']) assert.ok(r.stdout.includes(heading), heading);
    assert.equal(gongwen(['help', 'lint'], { cwd: project({}) }).stdout, r.stdout);
  });

  it('gongwen --version prints the version', () => {
    assert.match(gongwen(['--version'], { cwd: project({}) }).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
