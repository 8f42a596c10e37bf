// Configuration: discovery, precedence, overrides, front matter, schema
// references (by name, by path, refused outside the workspace), caching, and
// checking config and schema files. Every test builds its own folder tree.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze } from 'gongwen-server';
import { checkConfigFile, checkSchemaFile, createConfigResolver, globMatch, type ConfigError } from 'gongwen-server/config';

let root: string;

/** Writes files under a fresh temporary folder: { 'a/b.md': '…' }. */
function tree(files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    const p = join(root, path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}
const at = (path: string) => join(root, path);
const keyed = (errors: ConfigError[]) => errors.map((e) => `${e.file.slice(root.length + 1)}:${e.code}@${e.line}:${e.column}`);

const SCHEMA = 'id: testing\ntitle: 核酸检测\nmeasures:\n  - {id: t, title: 加强核酸检测, any: [核酸检测]}\n';
const OTHER = 'id: other\ntitle: 其他\nmeasures:\n  - {id: o, title: 压实责任, any: [压实责任]}\n';
const DRAFT = '会议强调，一要加强组织领导；二要压实工作责任；四要强化各项保障。\n';

describe('configuration', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gongwen-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('discovery', () => {
    it('works with no config at all: defaults, no schema, no error', async () => {
      tree({ 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(r.errors, []);
      assert.equal(r.configFile, undefined);
      assert.equal(r.options.schema, undefined);
      assert.deepEqual(analyze(DRAFT, r.options).findings.map((f) => f.ruleId), ['sequence-gap']);
    });

    it('finds .gongwenrc.yaml walking up from the document', async () => {
      tree({ '.gongwenrc.yaml': 'rules:\n  sequence-gap: warning\n', 'a/b/doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('a/b/doc.md'));
      assert.equal(r.configFile, at('.gongwenrc.yaml'));
      assert.deepEqual(r.options.rules, { 'sequence-gap': 'warning' });
      assert.deepEqual(analyze(DRAFT, r.options).findings.map((f) => f.severity), ['warning']);
    });

    it('stops at the first config found (no cascade)', async () => {
      tree({ '.gongwenrc.yaml': 'rules:\n  sequence-gap: off\n  mixed-style: off\n', 'a/.gongwenrc.json': '{ "rules": { "sequence-gap": "info" } }', 'a/b/doc.md': DRAFT, 'doc.md': DRAFT });
      const inner = await createConfigResolver().resolve(at('a/b/doc.md'));
      assert.equal(inner.configFile, at('a/.gongwenrc.json'));
      assert.deepEqual(inner.options.rules, { 'sequence-gap': 'info' });
      const outer = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(outer.options.rules, { 'sequence-gap': 'off', 'mixed-style': 'off' });
    });

    it('prefers .gongwenrc.yaml, then .yml, then .json, then package.json in one folder', async () => {
      tree({ '.gongwenrc.yml': 'rules: {sequence-gap: info}\n', '.gongwenrc.json': '{"rules": {"sequence-gap": "warning"}}', 'doc.md': DRAFT });
      assert.equal((await createConfigResolver().resolve(at('doc.md'))).configFile, at('.gongwenrc.yml'));
    });

    it('reads the gongwen key of package.json, and walks past a package.json without one', async () => {
      tree({ 'package.json': '{ "name": "x", "gongwen": { "rules": { "sequence-gap": "info" } } }', 'pkg/package.json': '{ "name": "y" }', 'pkg/doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('pkg/doc.md'));
      assert.equal(r.configFile, at('package.json'));
      assert.deepEqual(r.options.rules, { 'sequence-gap': 'info' });
    });

    it('uses --config instead of discovery', async () => {
      tree({ '.gongwenrc.yaml': 'rules: {sequence-gap: off}\n', 'ci.yaml': 'rules: {sequence-gap: info}\n', 'doc.md': DRAFT });
      const r = await createConfigResolver({ configFile: at('ci.yaml') }).resolve(at('doc.md'));
      assert.equal(r.configFile, at('ci.yaml'));
      assert.deepEqual(r.options.rules, { 'sequence-gap': 'info' });
    });

    it('passes suffixes and rule options through to analyze()', async () => {
      tree({ '.gongwenrc.yaml': 'suffixes: [要, 抓, 看]\nruleOptions:\n  hierarchy-skip: {allowOneToThree: false}\n', 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(r.options.suffixes, ['要', '抓', '看']);
      assert.deepEqual(r.options.ruleOptions, { 'hierarchy-skip': { allowOneToThree: false } });
      assert.equal(analyze('会议要求，一看思想；二看作风；三看成效。', r.options).enumerations[0].style, 'N看');
    });
  });

  describe('precedence', () => {
    it('file < overrides < editor settings < front matter < --rule', async () => {
      tree({
        '.gongwenrc.yaml': 'rules: {sequence-gap: info, mixed-style: info, empty-item: info, ordinal-adverb: info}\noverrides:\n  - files: "*.md"\n    rules: {mixed-style: warning, empty-item: warning, ordinal-adverb: warning}\n',
        'doc.md': '---\ngongwen:\n  rules: {ordinal-adverb: error, sequence-start: error}\n---\n' + DRAFT,
      });
      const r = await createConfigResolver({ settings: { rules: { 'empty-item': 'error', 'ordinal-adverb': 'off', 'sequence-start': 'off' } }, rules: { 'sequence-start': 'warning' } }).resolve(at('doc.md'));
      assert.deepEqual(r.options.rules, {
        'sequence-gap': 'info',
        'mixed-style': 'warning',
        'empty-item': 'error',
        'ordinal-adverb': 'error',
        'sequence-start': 'warning',
      });
    });
  });

  describe('overrides', () => {
    it('apply a schema and rules to the files their globs match', async () => {
      tree({
        '.gongwenrc.yaml': 'overrides:\n  - files: "drafts/**/*.md"\n    schema: testing\n    rules: {sequence-gap: warning}\n  - files: ["*-final.md"]\n    rules: {sequence-gap: error}\n',
        'schemas/testing.yaml': SCHEMA,
        'drafts/2024/a.md': DRAFT,
        'drafts/2024/a-final.md': DRAFT,
        'notes/b.md': DRAFT,
      });
      const resolver = createConfigResolver();
      const a = await resolver.resolve(at('drafts/2024/a.md'));
      assert.equal(a.options.schema?.id, 'testing');
      assert.equal(a.schemaFile, at('schemas/testing.yaml'));
      assert.deepEqual(a.options.rules, { 'sequence-gap': 'warning' });
      const final = await resolver.resolve(at('drafts/2024/a-final.md'));
      assert.deepEqual(final.options.rules, { 'sequence-gap': 'error' }, 'the later override wins');
      const b = await resolver.resolve(at('notes/b.md'));
      assert.equal(b.options.schema, undefined);
      assert.equal(b.options.rules, undefined);
    });

    it('take an unclosed [ in a glob as a literal character', async () => {
      tree({ '.gongwenrc.yaml': 'overrides:\n  - files: "a[b.md"\n    rules: {sequence-gap: info}\n', 'a[b.md': DRAFT });
      const r = await createConfigResolver().resolve(at('a[b.md'));
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.options.rules, { 'sequence-gap': 'info' });
    });
  });

  describe('schema references', () => {
    it('find a schema by name in the schema path, by relative path, and report a missing one at its position', async () => {
      tree({ 'policy/other.yaml': OTHER, '.gongwenrc.yaml': 'schemaPath: [policy]\nschema: other\n', 'doc.md': DRAFT });
      assert.equal((await createConfigResolver().resolve(at('doc.md'))).options.schema?.id, 'other');
      tree({ '.gongwenrc.yaml': 'schema: ./policy/other.yaml\n' });
      assert.equal((await createConfigResolver().resolve(at('doc.md'))).options.schema?.id, 'other');
      tree({ '.gongwenrc.yaml': 'rules: {}\nschema: nothing-here\n' });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(keyed(r.errors), ['.gongwenrc.yaml:schema-missing@2:9']);
      assert.equal(r.options.schema, undefined);
    });

    it('take the front matter’s schema for one document, over the config’s', async () => {
      tree({
        '.gongwenrc.yaml': 'schema: other\n',
        'schemas/other.yaml': OTHER,
        'schemas/testing.yaml': SCHEMA,
        'doc.md': '---\ntitle: 草稿\ngongwen:\n  schema: testing\n---\n\n' + DRAFT,
        'plain.md': DRAFT,
      });
      const resolver = createConfigResolver();
      assert.equal((await resolver.resolve(at('doc.md'))).options.schema?.id, 'testing');
      assert.equal((await resolver.resolve(at('plain.md'))).options.schema?.id, 'other');
    });

    it('read the front matter from the text given (an unsaved editor buffer) rather than the file', async () => {
      tree({ 'schemas/testing.yaml': SCHEMA, 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'), '---\ngongwen: {schema: testing}\n---\n' + DRAFT);
      assert.equal(r.options.schema?.id, 'testing');
    });

    it('report front matter errors at their line and column in the document', async () => {
      tree({ 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'), '---\ntitle: x\ngongwen:\n  shema: testing\n---\n' + DRAFT);
      assert.deepEqual(keyed(r.errors), ['doc.md:unknown-key@4:3']);
      const r2 = await createConfigResolver().resolve(at('doc.md'), '---\ngongwen:\n  schema: nowhere\n---\n' + DRAFT);
      assert.deepEqual(keyed(r2.errors), ['doc.md:schema-missing@3:11']);
    });

    it('take --schema over everything else', async () => {
      tree({ '.gongwenrc.yaml': 'schema: other\n', 'schemas/other.yaml': OTHER, 'elsewhere/testing.yaml': SCHEMA, 'doc.md': DRAFT });
      const r = await createConfigResolver({ schemaFile: at('elsewhere/testing.yaml') }).resolve(at('doc.md'));
      assert.equal(r.options.schema?.id, 'testing');
    });

    it('resolve extends by name next to the schema and in the schema path', async () => {
      tree({
        'schemas/base.yaml': SCHEMA,
        'schemas/child.yaml': 'extends: base\nmeasures:\n  - {id: o, title: 压实责任, any: [压实责任]}\n',
        '.gongwenrc.yaml': 'schema: child\n',
        'doc.md': DRAFT,
      });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.options.schema?.measures.map((m) => m.id), ['t', 'o']);
      assert.deepEqual(r.files, [at('.gongwenrc.yaml'), at('schemas/child.yaml'), at('schemas/base.yaml')]);
    });
  });

  describe('the workspace boundary', () => {
    it('refuses a config schema path that climbs out of the workspace, at its position', async () => {
      tree({ 'project/.gongwenrc.yaml': 'rules: {}\nschema: ../../../etc/passwd\n', 'project/doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('project/doc.md'));
      assert.deepEqual(keyed(r.errors), ['project/.gongwenrc.yaml:path-outside-workspace@2:9']);
      assert.equal(r.options.schema, undefined);
    });

    it('refuses an absolute path outside the workspace, even one that exists', async () => {
      tree({ 'outside.yaml': SCHEMA, 'project/doc.md': DRAFT });
      tree({ 'project/.gongwenrc.yaml': `schema: ${JSON.stringify(at('outside.yaml'))}\n` });
      const r = await createConfigResolver().resolve(at('project/doc.md'));
      assert.deepEqual(keyed(r.errors), ['project/.gongwenrc.yaml:path-outside-workspace@1:9']);
    });

    it('accepts an absolute path inside the workspace', async () => {
      tree({ 'project/s/testing.yaml': SCHEMA, 'project/doc.md': DRAFT });
      tree({ 'project/.gongwenrc.yaml': `schema: ${JSON.stringify(at('project/s/testing.yaml'))}\n` });
      assert.equal((await createConfigResolver().resolve(at('project/doc.md'))).options.schema?.id, 'testing');
    });

    it('refuses extends that climb out, positioned in the schema file', async () => {
      tree({
        'secret.yaml': OTHER,
        'project/.gongwenrc.yaml': 'schema: child\n',
        'project/schemas/child.yaml': 'id: child\nextends:\n  - ../../secret.yaml\nmeasures:\n  - {id: t, title: 加强核酸检测, any: [核酸检测]}\n',
        'project/doc.md': DRAFT,
      });
      const r = await createConfigResolver().resolve(at('project/doc.md'));
      assert.deepEqual(keyed(r.errors), ['project/schemas/child.yaml:path-outside-workspace@3:5']);
      assert.match(r.errors[0].message.zh, /在工作区之外/);
    });

    it('refuses a front matter path that climbs out', async () => {
      tree({ 'secret.yaml': OTHER, 'project/.gongwenrc.yaml': 'rules: {}\n', 'project/doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('project/doc.md'), '---\ngongwen: {schema: ../secret.yaml}\n---\n' + DRAFT);
      assert.deepEqual(keyed(r.errors), ['project/doc.md:path-outside-workspace@2:19']);
    });

    it('refuses a symbolic link that leads out of the workspace', async function () {
      tree({ 'secret.yaml': OTHER, 'project/.gongwenrc.yaml': 'schema: ./link.yaml\n', 'project/doc.md': DRAFT });
      try {
        symlinkSync(at('secret.yaml'), at('project/link.yaml'));
      } catch {
        this.skip();
      }
      const r = await createConfigResolver().resolve(at('project/doc.md'));
      assert.deepEqual(keyed(r.errors), ['project/.gongwenrc.yaml:path-outside-workspace@1:9']);
    });

    it('allows folders of the configured schema path outside the config folder', async () => {
      tree({ 'shared/policy/other.yaml': OTHER, 'project/.gongwenrc.yaml': 'schemaPath: [../shared/policy]\nschema: other\n', 'project/doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('project/doc.md'));
      assert.deepEqual(r.errors, []);
      assert.equal(r.options.schema?.id, 'other');
    });
  });

  describe('config file errors', () => {
    it('reports syntax errors, unknown keys, wrong severities and unknown rules with their positions', async () => {
      tree({ '.gongwenrc.yaml': 'rules:\n  sequence-gap: fatal\n  sequnce-gap: off\nschemas: x\n', 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(keyed(r.errors), ['.gongwenrc.yaml:value@2:17', '.gongwenrc.yaml:unknown-rule@3:3', '.gongwenrc.yaml:unknown-key@4:1']);
      assert.match(r.errors[1].message.zh, /未知的规则“sequnce-gap”，是否应为“sequence-gap”？/);
      assert.match(r.errors[2].message.en, /did you mean "schema"/);
    });

    it('reports a YAML syntax error and then applies nothing from the file', async () => {
      tree({ '.gongwenrc.yaml': 'rules: {sequence-gap: off\n', 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.equal(r.errors[0].code, 'yaml-syntax');
      assert.equal(r.options.rules, undefined);
    });

    it('reports the gongwen key of package.json at its position in package.json', async () => {
      tree({ 'package.json': '{\n  "name": "x",\n  "gongwen": { "rules": { "sequence-gap": 3 } }\n}\n', 'doc.md': DRAFT });
      assert.deepEqual(keyed((await createConfigResolver().resolve(at('doc.md'))).errors), ['package.json:value@3:43']);
    });
  });

  describe('the merged configuration (--print-config)', () => {
    it('shows the rules, the schema chosen and the schema path after overrides', async () => {
      tree({ '.gongwenrc.yaml': 'locale: en\nrules: {sequence-gap: warning}\noverrides:\n  - files: "*.md"\n    schema: testing\n', 'schemas/testing.yaml': SCHEMA, 'doc.md': DRAFT });
      const r = await createConfigResolver().resolve(at('doc.md'));
      assert.deepEqual(r.config, { rules: { 'sequence-gap': 'warning' }, schema: 'testing', schemaPath: ['schemas', '.gongwen/schemas'], locale: 'en' });
    });
  });

  describe('caching', () => {
    it('reuses parsed files until invalidated', async () => {
      tree({ '.gongwenrc.yaml': 'schema: testing\n', 'schemas/testing.yaml': SCHEMA, 'doc.md': DRAFT });
      const resolver = createConfigResolver();
      const first = await resolver.resolve(at('doc.md'));
      tree({ 'schemas/testing.yaml': OTHER.replace('id: other', 'id: testing') });
      const second = await resolver.resolve(at('doc.md'));
      assert.equal(second.options.schema, first.options.schema, 'the same object, from the cache');
      resolver.invalidate(at('schemas/testing.yaml'));
      const third = await resolver.resolve(at('doc.md'));
      assert.deepEqual(third.options.schema?.measures.map((m) => m.id), ['o']);
    });

    it('notices a new config file after invalidate()', async () => {
      tree({ 'doc.md': DRAFT });
      const resolver = createConfigResolver();
      assert.equal((await resolver.resolve(at('doc.md'))).configFile, undefined);
      tree({ '.gongwenrc.yaml': 'rules: {sequence-gap: off}\n' });
      resolver.invalidate();
      assert.equal((await resolver.resolve(at('doc.md'))).configFile, at('.gongwenrc.yaml'));
    });
  });

  describe('checkSchemaFile and checkConfigFile', () => {
    it('check a schema file and what it extends, within its workspace', async () => {
      tree({ '.gongwenrc.yaml': 'rules: {}\n', 'schemas/ok.yaml': SCHEMA, 'schemas/bad.yaml': 'extends: [ok, missing]\nmeasures:\n  - {id: x, title: 甲, patterns: ["(?=a)"]}\n' });
      assert.deepEqual(await checkSchemaFile(at('schemas/ok.yaml')), []);
      assert.deepEqual(keyed(await checkSchemaFile(at('schemas/bad.yaml'))), ['schemas/bad.yaml:extends-missing@1:15', 'schemas/bad.yaml:bad-pattern@3:34']);
      assert.deepEqual(keyed(await checkSchemaFile(at('schemas/none.yaml'))), ['schemas/none.yaml:io@1:1']);
    });

    it('check a config file and the schemas it names', async () => {
      tree({ '.gongwenrc.yaml': 'schema: broken\noverrides:\n  - files: x.md\n    schema: nowhere\n', 'schemas/broken.yaml': 'measures:\n  - {id: a, title: 甲, any: 乙}\n' });
      assert.deepEqual(keyed(await checkConfigFile(at('.gongwenrc.yaml'))), ['schemas/broken.yaml:type@2:28', '.gongwenrc.yaml:schema-missing@4:13']);
    });
  });

  describe('globs', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.md', 'a.md', true],
      ['*.md', 'drafts/x/a.md', true],
      ['drafts/*.md', 'drafts/a.md', true],
      ['drafts/*.md', 'drafts/x/a.md', false],
      ['drafts/**/*.md', 'drafts/a.md', true],
      ['drafts/**/*.md', 'drafts/x/y/a.md', true],
      ['/a.md', 'x/a.md', false],
      ['./a.md', 'a.md', true],
      ['*-{draft,final}.md', 'x/a-final.md', true],
      ['*-{draft,final}.md', 'a-other.md', false],
      ['doc?.md', 'doc1.md', true],
      ['doc[0-9].md', 'doc7.md', true],
      ['doc[!0-9].md', 'doc7.md', false],
      ['drafts/', 'drafts/a/b.md', true],
      ['通知*.md', '材料/通知一.md', true],
      ['a.md', 'ba.md', false],
    ];
    for (const [glob, path, want] of cases) it(`${glob} ${want ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatch(glob, path), want));
  });
});
