import { joinLines } from '../../helpers.js';
import { assertFix, crlf, ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

const RULE = 'announced-count';

const valid: ValidCase[] = [
  { name: '三点意见 followed on the same line by three N要 items', text: '会议提出三点意见：一要加强领导；二要压实责任；三要强化保障。' },
  { name: '“四个到位” followed by four N是 items', text: '做到“四个到位”：一是责任到位；二是措施到位；三是保障到位；四是宣传到位。' },
  {
    name: '十个方面工作 followed by ten N要 paragraphs',
    text: joinLines(
      '重点抓好十个方面工作。',
      '',
      ...['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].flatMap((n) => [`${n}要抓好重点工作。`, '']),
    ),
  },
  { name: '以下三点要求 followed by a three-item Markdown list', text: joinLines('提出以下三点要求：', '', '1. 甲。', '2. 乙。', '3. 丙。', '') },
  {
    name: 'a count in the title that matches the first enumeration',
    text: joinLines('# 关于做好防汛工作的两点意见', '', '## 一、压实责任', '', '内容。', '', '## 二、排查隐患', '', '内容。', ''),
  },
  { name: 'an announcement without a number (几点意见)', text: '会议提出以下几点意见：一要加强领导；二要压实责任。' },
  { name: 'a slogan (“三严三实”) that is not a count', text: '坚持“三严三实”：一要加强领导；二要压实责任。' },
  {
    name: 'an announcement separated from the enumeration by a paragraph of prose',
    text: joinLines('会议提出四点意见。', '', '随后讨论了其他事项。', '', '一要加强领导；二要压实责任；三要强化保障。', ''),
  },
  { name: 'a matching count after an astral character (𠀀)', text: '𠀀会议提出三点意见：一要加强领导；二要压实责任；三要强化保障。' },
  { name: 'a matching count with CRLF line endings', text: crlf('会议提出三点意见：', '', '一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', '') },
];

const invalid: InvalidCase[] = [
  {
    name: '四点意见 followed on the same line by three N要 items, at the phrase',
    text: '会议提出四点意见：一要加强领导；二要压实责任；三要强化保障。',
    expected: ['announced-count@1:5'],
    fixed: '会议提出三点意见：一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: '十个方面工作 followed by three N要 items at the start of the next non-blank line',
    text: joinLines('重点抓好十个方面工作。', '', '一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
    expected: ['announced-count@1:5'],
    fixed: joinLines('重点抓好三个方面工作。', '', '一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
  },
  {
    name: '四点意见 followed by items on the very next line',
    text: joinLines('会议提出四点意见，', '一要加强领导；二要压实责任；三要强化保障。', ''),
    expected: ['announced-count@1:5'],
    fixed: joinLines('会议提出三点意见，', '一要加强领导；二要压实责任；三要强化保障。', ''),
  },
  {
    name: '以下五点要求 followed by a three-item Markdown list',
    text: joinLines('提出以下五点要求：', '', '1. 甲。', '2. 乙。', '3. 丙。', ''),
    expected: ['announced-count@1:3'],
    fixed: joinLines('提出以下三点要求：', '', '1. 甲。', '2. 乙。', '3. 丙。', ''),
  },
  {
    name: '“五个到位” followed by four N是 items, at the opening quotation mark',
    text: '做到“五个到位”：一是责任到位；二是措施到位；三是保障到位；四是宣传到位。',
    expected: ['announced-count@1:3'],
    fixed: '做到“四个到位”：一是责任到位；二是措施到位；三是保障到位；四是宣传到位。',
  },
  {
    name: '两点意见 followed by three items',
    text: '会议提出两点意见：一要加强领导；二要压实责任；三要强化保障。',
    expected: ['announced-count@1:5'],
    fixed: '会议提出三点意见：一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'an Arabic count (6个方面工作), fixed in Arabic numerals',
    text: '重点抓好6个方面工作：一要甲；二要乙；三要丙。',
    expected: ['announced-count@1:5'],
    fixed: '重点抓好3个方面工作：一要甲；二要乙；三要丙。',
  },
  {
    name: 'a full-width Arabic count (６个方面工作), fixed in full-width numerals',
    text: '重点抓好６个方面工作：一要甲；二要乙；三要丙。',
    expected: ['announced-count@1:5'],
    fixed: '重点抓好３个方面工作：一要甲；二要乙；三要丙。',
  },
  {
    name: '十一项措施 followed by ten N是 items',
    text: '会议提出十一项措施：一是甲；二是乙；三是丙；四是丁；五是戊；六是己；七是庚；八是辛；九是壬；十是癸。',
    expected: ['announced-count@1:5'],
    fixed: '会议提出十项措施：一是甲；二是乙；三是丙；四是丁；五是戊；六是己；七是庚；八是辛；九是壬；十是癸。',
  },
  {
    name: 'a count in the H1 title that differs from the first enumeration',
    text: joinLines('# 关于做好防汛工作的四点意见', '', '## 一、压实责任', '', '内容。', '', '## 二、排查隐患', '', '内容。', '', '## 三、应急值守', '', '内容。', ''),
    expected: ['announced-count@1:12'],
    fixed: joinLines('# 关于做好防汛工作的三点意见', '', '## 一、压实责任', '', '内容。', '', '## 二、排查隐患', '', '内容。', '', '## 三、应急值守', '', '内容。', ''),
  },
  {
    name: 'a mismatch after an astral character (𠀀), with the column in UTF-16 code units',
    text: '𠀀会议提出四点意见：一要加强领导；二要压实责任；三要强化保障。',
    expected: ['announced-count@1:7'],
    fixed: '𠀀会议提出三点意见：一要加强领导；二要压实责任；三要强化保障。',
  },
  {
    name: 'a mismatch with CRLF line endings',
    text: crlf('会议提出四点意见：', '', '一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
    expected: ['announced-count@1:5'],
    fixed: crlf('会议提出三点意见：', '', '一要加强领导。', '', '二要压实责任。', '', '三要强化保障。', ''),
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: true });

  describe('regressions (engine bugs found by these tests, fixed)', () => {
    // Before a measure word (点, 个, 项) two is written 两, not 二: the fix writes
    // 二点意见 / 二个方面 / 以下二点要求, which no editor would accept.
    it('writes 两 when the fix changes 三点意见 to two', () => {
      assertFix(RULE, {
        name: '两点',
        text: '会议提出三点意见：一要加强领导；二要压实责任。',
        expected: ['announced-count@1:5'],
        fixed: '会议提出两点意见：一要加强领导；二要压实责任。',
      });
    });

    it('writes 两 when the fix changes 三个方面工作 to two', () => {
      assertFix(RULE, {
        name: '两个',
        text: '重点抓好三个方面工作：一要加强领导；二要压实责任。',
        expected: ['announced-count@1:5'],
        fixed: '重点抓好两个方面工作：一要加强领导；二要压实责任。',
      });
    });

    it('writes 两 when the fix changes 以下三点要求 to two', () => {
      assertFix(RULE, {
        name: '以下两点',
        text: joinLines('提出以下三点要求：', '', '1. 甲。', '2. 乙。', ''),
        expected: ['announced-count@1:3'],
        fixed: joinLines('提出以下两点要求：', '', '1. 甲。', '2. 乙。', ''),
      });
    });
  });
});
