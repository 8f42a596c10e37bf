// The explicit list of rules. A meta-test checks that each has a doc page,
// tests and a row in the README.
import type { Rule } from './rule.js';
import { sequenceGap } from './sequence-gap.js';
import { sequenceDuplicate } from './sequence-duplicate.js';
import { sequenceOrder } from './sequence-order.js';
import { sequenceStart } from './sequence-start.js';
import { announcedCount } from './announced-count.js';
import { mixedStyle } from './mixed-style.js';
import { hierarchySkip } from './hierarchy-skip.js';
import { emptyItem } from './empty-item.js';
import { ordinalAdverb } from './ordinal-adverb.js';
import { missingMeasure } from './missing-measure.js';
import { measureOrder } from './measure-order.js';
import { duplicateMeasure } from './duplicate-measure.js';
import { uncoveredItem } from './uncovered-item.js';
import { itemCount } from './item-count.js';
import { unknownRuleInComment } from './unknown-rule-in-comment.js';

export const RULES: readonly Rule[] = [
  sequenceGap,
  sequenceDuplicate,
  sequenceOrder,
  sequenceStart,
  announcedCount,
  mixedStyle,
  hierarchySkip,
  emptyItem,
  ordinalAdverb,
  missingMeasure,
  measureOrder,
  duplicateMeasure,
  uncoveredItem,
  itemCount,
  unknownRuleInComment,
];

export type { Rule, RuleMeta, RuleContext } from './rule.js';
