import assert from 'node:assert/strict';
import { findingsOf, joinLines } from '../../helpers.js';
import { ruleTests, type InvalidCase, type ValidCase } from './rule-tester.js';
import { withSchema } from '../../schema-helpers.js';

const RULE = 'item-count';

const measures = `
measures:
  - { id: lead, title: 加强领导, any: [领导] }
`;
const MAX3 = withSchema(`max-items: 3${measures}`);
const MIN3 = withSchema(`min-items: 3${measures}`);
const RANGE = withSchema(`min-items: 2\nmax-items: 3${measures}`);

const valid: ValidCase[] = [
  { name: 'three items under max-items: 3', text: '一要加强领导；二要压实责任；三要强化保障。', options: MAX3 },
  { name: 'three items over min-items: 3', text: '一要加强领导；二要压实责任；三要强化保障。', options: MIN3 },
  { name: 'two items in the range 2–3', text: '一要加强领导；二要压实责任。', options: RANGE },
  { name: 'any count when the schema sets no range', text: '一要加强领导；二要压实责任；三要强化保障；四要严格考核。', options: withSchema(measures) },
];

const invalid: InvalidCase[] = [
  { name: 'four items over max-items: 3', text: '一要加强领导；二要压实责任；三要强化保障；四要严格考核。', expected: ['item-count@1:1'], options: MAX3 },
  { name: 'two items under min-items: 3', text: '一要加强领导；二要压实责任。', expected: ['item-count@1:1'], options: MIN3 },
  {
    name: 'too few items, at the announcement',
    text: joinLines('会议强调，重点抓好两个方面工作。', '', '一要加强领导。', '', '二要压实责任。', ''),
    expected: ['item-count@1:10'],
    options: MIN3,
  },
  { name: 'a draft with no enumeration under min-items', text: '会议要求加强领导。', expected: ['item-count@1:1'], options: MIN3 },
];

describe(RULE, () => {
  ruleTests(RULE, { valid, invalid, fixable: false });

  it('says how many items there are and the limit, as a warning', () => {
    const [f] = findingsOf('一要加强领导；二要压实责任；三要强化保障；四要严格考核。', RULE, MAX3);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message.zh, '条目数为 4，多于清单允许的至多 3 项');
    assert.equal(f.message.en, "4 items, more than the schema's maximum of 3");
  });
});
