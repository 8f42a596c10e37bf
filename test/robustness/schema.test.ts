// Schemas and configuration files under attack: random and mutated files never
// crash the validators, every rejection carries a position inside the file,
// user patterns (schema patterns, override globs) run in linear time, an
// `extends` cycle of any shape is reported instead of followed, and a
// 10,000-measure schema loads and matches.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyze, type MeasuresSchema } from 'gongwen-server';
import { compilePattern, loadSchema, patternProblem, type SchemaError, type SchemaResolver } from 'gongwen-server/schema';
import { globMatch, parseConfigText, readFrontMatter } from 'gongwen-server/config';
import { budget, fcParams, lineStarts, mutate, ODD_CHARACTERS, runs, SEED, timeMs, type Mutation } from './arbitraries.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../fixtures/schemas/', import.meta.url));
const REAL_SCHEMAS = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(SCHEMA_DIR + f, 'utf8'));
const REAL_CONFIGS = [
  'rules:\n  sequence-gap: warning\n  hierarchy-skip: error\nschema: campus-epidemic\nschemaPath: [schemas]\noverrides:\n  - files: ["drafts/**/*.md", "*.notice.md"]\n    schema: other\n    rules: {empty-item: off}\nsuffixes: [要, 是, 抓]\nlocale: en\n',
  '{"rules": {"sequence-gap": "off"}, "schema": "x", "overrides": [{"files": "a/{b,c}/*.md", "rules": {}}]}',
];

/** Every error has a file, a kebab-case code, both messages, and a position inside the text. */
function checkErrors(text: string, errors: SchemaError[], what: string, lineShift = 0): void {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStarts(src);
  for (const e of errors) {
    const at = `${what}: ${e.code} at ${e.line}:${e.column} (${e.message.en})`;
    assert.ok(typeof e.file === 'string' && e.file.length > 0, `${at}: no file`);
    assert.match(e.code, /^[a-z]+(-[a-z0-9]+)*$/, `${at}: the code is not kebab-case`);
    assert.ok(e.message.zh && e.message.en, `${at}: a message is empty`);
    const check = (line: number, column: number, which: string) => {
      const l = line - lineShift;
      assert.ok(Number.isInteger(line) && l >= 1 && l <= starts.length, `${at}: ${which} line outside the file (${starts.length} lines)`);
      const lineEnd = l < starts.length ? starts[l] : src.length;
      assert.ok(Number.isInteger(column) && column >= 1 && starts[l - 1] + column - 1 <= lineEnd, `${at}: ${which} column outside its line`);
    };
    check(e.line, e.column, 'start');
    if (e.endLine !== undefined && e.endColumn !== undefined) {
      check(e.endLine, e.endColumn, 'end');
      assert.ok(e.endLine > e.line || (e.endLine === e.line && e.endColumn >= e.column), `${at}: ends before it starts`);
    }
  }
}

const YAML_TOKENS = [
  'id: ', 'title: ', 'measures:', 'any: ', 'all: ', 'patterns: ', 'requirements:', 'required: ', 'extends: ', 'omit: ',
  'applies-to: ', 'announced: ', 'heading: ', 'style: ', 'order: ', 'min-items: ', 'max-items: ', 'threshold: ', 'description: ',
  'rules: ', 'schema: ', 'schemaPath: ', 'overrides: ', 'files: ', 'suffixes: ', 'locale: ', 'ruleOptions: ', 'gongwen: ',
  'sequence-gap: ', 'off', 'error', 'strict', 'free', 'true', 'false', 'null', '~', '0', '-1', '1e309', '0x10', '.inf', '.nan',
  '  - ', '- ', '    ', '  ', '\t', '\n', '\r\n', '\r', ': ', ':', ',', '[', ']', '{', '}', '"', "'", '|', '>', '|-', '? ',
  '&a ', '*a', '<<: *a', '!!str ', '!!binary ', '!!js/function ', '!custom ', '%YAML 1.2\n', '---\n', '...\n', '#', '@', '`',
  '加强核酸检测', '形势研判', '(核酸|抗原)', '(a+)+$', '(?=x)', '\\1', '[', '**/*.md', '{a,b}', '../../../etc/passwd', '/etc/passwd',
  'https://example.com/x.yaml', '$schema: ', '"\\u0000"', '"\\ud800"',
];

