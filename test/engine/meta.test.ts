// Every registered rule has a doc page, a test file and a row in the README's
// rules table that agrees with its metadata; nothing documents a rule that is
// not registered.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from 'gongwen-server';

// This file runs as test/out/engine/meta.test.js.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(root + path, 'utf8');

interface Row {
  id: string;
  target: string;
  cells: string[];
}

/** Table rows whose first cell is a link `[id](<prefix>target.md)`. */
function ruleRows(markdown: string, prefix: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (!line.trimStart().startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    const m = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(cells[0] ?? '');
    if (!m || !m[2].startsWith(prefix) || !m[2].endsWith('.md')) continue;
    rows.push({ id: m[1], target: m[2].slice(prefix.length, -'.md'.length), cells });
  }
  return rows;
}

const ids = RULES.map((r) => r.meta.id);
const readmeRows = ruleRows(read('README.md'), 'docs/rules/');
const indexRows = ruleRows(read('docs/rules/README.md'), '');

describe('rule metadata, docs and tests', () => {
  it('registers rules with unique kebab-case ids', () => {
    assert.ok(ids.length > 0);
    assert.deepEqual([...new Set(ids)], ids);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    const { id, defaultSeverity, fixable } = rule.meta;

    describe(id, () => {
      it(`has a doc page docs/rules/${id}.md that starts with "# ${id}"`, () => {
        const path = `docs/rules/${id}.md`;
        assert.ok(existsSync(root + path), `${path} exists`);
        assert.equal(read(path).split(/\r?\n/)[0], `# ${id}`);
      });

      it(`has a test file test/engine/rules/${id}.test.ts`, () => {
        assert.ok(existsSync(`${root}test/engine/rules/${id}.test.ts`));
      });

      it(`has one row in the README's rules table, linking its page, with severity ${defaultSeverity}`, () => {
        const rows = readmeRows.filter((r) => r.target === id || r.id === id);
        assert.equal(rows.length, 1, `rows for ${id}`);
        const [row] = rows;
        assert.equal(row.id, id, 'link text');
        assert.equal(row.target, id, 'link target');
        assert.equal(row.cells[1], defaultSeverity, 'severity cell');
      });

      it(`has one row in docs/rules/README.md with severity ${defaultSeverity} and fixable ${fixable}`, () => {
        const rows = indexRows.filter((r) => r.target === id || r.id === id);
        assert.equal(rows.length, 1, `rows for ${id}`);
        const [row] = rows;
        assert.equal(row.id, id, 'link text');
        assert.equal(row.target, id, 'link target');
        assert.equal(row.cells[2], `\`${defaultSeverity}\``, 'severity cell');
        assert.match(row.cells[3], fixable ? /^是 yes$/ : /^否 no$/, 'fixable cell');
      });
    });
  }

  it('has no README row for an unregistered rule id', () => {
    assert.ok(readmeRows.length > 0, 'the README has a rules table');
    assert.deepEqual(
      readmeRows.filter((r) => !ids.includes(r.id) || !ids.includes(r.target)).map((r) => r.cells[0]),
      [],
    );
  });

  it('has no row in docs/rules/README.md for an unregistered rule id', () => {
    assert.deepEqual(
      indexRows.filter((r) => !ids.includes(r.id) || !ids.includes(r.target)).map((r) => r.cells[0]),
      [],
    );
  });

  it('has no doc page for an unregistered rule id (docs/rules/README.md is the index)', () => {
    const pages = readdirSync(root + 'docs/rules')
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -'.md'.length));
    assert.deepEqual(pages.filter((p) => !ids.includes(p)), []);
  });

  it('has no rule test file for an unregistered rule id', () => {
    const files = readdirSync(root + 'test/engine/rules')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.test.ts'.length));
    assert.deepEqual(files.filter((f) => !ids.includes(f)), []);
  });
});
