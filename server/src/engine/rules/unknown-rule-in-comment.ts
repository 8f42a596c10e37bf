// unknown-rule-in-comment: a gongwen-disable / gongwen-enable comment names a
// rule id that does not exist (a typo leaves the finding it meant to silence).
import type { Rule } from './rule.js';

function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

export const unknownRuleInComment: Rule = {
  meta: {
    id: 'unknown-rule-in-comment',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '行内注释中的规则 id 不存在', en: 'An inline gongwen-disable/enable comment names an unknown rule' },
  },
  check(ctx) {
    for (const d of ctx.directives) {
      for (const r of d.ruleIds) {
        if (ctx.ruleIds.has(r.id)) continue;
        const guess = closest(r.id, ctx.ruleIds);
        ctx.report({
          message: {
            zh: `注释 gongwen-${d.kind} 中的规则“${r.id}”不存在${guess ? `，是否应为“${guess}”？` : ''}`,
            en: `Unknown rule "${r.id}" in a gongwen-${d.kind} comment${guess ? `; did you mean "${guess}"?` : ''}`,
          },
          range: r.range,
          fix: guess ? { title: { zh: `改为“${guess}”`, en: `Change to "${guess}"` }, edits: [{ range: r.range, newText: guess }] } : undefined,
        });
      }
    }
  },
};
