// Regression tests for the bugs the robustness suites found (docs/robustness.md
// lists each one with the input class that found it). Small, exact inputs.
import assert from 'node:assert/strict';
import { analyze, fixAll, flattenEnumerations, type Finding } from 'gongwen-server';
import { loadSchema } from 'gongwen-server/schema';
import { parseConfigText } from 'gongwen-server/config';

describe('robustness regressions', function () {
  this.timeout(30_000);

  it('a long line of restarts (一要…二要…一要…) neither overflows the stack nor nests without bound', () => {
    // Each 一要…二要… pair nested in the last item of the one before: 4,000 levels
    // overflowed the recursive id assignment ("Maximum call stack size exceeded").
    const text = '一要加强，二要落实，'.repeat(4000);
    const r = analyze(text);
    assert.deepEqual(r.errors, []);
    const all = flattenEnumerations(r.enumerations);
    assert.equal(all.length, 4000);
    assert.ok(Math.max(...all.map((e) => e.level)) <= 64, 'nesting is capped');
    assert.ok(all.every((e) => e.id.length < 200), 'ids stay short');
  });

  it('reads a draft that opens with a byte order mark, and one pasted after a blank line in the middle', () => {
    // The parser drops a BOM that opens its input and counts positions without it: a draft
    // saved with a BOM lost its markers, and a chunk opening with one (after a blank line)
    // put every range one character early — a heading starting between \r and \n.
    const bom = analyze('\ufeff一要加强\n\n二要落实\n');
    assert.deepEqual(bom.enumerations[0]?.items.map((i) => `${i.marker}@${i.range.start.offset}`), ['一要@1', '二要@7']);
    const text = '一要\r\n# \r\n\r\n\ufeff\n一要\r\n# \r\n\r\n\ufeff';
    assert.deepEqual(analyze(text).headings.map((h) => h.range.start.offset), [4, 16]);
  });

  it('keeps a heading inside a blockquote or a list item that has no marker (bug 19)', () => {
    // Chunks with nothing for the analysis skip the parser; the test for a heading looked only
    // at lines that open with `#`, so `> # 通知` and `- 标题` over `===` were dropped from the outline.
    for (const [text, heading] of [
      ['一要甲。\n\n> # 关于做好工作的通知\n\n二要乙。\n', '关于做好工作的通知'],
      ['一要甲。\n\n- 工作要求\n  ===\n', '工作要求'],
      ['三要\n\n* # ', ''],
    ]) {
      assert.deepEqual(analyze(text).headings.map((h) => h.text), [heading], JSON.stringify(text));
    }
  });

  it('names a setext heading (a line underlined with === or ---) by its text (bug 20)', () => {
    // The name was read from the underline's line: empty, so the outline showed "#".
    for (const [text, heading] of [
      ['工作要求\n====\n\n一要甲；二要乙。\n', '工作要求'],
      ['一要甲。\n\n**二、保障措施**\n---\n', '二、保障措施'],
      ['> 工作要求\n> ===\n', '工作要求'],
    ]) {
      assert.deepEqual(analyze(text).headings.map((h) => h.text), [heading], JSON.stringify(text));
    }
  });

  it('shares one renumbering among all the findings of an enumeration', () => {
    // The fix was computed per finding: 2,000 duplicates took seconds and held 4 million edits.
    const text = Array.from({ length: 2000 }, () => '1. 加强工作').join('\n');
    const fixes = new Set(analyze(text).findings.map((f: Finding) => f.fix));
    assert.equal(fixes.size, 1);
    assert.equal([...fixes][0]?.edits.length, 1999);
  });

  it('offers no renumbering that would write a number its style cannot be read with (一百要)', () => {
    // 101 items of 一要 were renumbered up to 一百零一要, which is not a marker: the
    // enumeration split, and every fixAll found more to fix (100,000 items never converged).
    const text = `会议要求：\n${'一要加强工作。\n'.repeat(101)}`;
    const r = analyze(text);
    assert.equal(r.enumerations[0].items.length, 101);
    assert.ok(r.findings.length > 0 && r.findings.every((f) => !f.fix));
    assert.equal(fixAll(text).output, text);
    // Within the range, renumbering still works.
    assert.match(fixAll(`会议要求：\n${'一要加强工作。\n'.repeat(99)}`).output, /九十九要加强工作。\n$/);
  });

  it('reads a config or schema saved with CR line endings, with positions on CR lines', () => {
    // The yaml package breaks lines at \n only: a CR-only file was one line, and rejected.
    const config = 'rules:\r  sequence-gap: warning\rlocale: en\r';
    assert.deepEqual(parseConfigText(config, '/p/.gongwenrc.yaml')?.errors, []);
    const schema = 'measures:\r  - id: a\r    title: 甲\r    any: [甲]\r    colour: red\r';
    assert.deepEqual(
      loadSchema(schema, 's.yaml').errors.map((e) => `${e.code}@${e.line}:${e.column}`),
      ['unknown-key@5:5'],
    );
  });

  it('positions a YAML error spanning a broken line inside that line', () => {
    // The yaml package's LineCounter missed a line break inside an unparsable token, so the
    // error's end was column 47 of a 29-character line.
    const text = 'id: rules:\n **/*.mdsequence-gap: warning\n  hierarchy-skip: error\n';
    const errors = parseConfigText(text, '/p/.gongwenrc.yaml')!.errors;
    const lines = text.split('\n');
    for (const e of errors) {
      assert.ok(e.column <= lines[e.line - 1].length + 1, `${e.line}:${e.column}`);
      if (e.endLine !== undefined && e.endColumn !== undefined) assert.ok(e.endColumn <= lines[e.endLine - 1].length + 1, `${e.endLine}:${e.endColumn}`);
    }
  });

  it('validates 50,000 broken measures in linear time, without an internal error', () => {
    // ajv appended the errors of each $ref'd measure with concat (quadratic: minutes),
    // then spreading 150,000 errors into push() overflowed the stack.
    const text = `measures:\n${Array.from({ length: 50_000 }, (_, i) => `  - {id: m${i}, bad${i}: 1}`).join('\n')}`;
    const r = loadSchema(text, 's.yaml');
    assert.equal(r.errors.filter((e) => e.code === 'internal').length, 0);
    assert.equal(r.errors.filter((e) => e.code === 'unknown-key').length, 50_000);
  });

  it('reports a key that is a list or a mapping at its position, and prints no warning', async () => {
    // The yaml package stringified such keys and printed "Keys with collection values will be
    // stringified" to stderr — noise in the CLI's output and the server's log.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const r = loadSchema('? [a, b]\n: 1\nmeasures:\n  - {id: a, title: 甲, any: [甲]}\n', 's.yaml');
      assert.deepEqual(r.errors.map((e) => `${e.code}@${e.line}:${e.column}`), ['yaml-syntax@1:3']);
      assert.match(r.errors[0].message.en, /A key must be text/);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  it('refuses a pattern whose RE2 program is too large to run fast', () => {
    // (.*a){1000} is linear, but 5,000 instructions per character: seconds on one long item.
    const text = 'measures:\n  - id: a\n    title: 甲\n    patterns: ["(.*a){1000}"]\n';
    assert.deepEqual(
      loadSchema(text, 's.yaml').errors.map((e) => `${e.code}@${e.line}:${e.column}`),
      ['bad-pattern@4:16'],
    );
  });
});
