// mixed-style: one enumeration, more than one marker style or form
// (一要 … 二是 …; （一） next to (二); 1. next to 2、). The fix rewrites each
// odd marker in the enumeration's majority style.
import type { Item, TextEdit } from '../types.js';
import { formatChineseNumeral } from '../numerals.js';
import type { Rule, RuleContext } from './rule.js';

const ADVERB_BY_N = ['', '首先', '其次', '再次'];

/** A marker's style and form together: `N要`, `（N）（）`, `（N）()`, `1..`, `1.．`. */
const formOf = (i: Item) => `${i.style}|${i.variant}`;

function rewrite(ctx: RuleContext, item: Item, model: Item): string | null {
  const c = ctx.candidateOf(item);
  const num = c.numeral ? ctx.doc.text.slice(c.numeral.start, c.numeral.end) : '';
  switch (model.style) {
    case '（N）':
    case '（1）':
      return item.style === model.style ? model.variant[0] + num + model.variant[1] : null;
    case '1.':
    case '1、':
      return item.mdListItem ? null : num + model.variant;
    case '第N':
      return '第' + formatChineseNumeral(item.n);
    case '首先其次':
      return ADVERB_BY_N[item.n] ?? null;
    default:
      // N要 / N是 / N抓: keep the number, change the suffix.
      if (model.style.startsWith('N') && item.style.startsWith('N') && num) return num + model.variant;
      return null;
  }
}

/** The item whose form most items share (the first such on a tie), given each item's form. */
function majority(forms: string[]): number {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best = 0;
  forms.forEach((f, k) => {
    if (counts.get(f)! > counts.get(forms[best])!) best = k;
  });
  return best;
}

export const mixedStyle: Rule = {
  meta: {
    id: 'mixed-style',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '同一列举混用不同编号样式（一要…二是…；（一）与(二)）', en: 'One enumeration mixes marker styles or forms' },
  },
  check(ctx) {
    for (const e of ctx.enumerations) {
      // Most enumerations use one form: find that out without a map.
      const forms = e.items.map(formOf);
      if (forms.every((f) => f === forms[0])) continue;
      const m = majority(forms);
      const model = e.items[m];
      const odd = e.items.filter((_, k) => forms[k] !== forms[m]);
      if (!odd.length) continue;
      const edits: TextEdit[] = [];
      for (const i of odd) {
        const newText = rewrite(ctx, i, model);
        if (newText !== null && newText !== i.marker) edits.push({ range: i.range, newText });
      }
      const fix = edits.length === odd.length ? { title: { zh: `统一为“${model.marker}”的样式`, en: `Use the style of "${model.marker}" throughout` }, edits } : undefined;
      for (const i of odd) {
        ctx.report({
          message: {
            zh: `编号样式不一致：本列举多用“${model.marker}”这种样式，此处是“${i.marker}”`,
            en: `Mixed marker styles: this enumeration mostly uses the style of "${model.marker}", but this item is "${i.marker}"`,
          },
          range: i.range,
          related: [{ range: model.range, message: { zh: '多数项使用的样式', en: 'the majority style' } }],
          fix,
        });
      }
    }
  },
};