const yamlNoise: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...YAML_TOKENS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_CHARACTERS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), {
    maxLength: 80,
  })
  .map((t) => t.join(''));

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'swap-breaks', 'replace'),
  at: fc.nat(),
  len: fc.integer({ min: 0, max: 40 }),
  piece: fc.oneof(fc.constantFrom(...YAML_TOKENS), yamlNoise),
  breakStyle: fc.constantFrom('\n', '\r\n', '\r'),
});

const mutatedFile = (bases: string[]): fc.Arbitrary<string> =>
  fc.record({ base: fc.integer({ min: 0, max: bases.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }) }).map(({ base, mutations }) => mutations.reduce(mutate, bases[base]));

/** A resolver over an in-memory folder of schemas. */
const memoryResolver =
  (files: Record<string, string>): SchemaResolver =>
  (ref) => {
    const name = ref.replace(/^\.\//, '').replace(/\.ya?ml$/, '');
    if (/\.\.|^\//.test(ref)) return { error: { code: 'path-outside-workspace', message: { zh: '在工作区之外', en: 'outside the workspace' } } };
    return name in files ? { text: files[name], file: `${name}.yaml` } : undefined;
  };

describe('schema and configuration files under attack', function () {
  this.timeout(budget(60_000));

  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  before(() => process.on('warning', onWarning));
  after(() => process.off('warning', onWarning));
  afterEach(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.splice(0), [], 'nothing printed to stderr (process warnings)');
  });

  it('random and mutated schema files never crash the validator; every rejection has a position inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(yamlNoise, mutatedFile(REAL_SCHEMAS)), (text) => {
        const r = loadSchema(text, 'fuzz.yaml', memoryResolver({ base: REAL_SCHEMAS[0], fuzz: text }));
        checkErrors(text, r.errors.filter((e) => e.file === 'fuzz.yaml'), 'schema');
        assert.equal(r.schema === undefined, r.errors.length > 0, 'a schema is returned exactly when there is no error');
      }),
      fcParams(500),
    );
  });

  it('random and mutated config files and front matter never crash the validator; every rejection has a position', () => {
    fc.assert(
      fc.property(fc.oneof(yamlNoise, mutatedFile(REAL_CONFIGS)), fc.constantFrom('.gongwenrc.yaml', '.gongwenrc.json', 'package.json'), (text, name) => {
        const r = parseConfigText(text, `/p/${name}`);
        if (r) checkErrors(text, r.errors, name);
        const fm = readFrontMatter(`---\ngongwen:\n  ${text.replace(/\n/g, '\n  ')}\n---\n正文`, 'doc.md');
        assert.ok(Array.isArray(fm.errors));
        for (const e of fm.errors) assert.ok(e.line >= 2 && e.column >= 1, 'front matter errors are positioned in the document');
      }),
      fcParams(500),
    );
  });

  it('deeply nested, huge and hostile YAML is rejected with a position, not a crash', () => {
    const n = 10_000;
    const hostile: Record<string, string> = {
      'flow sequences nested 10,000 deep': `measures: ${'['.repeat(n)}${']'.repeat(n)}`,
      'flow mappings nested 10,000 deep': `measures: ${'{a: '.repeat(n)}${'}'.repeat(n)}`,
      'block sequences nested 2,000 deep': `measures:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')}`,
      'an alias bomb (billion laughs)': `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nmeasures: *f\n`,
      'a 100,000-character key': `${'x'.repeat(100_000)}: 1\n`,
      'a JavaScript function tag': 'measures: !!js/function "function () { process.exit(1) }"\n',
      'a custom tag': 'measures: !<tag:yaml.org,2002:js/regexp> /x/\n',
      'a NUL and lone surrogates': 'id: "\\0"\ntitle: "\\ud800"\nmeasures:\n  - {id: a, title: "\udc00", any: ["\u0000"]}\n',
      '5,000 measures, each with an unknown key': `measures:\n${Array.from({ length: 5_000 }, (_, i) => `  - {id: m${i}, bad${i}: 1}`).join('\n')}`,
    };
    for (const [name, text] of Object.entries(hostile)) {
      let r!: ReturnType<typeof loadSchema>;
      const ms = timeMs(() => (r = loadSchema(text, 'hostile.yaml', () => undefined)));
      assert.ok(r.errors.length > 0 && !r.schema, `${name}: rejected`);
      assert.ok(!r.errors.some((e) => e.code === 'internal'), `${name}: rejected as an internal failure: ${r.errors[0].message.en}`);
      checkErrors(text, r.errors, name);
      const c = parseConfigText(text, '/p/.gongwenrc.yaml');
      assert.ok(c && c.errors.length > 0, `${name}: rejected as a config`);
      assert.ok(ms < 30_000, `${name}: ${ms.toFixed(0)} ms`);
    }
  });

  it('an extends graph of any shape terminates, and a cycle reachable from the schema is reported', () => {
    const graph = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(graph, (edges) => {
        const files: Record<string, string> = {};
        edges.forEach((to, i) => {
          const ext = to.filter((j) => j < edges.length).map((j) => `s${j}`);
          files[`s${i}`] = `id: s${i}\n${ext.length ? `extends: [${ext.join(', ')}]\n` : ''}measures:\n  - {id: m${i}, title: 措施${i}, any: [关键词${i}]}\n`;
        });
        const r = loadSchema(files.s0, 's0.yaml', memoryResolver(files));
        // Is a cycle reachable from s0? (depth-first search with colours)
        const state = new Map<number, 'open' | 'done'>();
        const cyclic = (i: number): boolean => {
          if (state.get(i) === 'open') return true;
          if (state.get(i) === 'done') return false;
          state.set(i, 'open');
          const found = edges[i].filter((j) => j < edges.length && j !== i).some(cyclic) || edges[i].includes(i);
          state.set(i, 'done');
          return found;
        };
        assert.equal(r.errors.some((e) => e.code === 'extends-cycle'), cyclic(0), JSON.stringify(edges));
        for (const e of r.errors) assert.ok(e.code === 'extends-cycle', `unexpected ${e.code}`);
      }),
      fcParams(300),
    );
  });

  it('a 10,000-measure schema loads, and a draft is matched against it', () => {
    const n = 10_000;
    const measures = Array.from({ length: n }, (_, i) => `  - id: m${i}\n    title: 措施${i}\n    any: [专项${toWords(i)}工作]\n    required: ${i < 20}`);
    const text = `id: big\ntitle: 一万项措施\nmeasures:\n${measures.join('\n')}\n`;
    let r!: ReturnType<typeof loadSchema>;
    const loadMs = timeMs(() => (r = loadSchema(text, 'big.yaml', () => undefined)));
    assert.deepEqual(r.errors, []);
    const schema = r.schema as MeasuresSchema;
    assert.equal(schema.measures.length, n);
    const draft = `会议要求：\n\n${Array.from({ length: 20 }, (_, i) => `${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '是' : '要'}抓好专项${toWords(i * 7)}工作。`).join('\n\n')}\n`;
    let a!: ReturnType<typeof analyze>;
    const matchMs = timeMs(() => (a = analyze(draft, { schema })));
    assert.deepEqual(a.errors, []);
    assert.equal(a.coverage?.measures.length, n);
    const covered = new Set(a.coverage!.measures.filter((m) => m.covered).map((m) => m.id));
    for (let i = 0; i < 10; i++) assert.ok(covered.has(`m${i * 7}`), `m${i * 7} is covered`);
    assert.ok(a.findings.some((f) => f.ruleId === 'missing-measure'), 'the required measures not in the draft are reported');
    if (process.env.GONGWEN_FUZZ_RUNS) console.log(`      10,000 measures: load ${loadMs.toFixed(0)} ms, match ${matchMs.toFixed(0)} ms`);
  });
});

