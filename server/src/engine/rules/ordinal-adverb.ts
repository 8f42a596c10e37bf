// ordinal-adverb: 首先 / 其次 / 再次 / 然后 / 最后 used out of order:
// 最后 that is not last, 其次 before 首先, 再次 before 其次.
import type { Rule } from './rule.js';

const FIXED: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };

export const ordinalAdverb: Rule = {
  meta: {
    id: 'ordinal-adverb',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '“首先、其次、最后”等次序词用错位置', en: 'Ordinal adverbs (首先, 其次, 最后) out of order' },
  },
  check(ctx) {
    for (const e of ctx.enumerations) {
      if (!e.stylesUsed.includes('首先其次')) continue;
      const items = e.items;
      items.forEach((item, k) => {
        if (item.marker === '最后' && k < items.length - 1) {
          ctx.report({
            message: { zh: `“最后”之后还有“${items[k + 1].marker}”，“最后”应放在末项`, en: `"最后" (finally) is followed by "${items[k + 1].marker}"; it should open the last item` },
            range: item.range,
            related: [{ range: items[k + 1].range, message: { zh: '其后的项', en: 'a later item' } }],
          });
        }
        const rank = FIXED[item.marker];
        if (rank === undefined) return;
        const earlier = items.slice(0, k).find((i) => (FIXED[i.marker] ?? 0) > rank);
        if (earlier) {
          ctx.report({
            message: { zh: `“${item.marker}”出现在“${earlier.marker}”之后，次序颠倒`, en: `"${item.marker}" comes after "${earlier.marker}": the order is reversed` },
            range: item.range,
            related: [{ range: earlier.range, message: { zh: '次序在后的词', en: 'the later ordinal' } }],
          });
        }
      });
    }
  },
};
