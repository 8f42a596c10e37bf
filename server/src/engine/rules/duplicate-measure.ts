// duplicate-measure: two items of the draft are both about the same measure
// (the measure's keywords stand in both items' heads).
import type { Rule } from './rule.js';
import { measureName, measureNameEn } from './schema-util.js';

export const duplicateMeasure: Rule = {
  meta: {
    id: 'duplicate-measure',
    defaultSeverity: 'info',
    needsSchema: true,
    fixable: false,
    description: { zh: '同一措施由两个条目重复部署', en: 'Two items cover the same measure' },
  },
  check(ctx) {
    for (const m of ctx.coverage!.measures) {
      if (!m.item) continue;
      for (const d of m.duplicates) {
        ctx.report({
          message: {
            zh: `${d.marker}与${m.item.marker}都在部署措施${measureName(m)}，可考虑合并`,
            en: `${d.marker} and ${m.item.marker} both cover ${measureNameEn(m)}; consider merging them`,
          },
          range: d.range,
          related: [{ range: m.item.range, message: { zh: '覆盖该措施的条目', en: 'the item that covers the measure' } }],
        });
      }
    }
  },
};
