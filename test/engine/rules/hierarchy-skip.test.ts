import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { crlf, ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

const RULE = 'hierarchy-skip';
const strict = { ruleOptions: { [RULE]: { allowOneToThree: false } } };

/** A two-level document: 一、 headings with a 1. Markdown list under each. */
const twoLevels = joinLines('## 一、总体要求', '', '1. 甲。', '2. 乙。', '', '## 二、主要任务', '', '1. 丙。', '2. 丁。', '');

const valid: ValidCase[] = [
  {
    name: 'the full GB/T 9704 order 一、 › （一） › 1.',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '1.子一。', '', '2.子二。', '', '（二）乙。', '', '## 二、主要任务', '', '丁。', ''),
  },
  {
    name: '（一） under each 一、 heading',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
  },
  { name: 'a two-level document 一、 › 1. (list items), allowed by default', text: twoLevels },
  { name: 'a two-level document 一、 › 1. with allowOneToThree set to true', text: twoLevels, options: { ruleOptions: { [RULE]: { allowOneToThree: true } } } },
  {
    name: 'a two-level document 一、 › 1. (paragraphs without a space)',
    text: joinLines('一、总体要求', '', '1.甲。', '', '2.乙。', '', '二、主要任务', '', '1.丙。', '', '2.丁。', ''),
  },
  { name: 'circled numbers under 一、, which have no GB/T level to skip', text: joinLines('## 一、总体要求', '', '①甲；②乙。', '', '## 二、主要任务', '', '丁。', '') },
  {
    name: '（一） items under an article of a regulation',
    text: joinLines('# 某市管理办法', '', '## 第一章 总则', '', '第一条 规定如下：', '', '（一）甲；', '', '（二）乙。', '', '第二条 其他。', ''),
  },
  { name: 'a top-level Markdown list with no 一、 above it', text: joinLines('1. 甲。', '2. 乙。', '') },
  { name: 'N要 enumerations, which have no GB/T level', text: '一要加强领导；二要压实责任；三要强化保障。' },
  {
    name: 'a correct hierarchy with CRLF line endings',
    text: crlf('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a top-level （一） enumeration with no 一、 parent',
    text: joinLines('（一）加强领导。', '', '（二）压实责任。', ''),
    expected: ['hierarchy-skip@1:1'],
  },
  {
    name: 'a top-level half-width (一) enumeration with no 一、 parent',
    text: joinLines('(一)加强领导。', '', '(二)压实责任。', ''),
    expected: ['hierarchy-skip@1:1'],
  },
  {
    name: 'top-level `## （一）` headings, at the marker after the heading prefix',
    text: joinLines('## （一）甲', '', '内容。', '', '## （二）乙', '', '内容。', ''),
    expected: ['hierarchy-skip@1:4'],
  },
  {
    name: 'an inline top-level （一） enumeration after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀要求：（一）甲；（二）乙。',
    expected: ['hierarchy-skip@1:8'],
  },
  {
    name: '1. directly under 一、 in a document that uses （一） elsewhere',
    text: joinLines('## 一、总体要求', '', '1.甲。', '', '2.乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
    expected: ['hierarchy-skip@3:1'],
  },
  {
    name: '1. directly under the second 一、 when the first holds （一）',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '1.丙。', '', '2.丁。', ''),
    expected: ['hierarchy-skip@9:1'],
  },
  {
    name: '1. directly under a 一、 paragraph (not a heading) in a document that uses （一）',
    text: joinLines('一、总体要求', '', '1.甲。', '', '2.乙。', '', '二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
    expected: ['hierarchy-skip@3:1'],
  },
  {
    name: 'an inline 1. enumeration under 一、 after an astral character (𠀀), with the column in UTF-16 code units',
    text: joinLines('## 一、总体要求', '', '𠀀𠀀要求：1.甲；2.乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
    expected: ['hierarchy-skip@3:8'],
  },
  {
    name: '（1） directly under 一、, which skips two levels',
    text: joinLines('## 一、总体要求', '', '（1）甲。', '', '（2）乙。', '', '## 二、主要任务', '', '丁。', ''),
    expected: ['hierarchy-skip@3:1'],
  },
  {
    name: '（1） directly under the second 一、 when the first holds （一）',
    text: joinLines('## 一、总体要求', '', '（一）甲。', '', '（二）乙。', '', '## 二、主要任务', '', '（1）丙。', '', '（2）丁。', ''),
    expected: ['hierarchy-skip@9:1'],
  },
  {
    name: 'every 1. list under 一、 in a two-level document when allowOneToThree is false',
    text: twoLevels,
    options: strict,
    expected: ['hierarchy-skip@3:1', 'hierarchy-skip@8:1'],
  },
  {
    name: 'an inline 1. list under 一、 in a two-level document when allowOneToThree is false',
    text: joinLines('## 一、总体要求', '', '1.甲；2.乙。', '', '## 二、主要任务', '', '丙。', ''),
    options: strict,
    expected: ['hierarchy-skip@3:1'],
  },
  {
    name: '1. inside the third 一是 of an inline enumeration under the first of two 一、 headings (the parent is the 一、 item, not its third)',
    text: joinLines('## 一、总体要求', '', '各地要：一是甲；二是乙；三是丙，1.子一；2.子二。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
    expected: ['hierarchy-skip@3:17'],
  },
  {
    name: '1. directly under 一、 with CRLF line endings',
    text: crlf('## 一、总体要求', '', '1.甲。', '', '2.乙。', '', '## 二、主要任务', '', '（一）丙。', '', '（二）丁。', ''),
    expected: ['hierarchy-skip@3:1'],
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('is a hint and offers no fix', () => {
    const findings = findingsOf(joinLines('（一）加强领导。', '', '（二）压实责任。', ''), RULE);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.fix]),
      [['hint', undefined]],
    );
  });
});
