import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';
import { withSchema } from '../../schema-helpers.js';

const RULE = 'measure-order';

const measures = `
measures:
  - { id: a, title: 加强形势研判, any: [形势研判] }
  - { id: b, title: 加强核酸检测, any: [核酸检测] }
  - { id: c, title: 强化应急处置, any: [应急处置] }
  - { id: d, title: 强化心理疏导, any: [心理疏导] }
`;
const STRICT = withSchema(`order: strict\n${measures}`);
const FREE = withSchema(`order: free\n${measures}`);

const items = (...heads: string[]) => joinLines(...heads.flatMap((h, k) => [`${'一二三四五六'[k]}要${h}。`, '']));
const inOrder = items('加强形势研判', '加强核酸检测', '强化应急处置', '强化心理疏导');

const valid: ValidCase[] = [
  { name: 'measures in the schema’s order', text: inOrder, options: STRICT },
  { name: 'measures out of order when the schema says order: free', text: items('强化应急处置', '加强核酸检测', '加强形势研判', '强化心理疏导'), options: FREE },
  { name: 'two measures merged in one item, in order', text: items('加强形势研判', '加强核酸检测和应急处置', '强化心理疏导'), options: STRICT },
  { name: 'a missing measure, the rest in order (missing-measure reports it)', text: items('加强形势研判', '强化应急处置', '强化心理疏导'), options: STRICT },
  { name: 'extra items between the measures', text: items('加强形势研判', '压实责任', '加强核酸检测', '强化应急处置', '强化保障', '强化心理疏导'), options: STRICT },
];

const invalid: InvalidCase[] = [
  {
    name: 'two adjacent measures swapped, once',
    text: items('加强形势研判', '强化应急处置', '加强核酸检测', '强化心理疏导'),
    expected: ['measure-order@3:1'],
    options: STRICT,
  },
  {
    name: 'the first measure moved to the end, once (not every item after it)',
    text: items('加强核酸检测', '强化应急处置', '强化心理疏导', '加强形势研判'),
    expected: ['measure-order@7:1'],
    options: STRICT,
  },
  {
    name: 'the last measure moved to the front, once',
    text: items('强化心理疏导', '加强形势研判', '加强核酸检测', '强化应急处置'),
    expected: ['measure-order@1:1'],
    options: STRICT,
  },
  {
    name: 'a reversed draft (all but one reported)',
    text: items('强化心理疏导', '强化应急处置', '加强核酸检测', '加强形势研判'),
    expected: ['measure-order@1:1', 'measure-order@3:1', 'measure-order@5:1'],
    options: STRICT,
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('names the measure it should follow, or precede', () => {
    const [after] = findingsOf(items('加强形势研判', '强化应急处置', '加强核酸检测', '强化心理疏导'), RULE, STRICT);
    assert.equal(after.message.zh, '措施顺序与清单不一致：二要“强化应急处置”（c）按清单应在三要“加强核酸检测”（b）之后');
    assert.equal(after.related?.[0].range.start.line, 4);
    const [before] = findingsOf(items('强化心理疏导', '加强形势研判', '加强核酸检测', '强化应急处置'), RULE, STRICT);
    assert.equal(before.message.en, 'Out of schema order: 一要 "强化心理疏导" (d) should come after 四要 "强化应急处置" (c)');
  });

  it('is a warning by default', () => {
    assert.deepEqual(findingsOf(items('加强形势研判', '强化应急处置', '加强核酸检测', '强化心理疏导'), RULE, STRICT).map((f) => f.severity), ['warning']);
  });
});
