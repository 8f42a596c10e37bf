import { joinLines } from '../../helpers.js';
import { crlf, ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

const RULE = 'empty-item';

const valid: ValidCase[] = [
  { name: 'inline N要 items that all have text', text: '一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'N要 paragraphs that all have text', text: joinLines('一要加强领导。', '', '二要压实责任。', '') },
  { name: 'bold markers followed by text', text: joinLines('**一要**加强领导。', '', '**二要**压实责任。', '') },
  { name: 'Markdown list items that all have text', text: joinLines('1. 甲', '2. 乙', '') },
  { name: 'a marker-only heading with body text under it', text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、', '', '内容。', '', '## 三、保障措施', '', '内容。', '') },
  {
    name: 'a marker-only heading with a child enumeration under it',
    text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、', '', '（一）甲。', '', '（二）乙。', ''),
  },
  { name: 'articles that all have text', text: joinLines('# 某市管理办法', '', '## 第一章 总则', '', '第一条 甲。', '', '第二条 乙。', '') },
  { name: 'items with text after an astral character (𠀀)', text: '𠀀𠀀强调，一要加强领导；二要压实责任。' },
  { name: 'paragraphs with text and CRLF line endings', text: crlf('一要加强领导。', '', '二要压实责任。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: 'an N要 paragraph holding only its marker',
    text: joinLines('一要加强领导。', '', '二要', '', '三要强化保障。', ''),
    expected: ['empty-item@3:1'],
  },
  {
    name: 'an inline 二要 with nothing before the next item',
    text: '一要加强领导；二要；三要强化保障。',
    expected: ['empty-item@1:8'],
  },
  {
    name: 'an inline 二要 followed only by punctuation',
    text: '一要加强领导；二要：；三要强化保障。',
    expected: ['empty-item@1:8'],
  },
  {
    name: 'a last 三是 followed only by a full stop',
    text: '一是甲；二是乙；三是。',
    expected: ['empty-item@1:9'],
  },
  {
    name: 'a last 三是 at the end of the text',
    text: '一是甲；二是乙；三是',
    expected: ['empty-item@1:9'],
  },
  {
    name: 'an inline 第二 followed only by punctuation',
    text: '第一，甲；第二，；第三，丙。',
    expected: ['empty-item@1:6'],
  },
  {
    name: 'a （二） paragraph holding only its marker',
    text: joinLines('（一）甲。', '', '（二）', '', '（三）丙。', ''),
    expected: ['empty-item@3:1'],
  },
  {
    name: 'a `## 二、` heading with no title and no body, at the marker after the heading prefix',
    text: joinLines('## 一、总体要求', '', '内容。', '', '## 二、', '', '## 三、保障措施', '', '内容。', ''),
    expected: ['empty-item@5:4'],
  },
  {
    name: 'an empty Markdown list item `2.`',
    text: joinLines('1. 甲。', '2.', '3. 丙。', ''),
    expected: ['empty-item@2:1'],
  },
  {
    name: 'an empty Markdown list item `2. ` with a trailing space',
    text: joinLines('1. 甲。', '2. ', '3. 丙。', ''),
    expected: ['empty-item@2:1'],
  },
  {
    name: 'a `2.` paragraph holding only its marker',
    text: joinLines('1.甲。', '', '2.', '', '3.丙。', ''),
    expected: ['empty-item@3:1'],
  },
  {
    name: 'an inline ② with nothing before the next item',
    text: '①甲；②；③丙。',
    expected: ['empty-item@1:4'],
  },
  {
    name: 'a bold marker with nothing after it',
    text: joinLines('**一要**加强领导。', '', '**二要**', '', '**三要**强化保障。', ''),
    expected: ['empty-item@3:3'],
  },
  {
    name: 'an article with no text',
    text: joinLines('# 某市管理办法', '', '## 第一章 总则', '', '第一条', '', '第二条 其他。', ''),
    expected: ['empty-item@5:1'],
  },
  {
    name: 'an empty item after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀𠀀强调，一要加强领导；二要；三要强化保障。',
    expected: ['empty-item@1:15'],
  },
  {
    name: 'an empty paragraph item with CRLF line endings',
    text: crlf('一要加强领导。', '', '二要', '', '三要强化保障。', ''),
    expected: ['empty-item@3:1'],
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });
});
