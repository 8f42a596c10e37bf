// empty-item: a marker with nothing after it (a line holding only 三要 or （二）).
import type { Rule } from './rule.js';

/** Markup, spaces and punctuation: what does not count as content. */
const NOT_CONTENT = /[\s\u3000*_#>`~\-+|，、：:；;。.,．！？!?“”‘’"'（）()《》【】\[\]]/gu;

export const emptyItem: Rule = {
  meta: {
    id: 'empty-item',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '编号之后没有内容', en: 'A marker with nothing after it' },
  },
  check(ctx) {
    for (const e of ctx.enumerations) {
      e.items.forEach((item, k) => {
        const next = e.items[k + 1];
        const end = next ? Math.min(next.range.start.offset, item.scopeEnd.offset) : item.scopeEnd.offset;
        const body = ctx.doc.text.slice(item.range.end.offset, Math.max(end, item.range.end.offset)).replace(NOT_CONTENT, '');
        if (body.length > 0) return;
        ctx.report({
          message: { zh: `“${item.marker}”之后没有内容`, en: `"${item.marker}" has nothing after it` },
          range: item.range,
        });
      });
    }
  },
};
