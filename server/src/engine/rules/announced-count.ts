// announced-count: 重点抓好十个方面工作, then nine items.
import { formatLike } from '../numerals.js';
import type { Rule } from './rule.js';

/** The phrase in quotes, unless it is written in quotes already (“五个到位”). */
const quoted = (text: string, open: string, close: string) => (/^[“"‘]/.test(text) ? text : `${open}${text}${close}`);

export const announcedCount: Rule = {
  meta: {
    id: 'announced-count',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '预告的项数与实际项数不符（“十个方面”只有九项）', en: 'The announced count differs from the number of items' },
  },
  check(ctx) {
    for (const a of ctx.announcements) {
      if (!a.target || a.count === null || a.matches !== false) continue;
      const actual = a.target.items.length;
      const first = a.target.items[0];
      const last = a.target.items[actual - 1];
      const original = a.numeralRange ? ctx.doc.text.slice(a.numeralRange.start.offset, a.numeralRange.end.offset) : '';
      // A count before a classifier is 两, not 二: 两点意见, 两个方面.
      const written = !original ? '' : actual === 2 && /^[一二三四五六七八九十两]+$/.test(original) ? '两' : formatLike(actual, original);
      ctx.report({
        message: {
          zh: `${quoted(a.text, '“', '”')}预告了${a.count}项，但其后的列举（${first.marker}…${last.marker}）有${actual}项`,
          en: `${quoted(a.text, '"', '"')} announces ${a.count} items, but the enumeration that follows (${first.marker}…${last.marker}) has ${actual}`,
        },
        range: a.range,
        related: [{ range: first.range, message: { zh: `列举的第一项（共${actual}项）`, en: `first of ${actual} items` } }],
        fix:
          a.numeralRange && written
            ? { title: { zh: `把预告的项数改为${written}`, en: `Change the announced count to ${actual}` }, edits: [{ range: a.numeralRange, newText: written }] }
            : undefined,
      });
    }
  },
};
