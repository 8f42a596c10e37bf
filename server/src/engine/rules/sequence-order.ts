// sequence-order: 三要 before 二要.
import { articleRun, isSequenceChecked, renumberFix, type Rule } from './rule.js';

export const sequenceOrder: Rule = {
  meta: {
    id: 'sequence-order',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '编号顺序颠倒（三要在二要之前）', en: 'Numbers out of order (三要 before 二要)' },
  },
  check(ctx) {
    const lists = ctx.enumerations.filter(isSequenceChecked).map((e) => ({ items: e.items, fix: () => renumberFix(ctx, e) }));
    // Articles are numbered through the whole regulation, across chapters.
    lists.push(articleRun(ctx));
    for (const { items, fix } of lists) {
      const seen = new Set<number>();
      items.forEach((item, k) => {
        const repeated = seen.has(item.n);
        seen.add(item.n);
        if (k === 0) return;
        const prev = items[k - 1];
        if (item.n >= prev.n || repeated) return;
        ctx.report({
          message: {
            zh: `编号顺序颠倒：“${item.marker}”出现在“${prev.marker}”之后`,
            en: `Out of order: "${item.marker}" comes after "${prev.marker}"`,
          },
          range: item.range,
          related: [{ range: prev.range, message: { zh: '编号更大的前一项', en: 'the previous, higher-numbered item' } }],
          fix: fix(),
        });
      });
    }
  },
};
