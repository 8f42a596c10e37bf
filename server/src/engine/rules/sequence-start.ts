// sequence-start: an enumeration that starts at 二. Not for articles, which
// continue their numbering into each chapter.
import { isSequenceChecked, renumberFix, type Rule } from './rule.js';

export const sequenceStart: Rule = {
  meta: {
    id: 'sequence-start',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '列举不从“一”开始', en: 'An enumeration does not start at one' },
  },
  check(ctx) {
    for (const e of ctx.enumerations) {
      const first = e.items[0];
      if (!isSequenceChecked(e) || first.n === 1) continue;
      ctx.report({
        message: {
          zh: `列举从“${first.marker}”开始，而不是从第一项开始`,
          en: `The enumeration starts at "${first.marker}" instead of at one`,
        },
        range: first.range,
        fix: renumberFix(ctx, e),
      });
    }
  },
};