/** A keyword unique to each number that no other keyword contains (甲乙丙… digits). */
function toWords(i: number): string {
  return [...String(i).padStart(5, '0')].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');
}

describe('user patterns run in linear time', function () {
  this.timeout(budget(60_000));

  // Classic catastrophic-backtracking patterns, each with the input that makes a backtracking engine blow up.
  const REDOS: Array<[string, (n: number) => string]> = [
    ['(a+)+$', (n) => `${'a'.repeat(n)}!`],
    ['(a|aa)+$', (n) => `${'a'.repeat(n)}!`],
    ['(a|a?)+$', (n) => `${'a'.repeat(n)}!`],
    ['(.*a){12}', (n) => 'a'.repeat(n)],
    ['^(\\w+\\s?)*$', (n) => `${'ab '.repeat(n / 3)}!`],
    ['(加强|加)+强工作$', (n) => `${'加强'.repeat(n / 2)}!`],
    ['([一-龥]+)*落实$', (n) => `${'加强'.repeat(n / 2)}!`],
    ['(x+x+)+y', (n) => 'x'.repeat(n)],
  ];

  for (const [pattern, input] of REDOS) {
    it(`${pattern}: compiles, and 4× the input takes about 4× the time`, () => {
      const re = compilePattern(pattern);
      assert.ok(re, 'RE2 compiles it');
      const run = (n: number) => {
        const s = input(n);
        let best = Infinity;
        for (let k = 0; k < 3; k++) best = Math.min(best, timeMs(() => re.matcher(s).find()));
        return best;
      };
      run(2000); // warm up
      const small = Math.max(run(20_000), 1);
      const large = run(80_000);
      assert.ok(large / small < 16, `${pattern}: ${small.toFixed(1)} ms on 20,000 characters, ${large.toFixed(1)} ms on 80,000`);
    });
  }

  it('refuses backreferences, lookaround, huge repetitions and patterns too large to run fast, at their position', () => {
    for (const p of ['(a)\\1', '(?=a)b', '(?<!a)b', 'a{1001}', '(a{1000}){1000}', '(.*a){1000}', '(?:[\\p{L}\\p{N}]{100}){30}']) {
      const text = `measures:\n  - id: a\n    title: 甲\n    patterns: [${JSON.stringify(p)}]\n`;
      const r = loadSchema(text, 'p.yaml', () => undefined);
      assert.deepEqual(
        r.errors.map((e) => `${e.code}@${e.line}:${e.column}`),
        ['bad-pattern@4:16'],
        `${p}: ${r.errors.map((e) => e.message.en).join('; ')}`,
      );
    }
  });

  it('matches override globs in linear time', () => {
    for (const glob of ['**/**/**/**/**/**/*a*a*a*a*a*a*b', '{a,{a,{a,{a,{a,a}}}}}*b', '*'.repeat(200) + 'b']) {
      const path = (n: number) => `${'a/'.repeat(n / 4)}${'a'.repeat(n / 2)}`;
      globMatch(glob, path(100));
      const small = Math.max(timeMs(() => globMatch(glob, path(4000))), 1);
      const large = timeMs(() => globMatch(glob, path(16_000)));
      assert.ok(large / small < 16, `${glob}: ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms`);
    }
  });

  it('runs random patterns from schema files without error', () => {
    const piece = fc.constantFrom('a', '加强', '.', '*', '+', '?', '|', '(', ')', '[', ']', '{2,3}', '\\', '^', '$', '\\p{Han}', '[^a]', '(?i)', '\\d', '\\s', '\\b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const p = parts.join('');
        const problem = patternProblem(p);
        const re = compilePattern(p);
        if (!problem) assert.ok(re, `${p}: accepted but does not compile`);
        if (re && !problem) re.matcher('加强组织领导，落实责任 aaa 123').find();
      }),
      { numRuns: runs(500), seed: SEED },
    );
  });
});
