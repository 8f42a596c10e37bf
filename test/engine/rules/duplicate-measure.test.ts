import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';
import { withSchema } from '../../schema-helpers.js';

const RULE = 'duplicate-measure';

const SCHEMA = withSchema(`
measures:
  - { id: situation, title: 加强形势研判, any: [形势研判, 底线意识] }
  - { id: testing, title: 加强核酸检测, any: [核酸检测, 抗原] }
`);

const valid: ValidCase[] = [
  {
    name: 'each measure in one item',
    text: joinLines('一要加强核酸检测。', '', '二要加强形势研判。', ''),
    options: SCHEMA,
  },
  {
    name: 'a second mention only in another item’s body',
    text: joinLines('一要加强核酸检测。', '', '二要加强形势研判。配合做好核酸检测。', ''),
    options: SCHEMA,
  },
  {
    name: 'a second head mention in an item that is mostly about another measure',
    text: joinLines('一要加强核酸检测，推广抗原筛查。', '', '二要加强形势研判，强化底线意识，统筹核酸检测。', ''),
    options: SCHEMA,
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'two items whose heads are both about testing, at the second',
    text: joinLines('一要加强核酸检测，强化源头预警。', '', '二要加强形势研判。', '', '三要做好核酸检测，加密抽测频次。', ''),
    expected: ['duplicate-measure@5:1'],
    options: SCHEMA,
  },
  {
    name: 'a duplicate before the covering item (the better one covers)',
    text: joinLines('一要做好核酸检测。', '', '二要加强核酸检测，推广抗原筛查。', '', '三要加强形势研判。', ''),
    expected: ['duplicate-measure@1:1'],
    options: SCHEMA,
  },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('is information by default, and points at the covering item', () => {
    const [f] = findingsOf(invalid[0].text, RULE, SCHEMA);
    assert.equal(f.severity, 'info');
    assert.equal(f.related?.[0].range.start.line, 0);
    assert.equal(f.message.zh, '三要与一要都在部署措施“加强核酸检测”（testing），可考虑合并');
  });
});
