// uncovered-item: an item of the checked enumeration that covers no measure of
// the schema. Off by default: drafts often add items of their own.
import type { Rule } from './rule.js';

export const uncoveredItem: Rule = {
  meta: {
    id: 'uncovered-item',
    defaultSeverity: 'info',
    enabledByDefault: false,
    needsSchema: true,
    fixable: false,
    description: { zh: '条目不对应清单中的任何措施（默认关闭）', en: 'An item covers no measure of the schema (off by default)' },
  },
  check(ctx) {
    const coverage = ctx.coverage!;
    if (!coverage.measures.length) return;
    for (const it of coverage.items) {
      if (it.bestScore >= coverage.threshold) continue;
      ctx.report({
        message: {
          zh: `${it.item.marker}“${it.item.title}”不对应清单${coverage.schemaTitle ? `“${coverage.schemaTitle}”` : ''}中的任何措施`,
          en: `${it.item.marker} "${it.item.title}" covers no measure of the schema${coverage.schemaId ? ` ${coverage.schemaId}` : ''}`,
        },
        range: it.item.range,
      });
    }
  },
};
