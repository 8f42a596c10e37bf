// item-count: the checked enumeration has fewer items than the schema's
// `min-items` or more than its `max-items`.
import type { Rule } from './rule.js';
import { enumerationAnchor } from './schema-util.js';

export const itemCount: Rule = {
  meta: {
    id: 'item-count',
    defaultSeverity: 'warning',
    needsSchema: true,
    fixable: false,
    description: { zh: '条目数超出清单规定的范围（min-items、max-items）', en: 'The number of items is outside the schema’s min-items/max-items' },
  },
  check(ctx) {
    const coverage = ctx.coverage!;
    const schema = ctx.schema!;
    const n = coverage.enumeration?.itemCount ?? 0;
    const { minItems, maxItems } = schema;
    const range = enumerationAnchor(ctx, coverage);
    if (typeof minItems === 'number' && n < minItems) {
      ctx.report({
        message: { zh: `条目数为 ${n}，少于清单要求的至少 ${minItems} 项`, en: `${n} items, fewer than the schema's minimum of ${minItems}` },
        range,
      });
    }
    if (typeof maxItems === 'number' && n > maxItems) {
      ctx.report({
        message: { zh: `条目数为 ${n}，多于清单允许的至多 ${maxItems} 项`, en: `${n} items, more than the schema's maximum of ${maxItems}` },
        range,
      });
    }
  },
};
