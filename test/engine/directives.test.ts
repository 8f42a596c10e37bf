// Inline configuration comments: gongwen-disable / gongwen-enable spans,
// gongwen-disable-next-line, gongwen-disable-line; with or without rule ids.
import assert from 'node:assert/strict';
import { findingKeys, joinLines } from '../helpers.js';

const GAP = '会议强调，一要加强组织领导；二要压实工作责任；四要强化各项保障。'; // sequence-gap@…:24
const MIXED = '会议强调，一要加强组织领导；二是压实工作责任；三要强化各项保障。'; // mixed-style@…:15

const keys = (...lines: string[]) => findingKeys(joinLines(...lines, ''));

describe('inline disable comments', () => {
  it('reports without comments (the baseline)', () => {
    assert.deepEqual(keys(GAP, '', MIXED), ['sequence-gap@1:24', 'mixed-style@3:15']);
  });

  describe('gongwen-disable-next-line', () => {
    it('turns the named rule off for the next line only', () => {
      assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap -->', GAP, '', GAP), ['sequence-gap@4:24']);
    });

    it('skips blank lines to the next non-blank line', () => {
      assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap -->', '', GAP), []);
    });

    it('leaves other rules on that line alone', () => {
      assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap -->', MIXED), ['mixed-style@2:15']);
    });

    it('turns every rule off with no id', () => {
      assert.deepEqual(keys('<!-- gongwen-disable-next-line -->', MIXED, '', GAP), ['sequence-gap@4:24']);
    });

    it('takes several ids, separated by spaces or commas, and ignores the reason after --', () => {
      const text = '会议强调，一要加强组织领导；二是压实工作责任；四要强化各项保障。';
      assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap, mixed-style -- 引用原文 -->', text), []);
      assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap mixed-style -->', text), []);
    });
  });

  describe('gongwen-disable … gongwen-enable', () => {
    it('turns the named rule off between the comments', () => {
      assert.deepEqual(keys('<!-- gongwen-disable sequence-gap -->', '', GAP, '', '<!-- gongwen-enable sequence-gap -->', '', GAP), ['sequence-gap@7:24']);
    });

    it('turns it off to the end of the document without an enable', () => {
      assert.deepEqual(keys(GAP, '', '<!-- gongwen-disable sequence-gap -->', '', GAP, '', GAP), ['sequence-gap@1:24']);
    });

    it('turns every rule off with no id, and a bare enable turns them all back on', () => {
      assert.deepEqual(keys('<!-- gongwen-disable -->', '', GAP, '', MIXED, '', '<!-- gongwen-enable -->', '', MIXED), ['mixed-style@9:15']);
    });

    it('lets one rule back on inside a disable-all span', () => {
      assert.deepEqual(keys('<!-- gongwen-disable -->', '', '<!-- gongwen-enable mixed-style -->', '', GAP, '', MIXED), ['mixed-style@7:15']);
    });

    it('takes an enable without a disable as a no-op', () => {
      assert.deepEqual(keys('<!-- gongwen-enable sequence-gap -->', '', GAP), ['sequence-gap@3:24']);
    });
  });

  describe('gongwen-disable-line', () => {
    it('turns the rule off on the comment’s own line', () => {
      assert.deepEqual(keys(`${GAP}<!-- gongwen-disable-line sequence-gap -->`, '', GAP), ['sequence-gap@3:24']);
    });
  });

  it('applies to schema findings too (at the announcement line)', async () => {
    const { withSchema } = await import('../schema-helpers.js');
    const options = withSchema('measures:\n  - {id: t, title: 核酸检测, any: [核酸检测]}\n');
    const text = joinLines('<!-- gongwen-disable-next-line missing-measure -->', '会议强调，重点抓好两个方面工作。', '', '一要加强组织领导。', '', '二要压实工作责任。', '');
    assert.deepEqual(findingKeys(text, options), []);
    assert.deepEqual(findingKeys(text.replace('missing-measure', 'sequence-gap'), options), ['missing-measure@2:10']);
  });

  it('reports unknown rule ids in the comments (unknown-rule-in-comment), and still honours the known ones', () => {
    assert.deepEqual(keys('<!-- gongwen-disable-next-line sequence-gap sequnce-gap -->', GAP), ['unknown-rule-in-comment@1:45']);
  });

  it('is not read inside a code block', () => {
    assert.deepEqual(keys('```', '<!-- gongwen-disable -->', '```', '', GAP), ['sequence-gap@5:24']);
  });
});
