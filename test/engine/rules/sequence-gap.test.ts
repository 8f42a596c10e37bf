import assert from 'node:assert/strict';
import { findingKeys, findingsOf, joinLines } from '../../helpers.js';
import { assertFix, crlf, ruleTests, type InvalidCase, type ValidCase, regulation } from './rule-tester.js';

const RULE = 'sequence-gap';

const valid: ValidCase[] = [
  { name: 'a complete inline 一要…三要 enumeration', text: '会议强调，一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'a complete inline 一是…三是 enumeration', text: '一是加强领导；二是压实责任；三是强化保障。' },
  { name: 'a complete inline 第一…第三 enumeration', text: '第一，加强领导；第二，压实责任；第三，强化保障。' },
  {
    name: 'complete `## 一、` headings',
    text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、主要任务', '', '内容。', '', '## 三、保障措施', '', '内容。', ''),
  },
  { name: 'complete 一、 paragraphs', text: joinLines('一、总体要求。内容。', '', '二、主要任务。内容。', '', '三、保障措施。内容。', '') },
  { name: 'complete （一） paragraphs', text: joinLines('（一）加强领导。', '', '（二）压实责任。', '', '（三）强化保障。', '') },
  { name: 'complete half-width (一) paragraphs', text: joinLines('(一)加强领导。', '', '(二)压实责任。', '', '(三)强化保障。', '') },
  { name: 'a complete Markdown list `1. ` … `3. `', text: joinLines('1. 加强领导。', '2. 压实责任。', '3. 强化保障。', '') },
  { name: 'complete `1.` paragraphs without a space', text: joinLines('1.加强领导。', '', '2.压实责任。', '', '3.强化保障。', '') },
  { name: 'complete 1、 paragraphs', text: joinLines('1、加强领导。', '', '2、压实责任。', '', '3、强化保障。', '') },
  { name: 'complete （1） paragraphs', text: joinLines('（1）加强领导。', '', '（2）压实责任。', '', '（3）强化保障。', '') },
  { name: 'a complete inline ①…③ enumeration', text: '①加强领导；②压实责任；③强化保障。' },
  {
    name: 'articles numbered continuously across chapters (第二章 opens at 第四条)',
    text: regulation(['第一条 为了规范管理。', '第二条 本办法适用于全市。', '第三条 其他。'], ['第四条 管理要求。', '第五条 其他。']),
  },
  {
    name: 'two enumerations that each restart at 一是',
    text: joinLines('会议指出，一是形势严峻；二是任务繁重。', '', '会议要求，一是加强领导；二是压实责任；三是强化保障。', ''),
  },
  {
    name: 'a swap (一要 三要 二要 四要), which is an order problem, not a gap',
    text: '一要加强领导；三要强化保障；二要压实责任；四要严格考核。',
  },
  {
    name: 'child enumerations that restart at （一） under each 一、 heading',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', '', '（三）戊。', ''),
  },
  { name: 'a complete enumeration after an astral character (𠀀)', text: '𠀀𠀀强调，一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'complete paragraphs with CRLF line endings', text: crlf('一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'an inline N要 enumeration that skips 三要, at 四要',
    text: '一要加强领导；二要压实责任；四要强化保障。',
    expected: ['sequence-gap@1:15'],
    fixed: '一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'an inline N要 enumeration after its subject that skips 三要',
    text: '会议强调，一要加强领导；二要压实责任；四要强化保障。',
    expected: ['sequence-gap@1:20'],
    fixed: '会议强调，一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'an inline N是 enumeration that skips 三是, renumbering the items after the hole',
    text: '一是加强领导；二是压实责任；四是强化保障；五是严格考核。',
    expected: ['sequence-gap@1:15'],
    fixed: '一是加强领导；二是压实责任；三是强化保障；四是严格考核。',
  },
  {
    name: 'an inline 第N enumeration that skips 第三',
    text: '第一，加强领导；第二，压实责任；第四，强化保障。',
    expected: ['sequence-gap@1:17'],
    fixed: '第一，加强领导；第二，压实责任；第三，强化保障。',
  },
  {
    name: '`## 一、` headings that skip 三、, at the marker after the heading prefix',
    text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、主要任务', '', '内容。', '', '## 四、保障措施', '', '内容。', ''),
    expected: ['sequence-gap@9:4'],
    fixed: joinLines('## 一、总体要求', '', '内容。', '', '## 二、主要任务', '', '内容。', '', '## 三、保障措施', '', '内容。', ''),
  },
  {
    name: '一、 paragraphs that skip 三、',
    text: joinLines('一、总体要求。内容。', '', '二、主要任务。内容。', '', '四、保障措施。内容。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('一、总体要求。内容。', '', '二、主要任务。内容。', '', '三、保障措施。内容。', ''),
  },
  {
    name: '（一） paragraphs that skip （三）',
    text: joinLines('（一）加强领导。', '', '（二）压实责任。', '', '（四）强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('（一）加强领导。', '', '（二）压实责任。', '', '（三）强化保障。', ''),
  },
  {
    name: 'half-width (一) paragraphs that skip (三)',
    text: joinLines('(一)加强领导。', '', '(二)压实责任。', '', '(四)强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('(一)加强领导。', '', '(二)压实责任。', '', '(三)强化保障。', ''),
  },
  {
    name: 'an inline （一） enumeration that skips （三）',
    text: '（一）甲；（二）乙；（四）丙。',
    expected: ['sequence-gap@1:11'],
    fixed: '（一）甲；（二）乙；（三）丙。',
  },
  {
    name: 'a Markdown list `1. 2. 4.` (read from the source, not the rendering)',
    text: joinLines('1. 加强领导。', '2. 压实责任。', '4. 强化保障。', ''),
    expected: ['sequence-gap@3:1'],
    fixed: joinLines('1. 加强领导。', '2. 压实责任。', '3. 强化保障。', ''),
  },
  {
    name: '`1.` paragraphs without a space that skip 3.',
    text: joinLines('1.加强领导。', '', '2.压实责任。', '', '4.强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('1.加强领导。', '', '2.压实责任。', '', '3.强化保障。', ''),
  },
  {
    name: 'an inline `1.` enumeration that skips 3.',
    text: '1.甲；2.乙；4.丙。',
    expected: ['sequence-gap@1:9'],
    fixed: '1.甲；2.乙；3.丙。',
  },
  {
    name: '1、 paragraphs that skip 3、',
    text: joinLines('1、加强领导。', '', '2、压实责任。', '', '4、强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('1、加强领导。', '', '2、压实责任。', '', '3、强化保障。', ''),
  },
  {
    name: '（1） paragraphs that skip （3）',
    text: joinLines('（1）加强领导。', '', '（2）压实责任。', '', '（4）强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('（1）加强领导。', '', '（2）压实责任。', '', '（3）强化保障。', ''),
  },
  {
    name: 'an inline ① enumeration that skips ③',
    text: '①加强领导；②压实责任；④强化保障。',
    expected: ['sequence-gap@1:13'],
    fixed: '①加强领导；②压实责任；③强化保障。',
  },
  {
    name: 'formal numerals 壹、贰、肆、, fixed in the formal form',
    text: joinLines('壹、甲。', '', '贰、乙。', '', '肆、丙。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: joinLines('壹、甲。', '', '贰、乙。', '', '叁、丙。', ''),
  },
  {
    name: 'a gap from 九要 to 十一要',
    text: '一要甲；二要乙；三要丙；四要丁；五要戊；六要己；七要庚；八要辛；九要壬；十一要癸。',
    expected: ['sequence-gap@1:37'],
    fixed: '一要甲；二要乙；三要丙；四要丁；五要戊；六要己；七要庚；八要辛；九要壬；十要癸。',
  },
  {
    name: 'articles that skip 第三条 across a chapter boundary, with a fix renumbering the articles',
    text: regulation(['第一条 为了规范管理。', '第二条 本办法适用于全市。'], ['第四条 管理要求。', '第五条 其他。']),
    expected: ['sequence-gap@11:1'],
    fixed: regulation(['第一条 为了规范管理。', '第二条 本办法适用于全市。'], ['第三条 管理要求。', '第四条 其他。']),
  },
  {
    name: 'a run of two missing numbers (三要, 四要) once, at the first item after the hole',
    text: '一要加强领导；二要压实责任；五要强化保障。',
    expected: ['sequence-gap@1:15'],
    fixed: '一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'two separate holes once each',
    text: '一要甲；二要乙；五要丙；六要丁；九要戊。',
    expected: ['sequence-gap@1:9', 'sequence-gap@1:17'],
    fixed: '一要甲；二要乙；三要丙；四要丁；五要戊。',
  },
  {
    name: 'a hole right after the first item',
    text: '一要甲；三要乙；四要丙。',
    expected: ['sequence-gap@1:5'],
    fixed: '一要甲；二要乙；三要丙。',
  },
  {
    name: 'a gap after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，一要加强领导；二要压实责任；四要强化保障。',
    expected: ['sequence-gap@1:22'],
    fixed: '𠀀𠀀强调，一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'a gap in paragraphs with CRLF line endings',
    text: crlf('一要加强领导。', '', '二要压实责任。', '', '四要强化保障。', ''),
    expected: ['sequence-gap@5:1'],
    fixed: crlf('一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
  },
  {
    name: 'a gap in a Markdown list with CRLF line endings',
    text: crlf('1. 甲。', '2. 乙。', '4. 丙。', ''),
    expected: ['sequence-gap@3:1'],
    fixed: crlf('1. 甲。', '2. 乙。', '3. 丙。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  describe('severity', () => {
    const text = '一要加强领导；二要压实责任；四要强化保障。';

    it('is an error by default', () => {
      assert.deepEqual(
        findingsOf(text, RULE).map((f) => f.severity),
        ['error'],
      );
    });

    it('takes the severity set in options.rules', () => {
      assert.deepEqual(
        findingsOf(text, RULE, { rules: { [RULE]: 'warning' } }).map((f) => f.severity),
        ['warning'],
      );
    });

    it('reports nothing when set to off, and leaves the other rules alone', () => {
      const off = { rules: { [RULE]: 'off' as const } };
      assert.deepEqual(findingKeys(text, off, RULE), []);
      const mixed = '一要加强领导；二是压实责任；四要强化保障。';
      assert.deepEqual(findingKeys(mixed, off), ['mixed-style@1:8']);
    });
  });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // 𠀀 (U+20000, CJK Ext. B) is a CJK character like 乡 in 祝楼乡一要…, so 一要 may
    // follow it with no punctuation (ANNOTATION.md §4). The engine only looks at the
    // BMP, so it drops 一要 and its renumbering fix writes 一要 二要 over 二要 四要,
    // creating a second 一要.
    it('fixes a gap after a first 一要 that follows an astral CJK subject with no punctuation', () => {
      assertFix(RULE, {
        name: 'astral subject',
        text: '祝楼𠀀一要加强领导；二要压实责任；四要强化保障。',
        expected: ['sequence-gap@1:19'],
        fixed: '祝楼𠀀一要加强领导；二要压实责任；三要强化保障。',
      });
    });
  });
});
