// Chunked and incremental analysis equal a whole-document analysis: the chunk
// boundaries are safe, and a cached chunk is as good as a fresh parse.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { analyzeWith, IncrementalAnalyzer, toAnnotation, type AnalysisResult } from 'gongwen-server';

const fixtures = new URL('../../fixtures/', import.meta.url);

/** Everything a front end shows, as plain data (the tree has parent links, so compare a projection). */
function view(r: AnalysisResult): unknown {
  const { findings, ...rest } = toAnnotation(r);
  return { ...rest, findings: findings.map((f) => `${f.rule}@${f.offset}:${f.message}`), fixes: r.findings.map((f) => JSON.stringify(f.fix?.edits ?? null)), bodyStart: r.bodyStart, errors: r.errors };
}

const whole = (text: string) => view(analyzeWith(text, {}, undefined, { wholeDocument: true }).result);
const chunked = (text: string) => view(analyzeWith(text, {}, undefined).result);

const corpus: Array<[string, string]> = [];
for (const set of ['real', 'regs']) {
  for (const f of readdirSync(new URL(`${set}/`, fixtures)).filter((n) => n.endsWith('.md'))) corpus.push([f, readFileSync(new URL(`${set}/${f}`, fixtures), 'utf8')]);
}
corpus.push(['seed', readFileSync(new URL('seeds/000_1879313dcec84cbe.txt', fixtures), 'utf8')]);

// Fragments of realistic drafts, and of Markdown that could break a naive split.
const fragments = [
  '# 关于做好安全工作的通知',
  '## 一、总体要求',
  '### （二）工作措施',
  '会议强调，重点抓好三个方面工作。',
  '一要加强领导。二要压实责任。',
  '一是统一思想；二是狠抓落实；三是强化保障。',
  '（一）加强组织领导。各地要高度重视。',
  '1.各单位要落实责任。',
  '2. 参会人员提前到场。',
  '- 一要甲\n- 二要乙',
  '1. 第一项\n2. 第二项\n\n3. 第三项',
  '第一条　为了规范管理，制定本办法。',
  '## 第二章　附则',
  '首先，统一思想。其次，加强领导。',
  '```\n一要代码\n\n二要代码\n```',
  '~~~md\n\n三要\n~~~',
  '<!--\n一要注释\n\n二要注释\n-->',
  '<!-- gongwen-disable-next-line sequence-gap -->',
  '<pre>\n一要\n\n二要\n</pre>',
  '> 一要引用\n>\n> 二要引用',
  '    缩进代码 一要',
  '| 序号 | 事项 |\n| --- | --- |\n| 一、 | 甲 |',
  '标题\n===',
  '正文段落，没有编号。',
  '',
  '   ',
  '\t一要缩进',
  '𠀀字，一要甲；二要乙。',
  // Plain prose that the chunker reads without the parser, and near misses that need it.
  '一要甲，\n二要乙。\n三要丙。',
  '一要甲  \n二要乙。',
  '一要甲 \n二要乙。 ',
  '1.落实责任。\n2.加强领导。',
  '1) 甲\n2) 乙',
  '甲\n  二要乙\n    三要丙',
  '-一要甲',
  '+二要乙',
  '甲\n===',
  '甲\n---',
  '## 三、标题 ##',
  '#四、不是标题',
  '####### 五、七级',
  '##  （六）两个空格',
  '　全角空格开头，一是甲；二是乙。',
  '一要甲\r\n二要乙\r三要丙',
  '第1.5项，98.6%，第一时间。',
  '2. 甲\n3. 乙',
  '甲\n2. 乙',
  '甲\n1. 乙',
  '- 甲\n2. 乙',
  '1. 一要甲\n- 二要乙',
  '- 甲\n  二要乙\n三要丙',
  '1. # 甲',
  '- - 甲',
  '1.  两个空格',
  '10. 十\n11. 十一',
  '+ 一是甲\n+ 二是乙',
  // Link and footnote definitions, which reach across chunks, and references to them.
  '[甲]: https://example.com',
  '[^1]: 注释，一要甲；二要乙。',
  '[^1]: 注释\n\n    续段，三要丙。',
  '> [乙]: /x',
  '- [^2]: 列表里的脚注',
  '[丙]:',
  '[甲\n乙]: /y',
  '见[甲]，一要甲。',
  '注释[^1]，二要乙。',
  '[^2]四要丁；[乙]五要戊。',
  '[一要][甲]，[二要]',
  '[甲\n乙]三要',
  '[^未定义]，六要己。',
  '一要甲；[乙][；二要]丙。',
  '[；二要]: /x',
];

