import assert from 'node:assert/strict';
import { findingKeys, joinLines } from '../../helpers.js';
import { assertFindings, crlf, ruleTests, type InvalidCase, type ValidCase, regulation } from './rule-tester.js';

const RULE = 'sequence-order';

const valid: ValidCase[] = [
  { name: 'a complete inline 一要…四要 enumeration', text: '一要加强领导；二要压实责任；三要强化保障；四要严格考核。' },
  { name: 'a gap (一要 二要 四要), which is not an order problem', text: '一要加强领导；二要压实责任；四要强化保障。' },
  { name: 'a duplicate (一是 二是 二是 三是), which is not an order problem', text: '一是甲；二是乙；二是丙；三是丁。' },
  {
    name: 'a second enumeration that restarts at 一是',
    text: joinLines('会议指出，一是形势严峻；二是任务繁重；三是要求更高。', '', '会议要求，一是加强领导；二是压实责任。', ''),
  },
  {
    name: 'child （一） enumerations that restart under each 一、 heading',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '（三）丙。', '', '## 二、主要任务', '', '（一）丁。', '', '（二）戊。', ''),
  },
  {
    name: 'articles numbered continuously across chapters',
    text: regulation(['第一条 甲。', '第二条 乙。', '第三条 丙。'], ['第四条 丁。', '第五条 戊。']),
  },
  { name: 'a complete Markdown list', text: joinLines('1. 甲。', '2. 乙。', '3. 丙。', '') },
  { name: 'a complete enumeration after an astral character (𠀀)', text: '𠀀𠀀强调，一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'complete paragraphs with CRLF line endings', text: crlf('（一）甲。', '', '（二）乙。', '', '（三）丙。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'a swap 一要 三要 二要 四要 once, at 二要',
    text: '一要加强领导；三要强化保障；二要压实责任；四要严格考核。',
    expected: ['sequence-order@1:15'],
    fixed: '一要加强领导；二要强化保障；三要压实责任；四要严格考核。',
  },
  {
    name: 'a swap of the last two items (一要 二要 四要 三要), at 三要',
    text: '一要甲；二要乙；四要丙；三要丁。',
    expected: ['sequence-order@1:13'],
    fixed: '一要甲；二要乙；三要丙；四要丁。',
  },
  {
    name: 'a swap 一是 三是 二是',
    text: '一是甲；三是丙；二是乙。',
    expected: ['sequence-order@1:9'],
    fixed: '一是甲；二是丙；三是乙。',
  },
  {
    name: 'a swap 第一 第三 第二',
    text: '第一，加强领导；第三，压实责任；第二，强化保障。',
    expected: ['sequence-order@1:17'],
    fixed: '第一，加强领导；第二，压实责任；第三，强化保障。',
  },
  {
    name: 'swapped `## 三、` and `## 二、` headings',
    text: joinLines('## 一、甲', '', '内容。', '', '## 三、丙', '', '内容。', '', '## 二、乙', '', '内容。', ''),
    expected: ['sequence-order@9:4'],
    fixed: joinLines('## 一、甲', '', '内容。', '', '## 二、丙', '', '内容。', '', '## 三、乙', '', '内容。', ''),
  },
  {
    name: 'swapped 一、 paragraphs',
    text: joinLines('一、甲。', '', '三、丙。', '', '二、乙。', ''),
    expected: ['sequence-order@5:1'],
    fixed: joinLines('一、甲。', '', '二、丙。', '', '三、乙。', ''),
  },
  {
    name: 'swapped （一） paragraphs',
    text: joinLines('（一）甲。', '', '（三）丙。', '', '（二）乙。', ''),
    expected: ['sequence-order@5:1'],
    fixed: joinLines('（一）甲。', '', '（二）丙。', '', '（三）乙。', ''),
  },
  {
    name: 'swapped half-width (一) items inline',
    text: '(一)甲；(三)丙；(二)乙。',
    expected: ['sequence-order@1:11'],
    fixed: '(一)甲；(二)丙；(三)乙。',
  },
  {
    name: 'a Markdown list `1. 3. 2.` read from the source',
    text: joinLines('1. 甲。', '3. 丙。', '2. 乙。', ''),
    expected: ['sequence-order@3:1'],
    fixed: joinLines('1. 甲。', '2. 丙。', '3. 乙。', ''),
  },
  {
    name: 'swapped `1.` paragraphs without a space',
    text: joinLines('1.甲。', '', '3.丙。', '', '2.乙。', ''),
    expected: ['sequence-order@5:1'],
    fixed: joinLines('1.甲。', '', '2.丙。', '', '3.乙。', ''),
  },
  {
    name: 'swapped 1、 items inline',
    text: '1、甲；3、丙；2、乙。',
    expected: ['sequence-order@1:9'],
    fixed: '1、甲；2、丙；3、乙。',
  },
  {
    name: 'swapped （1） paragraphs',
    text: joinLines('（1）甲。', '', '（3）丙。', '', '（2）乙。', ''),
    expected: ['sequence-order@5:1'],
    fixed: joinLines('（1）甲。', '', '（2）丙。', '', '（3）乙。', ''),
  },
  {
    name: 'swapped ③ ② inline',
    text: '①甲；③丙；②乙。',
    expected: ['sequence-order@1:7'],
    fixed: '①甲；②丙；③乙。',
  },
  {
    name: 'a swap after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，一要加强领导；三要强化保障；二要压实责任。',
    expected: ['sequence-order@1:22'],
    fixed: '𠀀𠀀强调，一要加强领导；二要强化保障；三要压实责任。',
  },
  {
    name: 'a swap in paragraphs with CRLF line endings',
    text: crlf('一要加强领导。', '', '三要强化保障。', '', '二要压实责任。', ''),
    expected: ['sequence-order@5:1'],
    fixed: crlf('一要加强领导。', '', '二要强化保障。', '', '三要压实责任。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  it('reports a swap (一 三 二 四) as one order finding and no gap or duplicate', () => {
    const text = '一要加强领导；三要强化保障；二要压实责任；四要严格考核。';
    assert.deepEqual(findingKeys(text), ['sequence-order@1:15']);
  });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // Articles are exempt from sequence-order, and the out-of-order 第二条 is split off
    // into an enumeration of its own, so no rule reports anything.
    it('reports 第二条 after 第三条 in a regulation', () => {
      assertFindings(RULE, {
        name: 'articles',
        text: regulation(['第一条 甲。', '第三条 乙。', '第二条 丙。']),
        expected: ['sequence-order@9:1'],
      });
    });

    it('reports 第三条 after 第四条 across a chapter boundary', () => {
      assertFindings(RULE, {
        name: 'articles across chapters',
        text: regulation(['第一条 甲。', '第二条 乙。'], ['第四条 丙。', '第三条 丁。']),
        expected: ['sequence-order@13:1'],
      });
    });
  });
});
