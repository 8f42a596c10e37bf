// empty-item: a marker with nothing after it (a line holding only 三要 or （二）).
import type { Rule } from './rule.js';

/** Markup, spaces and punctuation: what does not count as content. */
const NOT_CONTENT = /[\s\u3000*_#>`~\-+|，、：:；;。.,．！？!?“”‘’"'（）()《》【】\[\]]/u;

/**
 * Whether text[start, end) holds any content, unit by unit (a surrogate half is
 * content, as its character is), stopping at the first: an item's scope can be
 * a whole section.
 */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!NOT_CONTENT.test(text[i])) return true;
  return false;
}

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
        if (hasContent(ctx.doc.text, item.range.end.offset, end)) return;
        ctx.report({
          message: { zh: `“${item.marker}”之后没有内容`, en: `"${item.marker}" has nothing after it` },
          range: item.range,
        });
      });
    }
  },
};
