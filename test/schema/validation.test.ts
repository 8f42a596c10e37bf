// Schema validation: every class of error, with its file, line and column
// (1-based; columns in UTF-16 code units), a stable code and a zh/en message.
// Validation never throws, whatever the text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from 'gongwen-server';
import { compilePattern, loadSchema, type SchemaError, type SchemaResolver } from 'gongwen-server/schema';
import { joinLines } from '../helpers.js';
import { schemaOf } from '../schema-helpers.js';

/** `code@line:col` of every error, in order. */
const errs = (yaml: string, resolve?: SchemaResolver, file = 'schema.yaml'): string[] =>
  loadSchema(yaml, file, resolve).errors.map((e) => `${e.code}@${e.line}:${e.column}`);

const first = (yaml: string, resolve?: SchemaResolver): SchemaError => loadSchema(yaml, 'schema.yaml', resolve).errors[0];

/** A resolver over in-memory files (what the config layer does with the file system). */
const filesResolver =
  (files: Record<string, string>): SchemaResolver =>
  (ref) =>
    files[ref] !== undefined ? { text: files[ref], file: ref } : undefined;

const measure = (id: string, extra = '') => `  - id: ${id}\n    title: 措施${id}\n    any: [关键词${id}]\n${extra}`;

describe('schema validation', () => {
  it('accepts a valid schema, with no error and a resolved schema', () => {
    const r = loadSchema(joinLines('id: campus', 'title: 校园', 'measures:', measure('a'), ''), 'schema.yaml');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.schema?.measures.map((m) => [m.id, m.title, m.any, m.required]), [['a', '措施a', ['关键词a'], true]]);
    assert.deepEqual(r.schema?.measures[0].source, { file: 'schema.yaml', line: 4, column: 9 });
  });

  describe('YAML syntax', () => {
    it('reports a line that is not indented like its siblings', () => {
      assert.deepEqual(errs(joinLines('id: x', 'measures:', '  - id: a', '   title: b', '')), ['yaml-syntax@4:1']);
    });

    it('reports an unclosed flow sequence at the line where it should have closed', () => {
      const e = first(joinLines('measures: [', '  {id: a, title: b, any: [c]', ''));
      assert.equal(e.code, 'yaml-syntax');
      assert.equal(e.line, 3);
      assert.match(e.message.zh, /^YAML 语法错误：/);
      assert.match(e.message.en, /^YAML syntax error: Flow/);
    });

    it('reports a duplicate key at the second one', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - id: a', '    title: 甲', '    title: 乙', '    any: [甲]', '')), ['duplicate-key@4:5']);
    });

    it('refuses custom tags: a schema is data, not code', () => {
      assert.deepEqual(errs('measures: !!js/function "return 1"\n'), ['yaml-tag@1:11']);
      assert.deepEqual(errs('measures: !custom x\n'), ['yaml-tag@1:11']);
    });

    it('reports two YAML documents in one file', () => {
      assert.deepEqual(errs(joinLines('measures: []', '---', 'id: b', '')).map((e) => e.split('@')[0]), ['yaml-syntax']);
    });

    it('reads JSON (as YAML) with the same positions', () => {
      assert.deepEqual(errs('{\n  "measures": [\n    { "id": "a", "title": "甲", "any": ["甲"], "requird": false }\n  ]\n}\n', undefined, 'schema.json'), ['unknown-key@3:46']);
    });
  });

  describe('the JSON Schema', () => {
    it('reports a wrong type at the value', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - id: a', '    title: 甲', '    any: [甲]', '    required: yes', '')), ['type@5:15']);
      const e = first(joinLines('measures:', '  - id: a', '    title: 甲', '    any: 甲', ''));
      assert.equal(e.message.zh, '“measures[0].any”应为列表');
      assert.equal(e.message.en, 'measures[0].any must be array');
    });

    it('reports an unknown key at the key, suggesting the likely one', () => {
      assert.deepEqual(errs(joinLines('id: x', 'measure:', '  - id: a', '')), ['unknown-key@2:1']);
      const e = first(joinLines('id: x', 'measure:', '  - id: a', ''));
      assert.equal(e.message.zh, '未知的键“measure”，是否应为“measures”？');
      assert.equal(first(joinLines('measures:', '  - id: a', '    titel: 甲', '    any: [甲]', '', '')).code, 'missing-key');
      assert.match(loadSchema(joinLines('measures:', '  - id: a', '    titel: 甲', '    any: [甲]', ''), 's').errors[1].message.en, /Unknown key "titel"; did you mean "title"\?/);
    });

    it('reports an unknown key inside applies-to and inside a sub-requirement', () => {
      assert.deepEqual(errs(joinLines('applies-to:', '  headline: 重点工作', 'measures:', measure('a'), '')), ['unknown-key@2:3']);
      assert.deepEqual(
        errs(joinLines('measures:', measure('a', '    requirements:\n      - id: f\n        title: 频次\n        anything: [频次]\n'), '')),
        ['no-terms@6:13', 'unknown-key@8:9'],
      );
    });

    it('reports a missing required key at the measure', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - id: a', '    any: [甲]', '')), ['missing-key@2:5']);
    });

    it('reports a value outside an enumeration, and an invalid id', () => {
      assert.deepEqual(errs(joinLines('order: random', 'measures:', measure('a'), '')), ['value@1:8']);
      assert.deepEqual(errs(joinLines('measures:', '  - {id: "a b", title: 甲, any: [甲]}', '')), ['value@2:10']);
      assert.deepEqual(errs(joinLines('applies-to:', '  style: 第N项', 'measures:', measure('a'), '')), ['value@2:10']);
    });

    it('reports a duplicate keyword in one list at the duplicate', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - {id: a, title: 甲, any: [甲, 乙, 甲]}', '')), ['duplicate-value@2:35']);
    });

    it('counts columns in UTF-16 code units after astral characters', () => {
      assert.deepEqual(errs(joinLines('title: 𠀀𠀀', 'order: 𠀀', 'measures:', measure('a'), '')), ['value@2:8']);
      assert.deepEqual(errs(joinLines('measures:', '  - {id: a, title: 𠀀, any: [甲], required: 1}', '')), ['type@2:44']);
    });
  });

  describe('beyond the JSON Schema', () => {
    it('reports a duplicate measure id at the second one, naming the first’s line', () => {
      assert.deepEqual(errs(joinLines('measures:', measure('a'), measure('b'), measure('a'))), ['duplicate-id@10:9']);
      assert.match(first(joinLines('measures:', measure('a'), measure('a'))).message.zh, /措施 id“a”重复（第 2 行已有）/);
    });

    it('reports a duplicate sub-requirement id', () => {
      const yaml = joinLines('measures:', measure('a', '    requirements:\n      - {id: f, title: 频次, any: [频次]}\n      - {id: f, title: 次数, any: [次数]}\n'), '');
      assert.deepEqual(errs(yaml), ['duplicate-id@7:14']);
    });

    it('reports a pattern RE2 cannot compile (lookaround, backreference, syntax) at the pattern', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - id: a', '    title: 甲', '    patterns: ["核酸(?=检测)"]', '')), ['bad-pattern@4:16']);
      assert.deepEqual(errs(joinLines('measures:', '  - id: a', '    title: 甲', '    patterns:', '      - "(核酸)\\\\1"', '      - "(检测"', '')), [
        'bad-pattern@5:9',
        'bad-pattern@6:9',
      ]);
      assert.match(first(joinLines('measures:', '  - {id: a, title: 甲, patterns: ["(?<=a)b"]}', '')).message.en, /Invalid pattern \(RE2 syntax/);
    });

    it('reports a pattern that matches the empty string (it would match every item)', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - {id: a, title: 甲, patterns: ["x*"]}', '')), ['bad-pattern@2:34']);
    });

    it('reports keywords that normalize to nothing, measures with nothing to match, min-items above max-items', () => {
      assert.deepEqual(errs(joinLines('measures:', '  - {id: a, title: 甲, any: ["**"]}', '')), ['empty-keyword@2:29']);
      assert.deepEqual(errs(joinLines('measures:', '  - {id: a, title: 甲}', '')), ['no-terms@2:10']);
      assert.deepEqual(errs(joinLines('min-items: 5', 'max-items: 3', 'measures:', measure('a'), '')), ['value@1:12']);
    });

    it('reports an empty schema and a schema without measures', () => {
      assert.deepEqual(errs(''), ['type@1:1']);
      assert.deepEqual(errs('id: x\n'), ['no-measures@1:1']);
      assert.deepEqual(errs('id: x\nmeasures: []\n'), ['no-measures@2:1']);
    });
  });

  describe('extends', () => {
    const base = joinLines('id: base', 'order: strict', 'measures:', measure('a'), measure('b'), '');

    it('builds on the base: inherited measures first, a measure with an inherited id replaces it in place', () => {
      const s = schemaOf(joinLines('extends: base', 'measures:', '  - {id: b, title: 新乙, any: [乙]}', measure('c'), ''), filesResolver({ base }));
      assert.deepEqual(s.measures.map((m) => `${m.id}:${m.title}`), ['a:措施a', 'b:新乙', 'c:措施c']);
      assert.equal(s.order, 'strict');
      assert.equal(s.measures[0].source?.file, 'base');
    });

    it('drops inherited measures named in omit, and reports an omit that names none', () => {
      const s = schemaOf(joinLines('extends: [base]', 'omit: [a]', ''), filesResolver({ base }));
      assert.deepEqual(s.measures.map((m) => m.id), ['b']);
      assert.deepEqual(errs(joinLines('extends: base', 'omit: [a, z]', ''), filesResolver({ base })), ['unknown-omit@2:11']);
    });

    it('reports a missing target at the extends entry', () => {
      assert.deepEqual(errs(joinLines('extends: nowhere', 'measures:', measure('a'), '')), ['extends-missing@1:10']);
      assert.deepEqual(errs(joinLines('extends:', '  - base', '  - nowhere', 'measures:', measure('a'), ''), filesResolver({ base })), ['extends-missing@3:5']);
      assert.equal(first(joinLines('extends: nowhere', 'measures:', measure('a'), '')).message.zh, '找不到 extends 引用的清单“nowhere”');
    });

    it('reports a cycle at the entry that closes it, in the file that has it', () => {
      const files = {
        a: joinLines('extends: b', 'measures:', measure('a'), ''),
        b: joinLines('id: b', 'extends: c', 'measures:', measure('b'), ''),
        c: joinLines('extends: a', 'measures:', measure('c'), ''),
      };
      const r = loadSchema(files.a, 'a', filesResolver(files));
      assert.deepEqual(r.errors.map((e) => `${e.file}:${e.code}@${e.line}:${e.column}`), ['c:extends-cycle@1:10']);
      assert.equal(r.errors[0].message.en, 'extends forms a cycle: a → b → c → a');
      assert.equal(r.schema, undefined);
    });

    it('reports a schema that extends itself', () => {
      const files = { self: joinLines('extends: self', 'measures:', measure('a'), '') };
      assert.deepEqual(errs(files.self, filesResolver(files), 'self'), ['extends-cycle@1:10']);
    });

    it('passes on the errors of an extended file, positioned in that file', () => {
      const files = { base: joinLines('measures:', '  - {id: a, title: 甲, any: [甲], required: 1}', '') };
      const r = loadSchema(joinLines('extends: base', 'measures:', measure('b'), ''), 'top', filesResolver(files));
      assert.deepEqual(r.errors.map((e) => `${e.file}:${e.code}@${e.line}:${e.column}`), ['base:type@2:43']);
    });

    it('passes on a refusal from the resolver (a path outside the workspace) at the entry', () => {
      const refuse: SchemaResolver = () => ({ error: { code: 'path-outside-workspace', message: { zh: '在工作区之外', en: 'outside the workspace' } } });
      assert.deepEqual(errs(joinLines('extends: ../../../etc/passwd', 'measures:', measure('a'), ''), refuse), ['path-outside-workspace@1:10']);
    });
  });

  describe('patterns run in linear time', () => {
    it('runs the catastrophic pattern (a+)+$ on a 100 KB input in linear time (RE2, not a backtracking RegExp)', () => {
      const re = compilePattern('(a+)+$')!;
      const started = Date.now();
      assert.equal(re.test('a'.repeat(100_000) + '!'), false);
      assert.equal(re.test('a'.repeat(100_000)), true);
      // A backtracking engine would not finish within the lifetime of the test run; RE2 takes milliseconds.
      assert.ok(Date.now() - started < 10_000);
    });

    it('matches such a pattern against a 100 KB item of a draft', () => {
      // The same shape over a Chinese character, so that the draft is a Chinese document.
      const schema = schemaOf(joinLines('measures:', '  - {id: a, title: 甲, patterns: ["(检+)+$"]}', '  - {id: b, title: 乙, any: [乙]}', ''));
      const text = (tail: string) => joinLines('会议强调，一要加强组织领导。' + '检'.repeat(100_000) + tail, '', '二要压实乙方责任，强化各项保障。', '');
      const started = Date.now();
      assert.equal(analyze(text('！'), { schema }).coverage!.measures[0].covered, false, 'no match: the run is followed by ！');
      assert.equal(analyze(text(''), { schema }).coverage!.measures[0].covered, true, 'a match at the end of the item');
      assert.ok(Date.now() - started < 10_000);
    });
  });

  describe('robustness', () => {
    it('never throws, whatever the text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (s) => {
          const r = loadSchema(s, 'fuzz.yaml', () => undefined);
          return Array.isArray(r.errors) && r.errors.every((e) => e.line >= 1 && e.column >= 1 && e.message.zh && e.message.en);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on YAML-shaped noise', () => {
      const token = fc.constantFrom('measures:', '  - ', 'id: ', 'title: ', 'any: [', ']', '{', '}', 'extends: ', 'a', '甲', '\n', '  ', '"', "'", '&x ', '*x', '!!str ', '#', ': ', '-', 'patterns: ["(', ')"]');
      fc.assert(
        fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
          const r = loadSchema(parts.join(''), 'fuzz.yaml', () => ({ text: parts.join(''), file: 'other.yaml' }));
          return Array.isArray(r.errors);
        }),
        { numRuns: 300 },
      );
    });
  });
});
