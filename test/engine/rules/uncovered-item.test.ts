import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';
import { schemaOf } from '../../schema-helpers.js';

const RULE = 'uncovered-item';

const schema = schemaOf(`
title: 校园疫情防控
measures:
  - { id: situation, title: 加强形势研判, any: [形势研判] }
  - { id: testing, title: 加强核酸检测, any: [核酸检测] }
`);
const ON = { schema, rules: { [RULE]: 'info' as const } };

const draft = joinLines('一要加强形势研判。', '', '二要加强核酸检测。', '', '三要丰富校园文化，开展读书活动。', '');

const valid: ValidCase[] = [
  { name: 'a draft with an extra item, when the rule is off (the default)', text: draft, options: { schema } },
  { name: 'a draft whose every item covers a measure', text: joinLines('一要加强形势研判。', '', '二要加强核酸检测。', ''), options: ON },
  { name: 'an item that covers a measure in its body only', text: joinLines('一要加强形势研判。', '', '二要强化源头预警。坚持常态化核酸检测。', ''), options: ON },
];

const invalid: InvalidCase[] = [
  { name: 'an item that covers no measure, when turned on', text: draft, expected: ['uncovered-item@5:1'], options: ON },
  {
    name: 'two items that cover nothing',
    text: joinLines('一要压实责任。', '', '二要加强核酸检测。', '', '三要强化保障。', ''),
    expected: ['uncovered-item@1:1', 'uncovered-item@5:1'],
    options: ON,
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('is off by default and takes the severity it is given', () => {
    assert.deepEqual(findingsOf(draft, RULE, { schema }), []);
    assert.deepEqual(findingsOf(draft, RULE, ON).map((f) => f.severity), ['info']);
    assert.deepEqual(findingsOf(draft, RULE, { schema, rules: { [RULE]: 'warning' } }).map((f) => f.severity), ['warning']);
  });

  it('names the item and the schema', () => {
    const [f] = findingsOf(draft, RULE, ON);
    assert.equal(f.message.zh, '三要“丰富校园文化，开展读书活动”不对应清单“校园疫情防控”中的任何措施');
  });
});
