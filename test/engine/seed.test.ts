// The seed text the product was born from (test/fixtures/seeds): one
// enumeration 一要…十要 announced as 十个方面, and its faulty variants.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type AnalysisResult } from 'gongwen-server';
import { applyFix } from '../helpers.js';

const seed = readFileSync(new URL('../../fixtures/seeds/000_1879313dcec84cbe.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
const itemLine = (n: number) => lines.findIndex((l) => l.startsWith('一二三四五六七八九十'[n - 1] + '要'));

const ruleIds = (r: AnalysisResult) => r.findings.map((f) => f.ruleId).sort();

/** Applies one fix at a time (the first fixable finding) until none is left; returns the text. */
function fixAll(text: string): string {
  for (let pass = 0; pass < 10; pass++) {
    const fixable = analyze(text).findings.find((f) => f.fix);
    if (!fixable) return text;
    text = applyFix(text, fixable.fix);
  }
  throw new Error('fixes did not converge');
}

describe('the seed directive', () => {
  const result = analyze(seed);

  it('has exactly one top-level enumeration, 一要 … 十要', () => {
    assert.equal(result.enumerations.length, 1);
    const e = result.enumerations[0];
    assert.equal(e.style, 'N要');
    assert.deepEqual(
      e.items.map((i) => i.marker),
      ['一要', '二要', '三要', '四要', '五要', '六要', '七要', '八要', '九要', '十要'],
    );
    assert.deepEqual(e.items.map((i) => i.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(e.items.map((i) => i.children.length), Array(10).fill(0));
  });

  it('reads each item head from the text after its marker', () => {
    const items = result.enumerations[0].items;
    assert.equal(items[0].head, '加强形势研判,强化底线意'); // twelve characters
    assert.equal(items[0].title, '加强形势研判,强化底线意识');
    assert.equal(items[2].title, '加强核酸检测,强化源头预警');
    assert.equal(items[9].title, '加强正面宣传,强化心理疏导');
  });

  it('binds 十个方面 to the enumeration, and the count matches', () => {
    assert.equal(result.announcements.length, 1);
    const a = result.announcements[0];
    assert.equal(a.text, '十个方面工作');
    assert.equal(a.count, 10);
    assert.equal(a.target, result.enumerations[0]);
    assert.equal(a.matches, true);
  });

  it('has no finding', () => {
    assert.deepEqual(result.findings, []);
  });

  it('takes no marker from 第一时间 or 第一责任人', () => {
    const markerOffsets = result.enumerations[0].items.map((i) => i.range.start.offset);
    for (const trap of ['第一时间', '第一责任人']) {
      const at = seed.indexOf(trap);
      assert.ok(at > 0, trap);
      assert.ok(!markerOffsets.some((o) => o >= at && o < at + trap.length), trap);
    }
  });
});

describe('faulty variants of the seed', () => {
  for (let k = 1; k <= 10; k++) {
    it(`deleting item ${k} gives exactly the expected findings, and the fixes restore a valid text`, () => {
      const variant = lines.filter((_, i) => i !== itemLine(k)).join('\n');
      const expected = k === 1 ? ['announced-count', 'sequence-start'] : k === 10 ? ['announced-count'] : ['announced-count', 'sequence-gap'];
      const r = analyze(variant);
      assert.deepEqual(ruleIds(r), expected);
      const gap = r.findings.find((f) => f.ruleId === 'sequence-gap');
      if (gap) assert.equal(gap.range.start.line, itemLine(k)); // the item after the hole moved up one line
      const fixed = fixAll(variant);
      assert.deepEqual(analyze(fixed).findings, []);
      assert.match(fixed, /重点抓好九个方面工作/);
      assert.equal(analyze(fixed).enumerations[0].items.map((i) => i.marker).join(''), '一要二要三要四要五要六要七要八要九要');
    });
  }

  it('duplicating an item gives sequence-duplicate (and the count no longer matches)', () => {
    const l = itemLine(5);
    const variant = [...lines.slice(0, l + 1), lines[l], ...lines.slice(l + 1)].join('\n');
    const r = analyze(variant);
    assert.deepEqual(ruleIds(r), ['announced-count', 'sequence-duplicate']);
    const dup = r.findings.find((f) => f.ruleId === 'sequence-duplicate')!;
    assert.equal(dup.range.start.line, l + 1);
    assert.equal(dup.related?.[0].range.start.line, l);
    const fixed = fixAll(variant);
    assert.deepEqual(analyze(fixed).findings, []);
    assert.match(fixed, /十一个方面工作/);
    assert.match(fixed, /\n十一要加强正面宣传/);
  });

  it('swapping two items gives exactly sequence-order, and renumbering fixes it', () => {
    const [l2, l3] = [itemLine(2), itemLine(3)];
    const swapped = [...lines];
    [swapped[l2], swapped[l3]] = [swapped[l3], swapped[l2]];
    const variant = swapped.join('\n');
    const r = analyze(variant);
    assert.deepEqual(ruleIds(r), ['sequence-order']);
    assert.equal(r.findings[0].range.start.line, l3);
    const fixed = applyFix(variant, r.findings[0].fix);
    assert.ok(fixed.split('\n')[l2].startsWith('二要加强核酸检测'));
    assert.ok(fixed.split('\n')[l3].startsWith('三要加强制度落实'));
    assert.deepEqual(analyze(fixed).findings, []);
  });

  it('二要 written as 二是 gives exactly mixed-style, and its fix restores the seed', () => {
    const variant = seed.replace('二要加强制度落实', '二是加强制度落实');
    const r = analyze(variant);
    assert.deepEqual(ruleIds(r), ['mixed-style']);
    assert.equal(r.findings[0].range.start.line, itemLine(2));
    assert.equal(r.findings[0].range.start.character, 0);
    assert.equal(applyFix(variant, r.findings[0].fix), seed);
  });

  it('the same holds with CRLF line endings', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    assert.deepEqual(analyze(crlf).findings, []);
    const variant = crlf.replace('二要加强制度落实', '二是加强制度落实');
    const r = analyze(variant);
    assert.deepEqual(ruleIds(r), ['mixed-style']);
    assert.equal(applyFix(variant, r.findings[0].fix), crlf);
  });
});
