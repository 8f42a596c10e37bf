// sequence-duplicate: two 二要 in one enumeration.
import { articleRun, isSequenceChecked, renumberFix, type Rule } from './rule.js';

export const sequenceDuplicate: Rule = {
  meta: {
    id: 'sequence-duplicate',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '同一列举中编号重复（两个“二要”）', en: 'A number appears twice in one enumeration' },
  },
  check(ctx) {
    const lists = ctx.enumerations.filter(isSequenceChecked).map((e) => ({ items: e.items, fix: () => renumberFix(ctx, e) }));
    lists.push(articleRun(ctx));
    for (const { items, fix } of lists) {
      const firstByN = new Map<number, (typeof items)[number]>();
      items.forEach((item) => {
        const first = firstByN.get(item.n);
        if (!first) {
          firstByN.set(item.n, item);
          return;
        }
        ctx.report({
          message: {
            zh: `编号重复：前面已有“${first.marker}”`,
            en: `Duplicate number: "${item.marker}" already appears earlier`,
          },
          range: item.range,
          related: [{ range: first.range, message: { zh: '第一次出现', en: 'first occurrence' } }],
          fix: fix(),
        });
      });
    }
  },
};
