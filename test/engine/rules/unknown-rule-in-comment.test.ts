import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { assertFix, ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

const RULE = 'unknown-rule-in-comment';

// Enough Chinese text that the document is not taken for an English one.
const BODY = '会议强调，一要加强组织领导；二要压实工作责任；三要强化各项保障。';
const GAP = '会议强调，一要加强组织领导；二要压实工作责任；四要强化各项保障。';
const MIXED = '会议强调，一要加强组织领导；二是压实工作责任；四要强化各项保障。';

const valid: ValidCase[] = [
  { name: 'a disable-next-line comment naming a real rule', text: joinLines('<!-- gongwen-disable-next-line sequence-gap -->', GAP, '') },
  { name: 'a disable comment without rule ids (all rules)', text: joinLines('<!-- gongwen-disable -->', GAP, '') },
  { name: 'several real ids separated by commas, and a reason after --', text: joinLines('<!-- gongwen-disable sequence-gap, mixed-style -- 引用原文 -->', MIXED, '') },
  { name: 'an ordinary HTML comment', text: joinLines('<!-- 待定：sequence-gpa -->', BODY, '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'a misspelt id in disable-next-line, on the id',
    text: joinLines('<!-- gongwen-disable-next-line sequence-gpa -->', BODY, ''),
    expected: ['unknown-rule-in-comment@1:32'],
  },
  {
    name: 'an unknown id in gongwen-enable',
    text: joinLines('<!-- gongwen-disable sequence-gap -->', BODY, '<!-- gongwen-enable no-such-rule -->', ''),
    expected: ['unknown-rule-in-comment@3:21'],
  },
  {
    name: 'one unknown id among known ones',
    text: joinLines(`${MIXED}<!-- gongwen-disable-line mixed-style emtpy-item -->`, ''),
    expected: ['unknown-rule-in-comment@1:71'],
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('fixes a misspelt id to the closest rule id', () => {
    assertFix(RULE, { ...invalid[0], fixed: joinLines('<!-- gongwen-disable-next-line sequence-gap -->', BODY, '') });
  });

  it('suggests nothing, and offers no fix, for an id close to no rule', () => {
    const [f] = findingsOf(invalid[1].text, RULE);
    assert.equal(f.fix, undefined);
    assert.equal(f.message.en, 'Unknown rule "no-such-rule" in a gongwen-enable comment');
  });

  it('is a warning, and names the likely rule', () => {
    const [f] = findingsOf(invalid[0].text, RULE);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message.zh, '注释 gongwen-disable-next-line 中的规则“sequence-gpa”不存在，是否应为“sequence-gap”？');
  });
});
