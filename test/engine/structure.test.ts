// Recognition and nesting on small texts: markers at boundaries only, sequence
// sense, hierarchy, and positions in UTF-16 code units. Each case is data:
// input text → the enumerations (depth first) and the findings.
import assert from 'node:assert/strict';
import { analyze } from 'gongwen-server';
import { findingKeys, joinLines, outlineSummary } from '../helpers.js';

interface Case {
  name: string;
  text: string;
  outline: string;
  findings?: string[];
}

const cases: Case[] = [
  // Ordinary words that contain a marker are prose.
  { name: '统一是 is not 一是', text: '思想统一是前提，二是要落实。', outline: '' },
  { name: '进一步要 is not 一要', text: '要进一步要求各地。二要落实。', outline: '' },
  { name: '第一时间 is not 第一', text: '会议要求，第一时间报告，第二时间处理。', outline: '' },
  { name: '第一责任人 and 第一书记 are not markers', text: '落实第一责任人责任，第一书记要到位。', outline: '' },
  { name: '一是一、二是二 is an idiom', text: '做到一是一、二是二，实事求是。', outline: '' },
  { name: 'a numeral list 一、二、三级 is not an enumeration', text: '分为一、二、三级。', outline: '' },
  { name: 'a lone 一是 is prose', text: '会议强调，一是要提高认识。', outline: '' },
  { name: '首先要 mid-sentence with a later 最后 is discourse', text: '首先要统一思想。最后，狠抓落实。', outline: '' },
  { name: 'an N是 list may follow its subject with no punctuation', text: '祝楼乡一是做好宣传；二是做好交通安全工作。', outline: 'E1 N是: 一是 二是' },
  // Styles.
  { name: '首先，其次，最后', text: '首先，统一思想。其次，加强领导。最后，狠抓落实。', outline: 'E1 首先其次: 首先 其次 最后' },
  { name: '第一，第二，第三', text: '第一，统一思想。第二，加强领导。第三，狠抓落实。', outline: 'E1 第N: 第一 第二 第三' },
  { name: '一抓 二抓 三抓 (a configurable suffix)', text: '一抓思想；二抓作风；三抓落实。', outline: 'E1 N抓: 一抓 二抓 三抓' },
  { name: 'circled numbers', text: '① 第一项；② 第二项；③ 第三项。', outline: 'E1 ①: ① ② ③' },
  { name: 'formal numerals', text: joinLines('壹、总则', '', '贰、分则'), outline: 'E1 N、: 壹、 贰、' },
  { name: 'Markdown ordered list items are read from the source', text: joinLines('1. 第一项', '2. 第二项', '4. 第四项'), outline: 'E1 1.: 1. 2. 4.', findings: ['sequence-gap@3:1'] },
  { name: 'markers in bold headings', text: joinLines('## **一、总体要求**', '', '正文。', '', '## **二、主要任务**', '', '正文。'), outline: 'E1 N、: 一、 二、' },
  { name: 'markers in bullet list items', text: joinLines('- （一）甲；', '- （二）乙。'), outline: 'E1 （N）: （一） （二）', findings: ['hierarchy-skip@1:3'] },
  { name: 'markers in a blockquote', text: joinLines('> 一要统一思想。', '>', '> 二要加强领导。'), outline: 'E1 N要: 一要 二要' },
  { name: 'no markers in code', text: joinLines('```', '一要甲', '二要乙', '```'), outline: '' },
  { name: 'no markers in inline code', text: '见 `一要甲；二要乙` 示例。', outline: '' },
  // Mistakes.
  { name: 'mixed 首先 … 第二 … 第三', text: '首先，统一思想。第二，加强领导。第三，狠抓落实。', outline: 'E1 mixed: 首先 第二 第三', findings: ['mixed-style@1:1'] },
  { name: 'mixed full- and half-width brackets', text: '（1）甲；（2）乙；(3)丙。', outline: 'E1 （1）: （1） （2） (3)', findings: ['mixed-style@1:11'] },
  { name: 'a gap inline', text: '一要统一思想；二要加强领导；四要狠抓落实。', outline: 'E1 N要: 一要 二要 四要', findings: ['sequence-gap@1:15'] },
  { name: 'an empty item', text: joinLines('一是加强学习。', '', '二是深入调研。', '', '三是', '', '四是狠抓落实。'), outline: 'E1 N是: 一是 二是 三是 四是', findings: ['empty-item@5:1'] },
  { name: 'an empty heading item', text: joinLines('## 一、', '', '## 二、加强领导'), outline: 'E1 N、: 一、 二、', findings: ['empty-item@1:4'] },
  { name: '其次 before 首先', text: '其次，加强领导。首先，统一思想。再次，狠抓落实。', outline: 'E1 首先其次: 其次 首先 再次', findings: ['ordinal-adverb@1:9'] },
  { name: '最后 not last', text: '首先，统一思想。最后，加强领导。其次，狠抓落实。', outline: 'E1 首先其次: 首先 最后 其次', findings: ['ordinal-adverb@1:9'] },
  // Hierarchy.
  {
    name: 'GB/T levels nest 一、 › （一）, and each （一） list restarts under its 一、',
    text: joinLines('一、总体要求', '', '（一）指导思想', '', '（二）基本原则', '', '二、主要任务', '', '（一）任务一', '', '（二）任务二'),
    outline: 'E1 N、: 一、 二、 | E1.1 （N）: （一） （二） | E1.2 （N）: （一） （二）',
  },
  {
    name: '1. directly under 一、 is a skip when the document also has （一）',
    text: joinLines('一、总体要求', '', '1.指导思想', '', '2.基本原则', '', '二、主要任务', '', '（一）任务一', '', '（二）任务二'),
    outline: 'E1 N、: 一、 二、 | E1.1 1.: 1. 2. | E1.2 （N）: （一） （二）',
    findings: ['hierarchy-skip@3:1'],
  },
  {
    name: 'an inline enumeration nests inside the item whose paragraph holds it',
    text: joinLines('一要统一思想，一是加强学习，二是深入调研。', '', '二要加强领导。'),
    outline: 'E1 N要: 一要 二要 | E1.1 N是: 一是 二是',
  },
  {
    name: 'headings nest items under the heading item',
    text: joinLines('# 标题', '', '## 一、总体要求', '', '### （一）指导思想', '', '正文。', '', '### （二）基本原则', '', '## 二、主要任务', '', '正文。'),
    outline: 'E1 N、: 一、 二、 | E1.1 （N）: （一） （二）',
  },
  {
    name: 'articles run on through chapters; each chapter holds its own articles',
    text: joinLines('## 第一章 总则', '', '第一条 甲。', '', '第二条 乙。', '', '## 第二章 附则', '', '第三条 丙。', '', '第四条 丁。'),
    outline: 'E1 第N章: 第一章 第二章 | E1.1 第N条: 第一条 第二条 | E1.2 第N条: 第三条 第四条',
  },
  {
    name: 'a cross-reference to an article is not a marker',
    text: joinLines('第一条 依照本办法第五条规定执行。', '', '第二条 本办法自发布之日起施行。'),
    outline: 'E1 第N条: 第一条 第二条',
  },
];

