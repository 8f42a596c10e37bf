import { joinLines } from '../../helpers.js';
import { assertNoFinding, crlf, ruleTests, type InvalidCase, type ValidCase, regulation } from './rule-tester.js';

const RULE = 'sequence-start';

const valid: ValidCase[] = [
  { name: 'an inline 一要…三要 enumeration', text: '一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'a first 一是 right after its subject with no punctuation (祝楼乡一是…)', text: '祝楼乡一是加强领导；二是压实责任。' },
  { name: 'a lone 二是 in prose (no enumeration)', text: '会议认为，二是关键，必须抓紧。' },
  {
    name: 'articles whose second chapter opens at 第四条 (articles run on through chapters)',
    text: regulation(['第一条 甲。', '第二条 乙。', '第三条 丙。'], ['第四条 丁。', '第五条 戊。']),
  },
  {
    name: 'sections that restart at 第一节 in each chapter',
    text: joinLines(
      '# 某市管理办法', '', '## 第一章 总则', '', '### 第一节 一般规定', '', '第一条 甲。', '', '### 第二节 特别规定', '', '第二条 乙。', '',
      '## 第二章 管理', '', '### 第一节 一般规定', '', '第三条 丙。', '', '### 第二节 其他', '', '第四条 丁。', '',
    ),
  },
  {
    name: 'child （一） enumerations that restart under each 一、 heading',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
  },
  { name: 'a Markdown list from `1. `', text: joinLines('1. 甲。', '2. 乙。', '') },
  { name: 'an enumeration after an astral character (𠀀)', text: '𠀀𠀀强调，一要加强领导；二要压实责任。' },
  { name: 'paragraphs with CRLF line endings', text: crlf('一、甲。', '', '二、乙。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'an inline N要 enumeration that starts at 二要',
    text: '二要压实责任；三要强化保障。',
    expected: ['sequence-start@1:1'],
    fixed: '一要压实责任；二要强化保障。',
  },
  {
    name: 'an inline N是 enumeration after its subject that starts at 二是',
    text: '会议强调，二是压实责任；三是强化保障。',
    expected: ['sequence-start@1:6'],
    fixed: '会议强调，一是压实责任；二是强化保障。',
  },
  {
    name: 'an inline 第N enumeration that starts at 第二',
    text: '第二，压实责任；第三，强化保障。',
    expected: ['sequence-start@1:1'],
    fixed: '第一，压实责任；第二，强化保障。',
  },
  {
    name: '`## 二、` headings, at the marker after the heading prefix',
    text: joinLines('## 二、主要任务', '', '内容。', '', '## 三、保障措施', '', '内容。', ''),
    expected: ['sequence-start@1:4'],
    fixed: joinLines('## 一、主要任务', '', '内容。', '', '## 二、保障措施', '', '内容。', ''),
  },
  {
    name: '二、 paragraphs',
    text: joinLines('二、甲。', '', '三、乙。', ''),
    expected: ['sequence-start@1:1'],
    fixed: joinLines('一、甲。', '', '二、乙。', ''),
  },
  {
    name: 'a child （N） enumeration that starts at （三） under the second heading',
    text: joinLines('## 一、甲', '', '### （一）子', '', '内容。', '', '### （二）子', '', '内容。', '', '## 二、乙', '', '### （三）子', '', '内容。', '', '### （四）子', '', '内容。', ''),
    expected: ['sequence-start@13:5'],
    fixed: joinLines('## 一、甲', '', '### （一）子', '', '内容。', '', '### （二）子', '', '内容。', '', '## 二、乙', '', '### （一）子', '', '内容。', '', '### （二）子', '', '内容。', ''),
  },
  {
    name: 'half-width (二) items inline',
    text: '(二)甲；(三)乙。',
    expected: ['sequence-start@1:1'],
    fixed: '(一)甲；(二)乙。',
  },
  {
    name: 'a Markdown list that starts at `2. `',
    text: joinLines('2. 甲。', '3. 乙。', ''),
    expected: ['sequence-start@1:1'],
    fixed: joinLines('1. 甲。', '2. 乙。', ''),
  },
  {
    name: '`2.` paragraphs without a space',
    text: joinLines('2.甲。', '', '3.乙。', ''),
    expected: ['sequence-start@1:1'],
    fixed: joinLines('1.甲。', '', '2.乙。', ''),
  },
  {
    name: '2、 items inline',
    text: '2、甲；3、乙。',
    expected: ['sequence-start@1:1'],
    fixed: '1、甲；2、乙。',
  },
  {
    name: '（2） paragraphs',
    text: joinLines('（2）甲。', '', '（3）乙。', ''),
    expected: ['sequence-start@1:1'],
    fixed: joinLines('（1）甲。', '', '（2）乙。', ''),
  },
  {
    name: '② ③ inline',
    text: '②甲；③乙。',
    expected: ['sequence-start@1:1'],
    fixed: '①甲；②乙。',
  },
  {
    name: 'sections that start at 第二节 in the first chapter',
    text: joinLines('# 某市管理办法', '', '## 第一章 总则', '', '### 第二节 一般规定', '', '第一条 甲。', '', '### 第三节 特别规定', '', '第二条 乙。', ''),
    expected: ['sequence-start@5:5'],
    fixed: joinLines('# 某市管理办法', '', '## 第一章 总则', '', '### 第一节 一般规定', '', '第一条 甲。', '', '### 第二节 特别规定', '', '第二条 乙。', ''),
  },
  {
    name: 'an enumeration that starts at 二要 after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，二要压实责任；三要强化保障。',
    expected: ['sequence-start@1:8'],
    fixed: '𠀀𠀀强调，一要压实责任；二要强化保障。',
  },
  {
    name: 'paragraphs with CRLF line endings that start at 二要',
    text: crlf('会议强调：', '', '二要压实责任。', '', '三要强化保障。', ''),
    expected: ['sequence-start@3:1'],
    fixed: crlf('会议强调：', '', '一要压实责任。', '', '二要强化保障。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // 𠀀 (U+20000) is a CJK character like 乡: 祝楼𠀀一要… is the same construction as
    // 祝楼乡一要… (ANNOTATION.md §4), but the engine tests only BMP code units, so it
    // drops 一要, reports the list as starting at 二要, and its fix writes a second 一要.
    it('accepts a first 一要 right after an astral CJK subject with no punctuation', () => {
      assertNoFinding(RULE, { name: 'astral subject', text: '祝楼𠀀一要加强领导；二要压实责任；三要强化保障。' });
    });
  });
});
