// The CI recipes in the README and docs/cli.md are real: their YAML parses,
// and every `npx gongwen lint …` command in them runs (no usage error).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { gongwen, project, ROOT } from './run.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const cliDoc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

/** `npx gongwen lint …` commands, split like a shell would split these simple ones. */
function lintCommands(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(/npx gongwen lint([^\n`|>]*)/g)) {
    const args = m[1]
      .replace(/\$\{\{ matrix\.shard \}\}/g, '1')
      .replace(/"\$f"/g, 'a.md')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => a.replace(/^["']|["']$/g, ''));
    out.push(args);
  }
  return out;
}

describe('CI recipes in the docs', () => {
  it('the README has GitHub Actions, GitLab CI and pre-commit recipes in Chinese and English', () => {
    for (const heading of ['### 在 CI 中使用', '### Using it in CI']) assert.ok(readme.includes(heading), heading);
    const [zh, en] = readme.split('## English');
    for (const s of ['upload-sarif', '--format github', '--shard', 'GITHUB_STEP_SUMMARY', 'gongwen coverage', 'reports:\n      junit:', '.pre-commit-config.yaml', '.git/hooks/pre-commit']) {
      assert.ok(zh.includes(s) && en.includes(s), `${s} in both languages`);
    }
  });

  it('every YAML block parses', () => {
    const yamlBlocks = [...blocks(readme, 'yaml'), ...blocks(cliDoc, 'yaml')];
    assert.ok(yamlBlocks.length >= 6);
    for (const b of yamlBlocks) assert.doesNotThrow(() => parse(b), b.slice(0, 80));
  });

  it('every gongwen lint command in them runs without a usage error', function () {
    this.timeout(120_000);
    const commands = [...lintCommands(readme), ...lintCommands(cliDoc)];
    assert.ok(commands.length >= 8, `found ${commands.length}`);
    for (const args of commands) {
      const dir = project({ 'a.md': '一要加强领导。\n\n二要压实责任。\n', 'drafts/b.md': '一要加强。\n', 'examples/c.md': '一要加强。\n\n三要落实。\n', '通知.md': '一要加强。\n' });
      const usesStdin = args.includes('--stdin');
      const r = gongwen(['lint', ...args], { cwd: dir, input: usesStdin ? '一要加强领导。\n' : '' });
      assert.notEqual(r.code, 2, `gongwen lint ${args.join(' ')}\n${r.stderr}`);
    }
  });
});