const documents = fc
  .array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 24 })
  .chain((parts) => fc.tuple(fc.constant(parts), fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n'), { minLength: parts.length, maxLength: parts.length }), fc.boolean()))
  .map(([parts, seps, fm]) => (fm ? '---\ntitle: 测试\n---\n\n' : '') + parts.map((p, i) => p + seps[i]).join(''));

describe('chunked analysis', () => {
  for (const [name, text] of corpus) {
    it(`equals the whole-document analysis on ${name}`, () => {
      assert.deepEqual(chunked(text), whole(text));
    });
  }

  it('equals the whole-document analysis on generated drafts', () => {
    fc.assert(
      fc.property(documents, (text) => {
        assert.deepEqual(chunked(text), whole(text));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe('incremental analysis', () => {
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), insert: fc.constantFrom('', '一要', '\n\n', '二是', '。', '（三）', '\n## 四、', '甲乙', '\n```\n', '<!--', '-->', ' ', '\n\n[甲]: /x\n\n', '\n\n[^1]: 注\n\n', '[甲]', '[^1]', ']:') });

  it('equals a fresh analysis after every edit of a random edit sequence', () => {
    fc.assert(
      fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 15 }), (start, edits) => {
        const analyzer = new IncrementalAnalyzer();
        let text = start;
        analyzer.analyze(text);
        for (const e of edits) {
          const at = text.length ? e.at % (text.length + 1) : 0;
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
          assert.deepEqual(view(analyzer.analyze(text)), whole(text));
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it('equals a fresh analysis when a chunk occurs twice and edits move both copies', () => {
    const para = '一要甲；二要乙。\n\n';
    let text = `# 通知\n\n${para}${para}正文。\n\n${para}`;
    const analyzer = new IncrementalAnalyzer();
    assert.deepEqual(view(analyzer.analyze(text)), whole(text));
    for (const insert of ['前言。\n\n', '三要丙。', '\n\n']) {
      text = insert + text;
      assert.deepEqual(view(analyzer.analyze(text)), whole(text));
      text = text.replace('正文。', `正文${insert}`);
      assert.deepEqual(view(analyzer.analyze(text)), whole(text));
    }
  });

  it('does not reuse the chunks of an analysis made with other marker suffixes', () => {
    const text = '一要甲；二要乙。\n\n一抓丙；二抓丁。\n';
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, { suffixes: ['要'] });
    const fresh = analyzeWith(text, { suffixes: ['抓'] }, undefined, { wholeDocument: true }).result;
    assert.deepEqual(view(analyzer.analyze(text, { suffixes: ['抓'] })), view(fresh));
  });

  it('re-parses only what an edit touched (a cached chunk is reused as is)', () => {
    const seed = corpus.find(([n]) => n === 'seed')![1];
    const text = seed.replace(/\n/g, '\n\n');
    const first = analyzeWith(text, {}, undefined);
    const edited = text.replace('三要加强核酸检测', '三要加强核酸检');
    const second = analyzeWith(edited, {}, first.cache);
    const reused = [...second.cache!.alone.values()].filter((c) => [...first.cache!.alone.values()].includes(c)).length;
    assert.equal(reused, second.cache!.alone.size - 1);
  });

  it('re-parses only what an edit touched in a draft with a footnote and a link definition', () => {
    const seed = corpus.find(([n]) => n === 'seed')![1];
    const text = `${seed.replace(/\n/g, '\n\n').replace('三要加强核酸检测', '三要加强核酸检测[^注]').replace('四要', '四要按[规定]')}\n\n[^注]: 见通知。\n\n[规定]: https://example.com\n`;
    const first = analyzeWith(text, {}, undefined);
    assert.equal(first.cache!.stubs, '[^注]: x\n[规定]: x');
    const edited = text.replace('五要', '五要甲');
    const second = analyzeWith(edited, {}, first.cache);
    const before = new Set([...first.cache!.alone.values(), ...first.cache!.withStubs.values()]);
    const fresh = [...second.cache!.alone.values(), ...second.cache!.withStubs.values()].filter((c) => !before.has(c));
    assert.equal(fresh.length, 1);
    assert.deepEqual(view(second.result), whole(edited));
  });

  it('reads a reference whose label is defined in another chunk as the whole document does', () => {
    // [乙][；二要] is a link when ；二要 is defined anywhere, and its label is then no text;
    // parsed without the definition, it is text, and 二要 after ； a marker.
    const text = '一要甲；[乙][；二要]丙。\n\n[；二要]: /x\n';
    assert.deepEqual(analyzeWith(text, {}, undefined).result.enumerations, []);
    assert.deepEqual(chunked(text), whole(text));
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze('一要甲；[乙][；二要]丙。\n');
    assert.deepEqual(view(analyzer.analyze(text)), whole(text));
  });

  it('parses a draft as one chunk when a block left open swallows the definitions', () => {
    const text = '一要甲[注]。\n\n二要乙。\n\n[注]: x\n\n```\n三要[注]丙\n';
    const { result, cache } = analyzeWith(text, {}, undefined);
    assert.ok(cache!.alone.has(text), 'parsed as one chunk');
    assert.deepEqual(view(result), whole(text));
  });
});
