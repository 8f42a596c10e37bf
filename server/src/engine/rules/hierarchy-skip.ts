// hierarchy-skip: GB/T 9704-2012 §7.3.3 numbers levels 一、 › （一） › 1. › （1）.
// A level may not be skipped: 1. directly under 一、 (allowed by default in a
// document that has only those two levels), or a （一） list at the top with no 一、.
import type { Enumeration } from '../types.js';
import { GBT_LEVEL } from '../markers.js';
import type { Rule } from './rule.js';

const LEVEL_NAME = ['', '一、', '（一）', '1.', '（1）', '①'];

function gbtLevel(e: Enumeration): number | undefined {
  return e.style === 'mixed' ? GBT_LEVEL[e.stylesUsed[0]] : GBT_LEVEL[e.style];
}

export const hierarchySkip: Rule = {
  meta: {
    id: 'hierarchy-skip',
    defaultSeverity: 'hint',
    fixable: false,
    description: { zh: '跳过了公文结构层次（一、之下直接用1.）', en: 'A GB/T 9704 structural level is skipped' },
  },
  check(ctx) {
    const allowOneToThree = ctx.options.allowOneToThree !== false;
    const docHasLevel2 = ctx.enumerations.some((e) => gbtLevel(e) === 2);
    for (const e of ctx.enumerations) {
      const level = gbtLevel(e);
      if (level === undefined || level === 5) continue;
      // The nearest enclosing item of a GB/T level (or a regulation's 第N), skipping 一是/一要 levels in between.
      let link = e.parent;
      while (link && gbtLevel(link.enumeration) === undefined && !link.enumeration.stylesUsed.some((s) => s.startsWith('第N'))) link = link.enumeration.parent;
      const parent = link?.enumeration;
      const first = e.items[0];
      if (!parent) {
        if (level !== 2) continue;
        ctx.report({
          message: {
            zh: `“${first.marker}”是第二层标题，但上面没有“一、”这一层`,
            en: `"${first.marker}" is a level-2 marker with no level-1 (一、) above it`,
          },
          range: first.range,
        });
        continue;
      }
      const parentLevel = gbtLevel(parent);
      if (parentLevel === undefined || level <= parentLevel + 1) continue;
      if (allowOneToThree && parentLevel === 1 && level === 3 && !docHasLevel2) continue;
      const pItem = parent.items[link!.index];
      ctx.report({
        message: {
          zh: `层次跳跃：“${pItem.marker}”（第${parentLevel}层）之下直接用了“${first.marker}”（第${level}层），缺少“${LEVEL_NAME[parentLevel + 1]}”一层`,
          en: `Skipped level: "${first.marker}" (level ${level}) directly under "${pItem.marker}" (level ${parentLevel}); level ${parentLevel + 1} (${LEVEL_NAME[parentLevel + 1]}) is missing`,
        },
        range: first.range,
        related: [{ range: pItem.range, message: { zh: '上级项', en: 'parent item' } }],
      });
    }
  },
};
