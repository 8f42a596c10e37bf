// sequence-gap: 一要 二要 四要 — 三要 is missing. Articles (第N条) are checked
// across the whole regulation, since they number continuously through chapters.
import type { Item } from '../types.js';
import { formatChineseNumeral } from '../numerals.js';
import { articleRun, isSequenceChecked, renumberFix, type Rule, type RuleContext } from './rule.js';

function missingLabel(prev: Item, n: number): string {
  return prev.style === '1.' || prev.style === '1、' || prev.style === '（1）' ? String(n) : formatChineseNumeral(n);
}

/**
 * Numbers missing between the first and the highest number present. Each run of
 * missing numbers is reported once, at the first item after the hole in text
 * order, so a swap (一 三 二 四) is an order problem, not a gap.
 */
function checkRun(ctx: RuleContext, items: Item[], fix: () => ReturnType<typeof renumberFix>): void {
  if (items.length < 2) return;
  const present = new Set(items.map((i) => i.n));
  let max = -Infinity;
  let min = Infinity;
  for (const n of present) {
    max = Math.max(max, n);
    min = Math.min(min, n);
  }
  let m = min + 1;
  while (m < max) {
    if (present.has(m)) {
      m++;
      continue;
    }
    let hi = m;
    while (hi + 1 < max && !present.has(hi + 1)) hi++;
    const k = items.findIndex((i) => i.n > hi);
    const item = items[k];
    const prev = items[k - 1] ?? items[0];
    const label = m === hi ? missingLabel(item, m) : `${missingLabel(item, m)}至${missingLabel(item, hi)}`;
    ctx.report({
      message: {
        zh: `编号不连续：“${prev.marker}”之后是“${item.marker}”，缺少第${label}项`,
        en: `Numbering gap: "${item.marker}" follows "${prev.marker}"; item ${m}${hi > m ? `–${hi}` : ''} is missing`,
      },
      range: item.range,
      related: [{ range: prev.range, message: { zh: '上一项', en: 'previous item' } }],
      fix: fix(),
    });
    m = hi + 1;
  }
}

export const sequenceGap: Rule = {
  meta: {
    id: 'sequence-gap',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '编号跳号（如一要、二要之后是四要）', en: 'A number is skipped (一要 二要 四要)' },
  },
  check(ctx) {
    for (const e of ctx.enumerations) {
      if (isSequenceChecked(e)) checkRun(ctx, e.items, () => renumberFix(ctx, e));
    }
    // Articles run on through chapters and sections.
    const articles = articleRun(ctx);
    checkRun(ctx, articles.items, articles.fix);
  },
};
