import { joinLines } from '../../helpers.js';
import { assertFix, crlf, ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

const RULE = 'mixed-style';

const valid: ValidCase[] = [
  { name: 'an inline enumeration of N要 only', text: '一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'N是 items written 一是要 (the marker is 一是)', text: '一是要加强领导；二是要压实责任；三是要强化保障。' },
  { name: 'an inline enumeration of 第N only', text: '第一，加强领导；第二，压实责任；第三，强化保障。' },
  { name: 'ordinal adverbs 首先 其次 最后 (one style)', text: '首先，加强领导；其次，压实责任；最后，强化保障。' },
  { name: 'full-width （一） paragraphs only', text: joinLines('（一）甲。', '', '（二）乙。', '', '（三）丙。', '') },
  { name: 'half-width (一) paragraphs only', text: joinLines('(一)甲。', '', '(二)乙。', '', '(三)丙。', '') },
  { name: 'a Markdown list of `1. ` items', text: joinLines('1. 甲。', '2. 乙。', '3. 丙。', '') },
  { name: '1、 paragraphs only', text: joinLines('1、甲。', '', '2、乙。', '', '3、丙。', '') },
  {
    name: 'an N是 enumeration nested inside N要 items (different enumerations)',
    text: joinLines('一要加强领导。一是健全机制；二是压实责任。', '', '二要强化保障。', ''),
  },
  {
    name: 'a 1. list nested under （一） paragraphs (different levels)',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '1.子一。', '', '2.子二。', '', '（二）乙。', '', '## 二、主要任务', '', '丁。', ''),
  },
  { name: 'one style after an astral character (𠀀)', text: '𠀀𠀀强调，一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'one style with CRLF line endings', text: crlf('（一）甲。', '', '（二）乙。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'a 二是 among N要 items, rewritten to 二要',
    text: '一要加强领导；二是压实责任；三要强化保障。',
    expected: ['mixed-style@1:8'],
    fixed: '一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'a 三是 among four items that are mostly N要',
    text: '一要加强领导；二要压实责任；三是强化保障；四要严格考核。',
    expected: ['mixed-style@1:15'],
    fixed: '一要加强领导；二要压实责任；三要强化保障；四要严格考核。',
  },
  {
    name: 'a two-item enumeration 一要 二是, normalized to the first style',
    text: '一要加强领导；二是压实责任。',
    expected: ['mixed-style@1:8'],
    fixed: '一要加强领导；二要压实责任。',
  },
  {
    name: 'each minority marker, with one fix rewriting all of them',
    text: '一要甲；二是乙；三是丙；四要丁；五要戊。',
    expected: ['mixed-style@1:5', 'mixed-style@1:9'],
    fixed: '一要甲；二要乙；三要丙；四要丁；五要戊。',
  },
  {
    name: 'a half-width (二) among full-width （一） paragraphs',
    text: joinLines('（一）加强领导。', '', '(二)压实责任。', '', '（三）强化保障。', ''),
    expected: ['mixed-style@3:1'],
    fixed: joinLines('（一）加强领导。', '', '（二）压实责任。', '', '（三）强化保障。', ''),
  },
  {
    name: 'full-width （一）（二） in a mostly half-width list, rewritten to half-width',
    text: joinLines('（一）甲。', '', '（二）乙。', '', '(三)丙。', '', '(四)丁。', '', '(五)戊。', ''),
    expected: ['mixed-style@1:1', 'mixed-style@3:1'],
    fixed: joinLines('(一)甲。', '', '(二)乙。', '', '(三)丙。', '', '(四)丁。', '', '(五)戊。', ''),
  },
  {
    name: 'a 2、 among `1.` paragraphs',
    text: joinLines('1.加强领导。', '', '2、压实责任。', '', '3.强化保障。', ''),
    expected: ['mixed-style@3:1'],
    fixed: joinLines('1.加强领导。', '', '2.压实责任。', '', '3.强化保障。', ''),
  },
  {
    name: 'a full-width 2． among `1.` paragraphs',
    text: joinLines('1.加强领导。', '', '2．压实责任。', '', '3.强化保障。', ''),
    expected: ['mixed-style@3:1'],
    fixed: joinLines('1.加强领导。', '', '2.压实责任。', '', '3.强化保障。', ''),
  },
  {
    name: 'a half-width (2) among （1） paragraphs',
    text: joinLines('（1）甲。', '', '(2)乙。', '', '（3）丙。', ''),
    expected: ['mixed-style@3:1'],
    fixed: joinLines('（1）甲。', '', '（2）乙。', '', '（3）丙。', ''),
  },
  {
    name: '首先 opening a 第二 第三 enumeration, rewritten to 第一',
    text: '首先，加强领导；第二，压实责任；第三，强化保障。',
    expected: ['mixed-style@1:1'],
    fixed: '第一，加强领导；第二，压实责任；第三，强化保障。',
  },
  {
    name: 'a minority marker after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，一要加强领导；二是压实责任；三要强化保障。',
    expected: ['mixed-style@1:15'],
    fixed: '𠀀𠀀强调，一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'a minority marker in paragraphs with CRLF line endings',
    text: crlf('一要加强领导。', '', '二是压实责任。', '', '三要强化保障。', ''),
    expected: ['mixed-style@3:1'],
    fixed: crlf('一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // DESIGN.md's own example of `mixed` is 首先 … 第二 … 第三. With 其次 in the middle
    // (第一 其次 第三) the group is dropped because it has an adverb but no 首先, so the
    // whole enumeration vanishes from the outline and nothing is reported.
    it('reports 其次 in a 第一 其次 第三 enumeration and rewrites it to 第二', () => {
      assertFix(RULE, {
        name: '第一 其次 第三',
        text: '第一，加强领导；其次，压实责任；第三，强化保障。',
        expected: ['mixed-style@1:9'],
        fixed: '第一，加强领导；第二，压实责任；第三，强化保障。',
      });
    });
  });
});
