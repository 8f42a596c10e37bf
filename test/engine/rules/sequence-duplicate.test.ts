import { joinLines } from '../../helpers.js';
import { assertFindings, assertFix, crlf, ruleTests, type InvalidCase, type ValidCase, regulation } from './rule-tester.js';

const RULE = 'sequence-duplicate';

const valid: ValidCase[] = [
  { name: 'a complete inline 一要…三要 enumeration', text: '一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'a complete inline 一是…三是 enumeration', text: '一是加强领导；二是压实责任；三是强化保障。' },
  { name: 'a complete inline 第一…第三 enumeration', text: '第一，加强领导；第二，压实责任；第三，强化保障。' },
  {
    name: 'complete `## 一、` headings',
    text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、主要任务', '', '内容。', ''),
  },
  { name: 'a complete Markdown list', text: joinLines('1. 甲。', '2. 乙。', '3. 丙。', '') },
  {
    name: 'two enumerations that each restart at 一是 in separate paragraphs',
    text: joinLines('会议指出，一是形势严峻；二是任务繁重。', '', '会议要求，一是加强领导；二是压实责任；三是强化保障。', ''),
  },
  {
    name: 'child （一） enumerations that restart under each 一、 heading',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
  },
  {
    name: 'two Markdown lists separated by other content, each from 1.',
    text: joinLines('1. 甲。', '2. 乙。', '', '- 无序', '', '1. 丙。', '2. 丁。', ''),
  },
  {
    name: 'articles numbered continuously across chapters',
    text: regulation(['第一条 甲。', '第二条 乙。', '第三条 丙。'], ['第四条 丁。', '第五条 戊。']),
  },
  { name: 'a complete enumeration after an astral character (𠀀)', text: '𠀀𠀀强调，一是加强领导；二是压实责任；三是强化保障。' },
  { name: 'complete paragraphs with CRLF line endings', text: crlf('一、甲。', '', '二、乙。', '', '三、丙。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'a repeated 二要 inline, at the second occurrence',
    text: '一要加强领导；二要压实责任；二要强化保障；四要严格考核。',
    expected: ['sequence-duplicate@1:15'],
    fixed: '一要加强领导；二要压实责任；三要强化保障；四要严格考核。',
  },
  {
    name: 'a repeated 二是 as the last item',
    text: '一是加强领导；二是压实责任；二是强化保障。',
    expected: ['sequence-duplicate@1:15'],
    fixed: '一是加强领导；二是压实责任；三是强化保障。',
  },
  {
    name: 'a repeated 三是 at the end',
    text: '一是甲；二是乙；三是丙；三是丁。',
    expected: ['sequence-duplicate@1:13'],
    fixed: '一是甲；二是乙；三是丙；四是丁。',
  },
  {
    name: 'a number written three times, at the second and the third',
    text: '一是甲；二是乙；二是丙；二是丁。',
    expected: ['sequence-duplicate@1:9', 'sequence-duplicate@1:13'],
    fixed: '一是甲；二是乙；三是丙；四是丁。',
  },
  {
    name: 'a repeated 第二 inline',
    text: '第一，加强领导；第二，压实责任；第二，强化保障。',
    expected: ['sequence-duplicate@1:17'],
    fixed: '第一，加强领导；第二，压实责任；第三，强化保障。',
  },
  {
    name: 'a repeated 二、 in paragraphs, renumbering the items after it',
    text: joinLines('一、甲。', '', '二、乙。', '', '二、丙。', '', '三、丁。', ''),
    expected: ['sequence-duplicate@5:1'],
    fixed: joinLines('一、甲。', '', '二、乙。', '', '三、丙。', '', '四、丁。', ''),
  },
  {
    name: 'a repeated `## 二、` heading, at the marker after the heading prefix',
    text: joinLines('## 一、甲', '', '内容。', '', '## 二、乙', '', '内容。', '', '## 二、丙', '', '内容。', ''),
    expected: ['sequence-duplicate@9:4'],
    fixed: joinLines('## 一、甲', '', '内容。', '', '## 二、乙', '', '内容。', '', '## 三、丙', '', '内容。', ''),
  },
  {
    name: 'a repeated （二） in paragraphs',
    text: joinLines('（一）甲。', '', '（二）乙。', '', '（二）丙。', ''),
    expected: ['sequence-duplicate@5:1'],
    fixed: joinLines('（一）甲。', '', '（二）乙。', '', '（三）丙。', ''),
  },
  {
    name: 'a repeated half-width (二) inline',
    text: '(一)甲；(二)乙；(二)丙。',
    expected: ['sequence-duplicate@1:11'],
    fixed: '(一)甲；(二)乙；(三)丙。',
  },
  {
    name: 'a repeated `2. ` in a Markdown list',
    text: joinLines('1. 甲。', '2. 乙。', '2. 丙。', ''),
    expected: ['sequence-duplicate@3:1'],
    fixed: joinLines('1. 甲。', '2. 乙。', '3. 丙。', ''),
  },
  {
    name: 'a repeated `2.` in paragraphs without a space',
    text: joinLines('1.甲。', '', '2.乙。', '', '2.丙。', ''),
    expected: ['sequence-duplicate@5:1'],
    fixed: joinLines('1.甲。', '', '2.乙。', '', '3.丙。', ''),
  },
  {
    name: 'a repeated 2、 inline',
    text: '1、甲；2、乙；2、丙。',
    expected: ['sequence-duplicate@1:9'],
    fixed: '1、甲；2、乙；3、丙。',
  },
  {
    name: 'a repeated （2） in paragraphs',
    text: joinLines('（1）甲。', '', '（2）乙。', '', '（2）丙。', ''),
    expected: ['sequence-duplicate@5:1'],
    fixed: joinLines('（1）甲。', '', '（2）乙。', '', '（3）丙。', ''),
  },
  {
    name: 'a repeated ② inline',
    text: '①甲；②乙；②丙。',
    expected: ['sequence-duplicate@1:7'],
    fixed: '①甲；②乙；③丙。',
  },
  {
    name: 'a repeated 二是 after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，一是加强领导；二是压实责任；二是强化保障。',
    expected: ['sequence-duplicate@1:22'],
    fixed: '𠀀𠀀强调，一是加强领导；二是压实责任；三是强化保障。',
  },
  {
    name: 'a repeated 二要 in paragraphs with CRLF line endings',
    text: crlf('一要加强领导。', '', '二要压实责任。', '', '二要强化保障。', ''),
    expected: ['sequence-duplicate@5:1'],
    fixed: crlf('一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
  },
  {
    name: 'a repeated `2. ` in a Markdown list with CRLF line endings',
    text: crlf('1. 甲。', '2. 乙。', '2. 丙。', ''),
    expected: ['sequence-duplicate@3:1'],
    fixed: crlf('1. 甲。', '2. 乙。', '3. 丙。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  it('reports an article number repeated across a chapter boundary, at the second occurrence', () => {
    assertFindings(RULE, {
      name: 'articles',
      text: regulation(['第一条 甲。', '第二条 乙。'], ['第二条 丙。', '第三条 丁。']),
      expected: ['sequence-duplicate@11:1'],
    });
  });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // A number that repeats an earlier one after a higher number has been reached
    // (一 二 三 二) is not joined to the enumeration: the repeated item silently
    // disappears from the outline and no rule reports anything.
    it('reports 二要 repeated after 三要 inline', () => {
      assertFindings(RULE, {
        name: 'inline',
        text: '一要加强领导；二要压实责任；三要强化保障；二要严格考核。',
        expected: ['sequence-duplicate@1:22'],
      });
    });

    it('reports a `## 二、` heading repeated after `## 三、`', () => {
      assertFindings(RULE, {
        name: 'headings',
        text: joinLines('## 一、甲', '', '内容。', '', '## 二、乙', '', '内容。', '', '## 三、丙', '', '内容。', '', '## 二、丁', '', '内容。', ''),
        expected: ['sequence-duplicate@13:4'],
      });
    });

    it('reports `2. ` repeated after `3. ` in a Markdown list', () => {
      assertFindings(RULE, {
        name: 'list',
        text: joinLines('1. 甲。', '2. 乙。', '3. 丙。', '2. 丁。', ''),
        expected: ['sequence-duplicate@4:1'],
      });
    });

    it('reports （二） repeated after （三） inline', () => {
      assertFindings(RULE, {
        name: 'brackets',
        text: '（一）甲；（二）乙；（三）丙；（二）丁。',
        expected: ['sequence-duplicate@1:16'],
      });
    });

    // sequence-duplicate is fixable and sequence-gap renumbers articles across the
    // regulation, but a duplicated article number carries no fix at all.
    it('offers a fix renumbering the articles for an article number repeated across chapters', () => {
      assertFix(RULE, {
        name: 'articles',
        text: regulation(['第一条 甲。', '第二条 乙。'], ['第二条 丙。', '第三条 丁。']),
        expected: ['sequence-duplicate@11:1'],
        fixed: regulation(['第一条 甲。', '第二条 乙。'], ['第三条 丙。', '第四条 丁。']),
      });
    });
  });
});