describe('structure recognition', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(outlineSummary(c.text), c.outline);
      assert.deepEqual(findingKeys(c.text), c.findings ?? []);
    });
  }

  it('reports positions in UTF-16 code units, astral characters counting two', () => {
    const r = analyze('𠀀𠀀，一要统一思想；二要加强领导。');
    const [a, b] = r.enumerations[0].items;
    assert.deepEqual(a.range.start, { line: 0, character: 5, offset: 5 });
    assert.deepEqual(a.range.end, { line: 0, character: 7, offset: 7 });
    assert.equal(b.range.start.character, 12);
  });

  it('counts lines across CRLF, LF and CR line breaks', () => {
    const r = analyze('前言。\r\n\r\n一要甲。\r\r二要乙。\n\n三要丙。');
    assert.deepEqual(r.enumerations[0].items.map((i) => [i.range.start.line, i.range.start.character]), [[2, 0], [4, 0], [6, 0]]);
  });

  it('uses configured suffixes instead of the defaults', () => {
    const text = '一看思想；二看作风。一要甲；二要乙。';
    assert.equal(outlineSummary(text), 'E1 N要: 一要 二要');
    assert.equal(outlineSummary(text, { suffixes: ['看'] }), 'E1 N看: 一看 二看');
  });

  it('skips front matter', () => {
    const text = joinLines('---', 'title: 一要 二要', '---', '', '一要甲。', '', '二要乙。');
    const r = analyze(text);
    assert.equal(outlineSummary(text), 'E1 N要: 一要 二要');
    assert.equal(r.bodyStart, text.indexOf('---', 3) + 3);
  });

  it('returns headings as sections with their extent', () => {
    const r = analyze(joinLines('# 标题', '', '## 一、甲', '', '正文。', '', '## 二、乙', '', '正文。'));
    assert.deepEqual(
      r.headings.map((h) => [h.depth, h.text, h.range.start.line, h.sectionEnd.line, h.item?.marker]),
      [
        [1, '标题', 0, 8, undefined],
        [2, '一、甲', 2, 4, '一、'],
        [2, '二、乙', 6, 8, '二、'],
      ],
    );
  });
});
