// measure-order: with `order: strict`, covered measures must appear in the schema's order.
// The measures outside the longest run in order are the ones reported, so one
// item moved out of place gives one finding, not one for every item after it.
import type { MeasureCoverage } from '../types.js';
import type { Rule } from './rule.js';
import { measureName, measureNameEn } from './schema-util.js';

/** Indices (into [xs]) of a longest non-decreasing subsequence. */
export function longestNonDecreasing(xs: number[]): Set<number> {
  const n = xs.length;
  const len = Array<number>(n).fill(1);
  const prev = Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j] <= xs[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || len[i] > len[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const measureOrder: Rule = {
  meta: {
    id: 'measure-order',
    defaultSeverity: 'warning',
    needsSchema: true,
    fixable: false,
    description: { zh: '措施顺序与清单不一致（清单要求 order: strict）', en: 'Measures appear out of the schema order (order: strict)' },
  },
  check(ctx) {
    const coverage = ctx.coverage!;
    if (coverage.order !== 'strict') return;
    const placed = coverage.measures.filter((m): m is MeasureCoverage & { item: NonNullable<MeasureCoverage['item']> } => m.covered && !!m.item);
    const keep = longestNonDecreasing(placed.map((m) => m.item.index));
    placed.forEach((m, k) => {
      if (keep.has(k)) return;
      // The nearest measure before it in the schema whose item comes later, else the nearest after it whose item comes earlier.
      const before = placed.slice(0, k).reverse().find((p, j) => keep.has(k - 1 - j) && p.item.index > m.item.index);
      const after = placed.slice(k + 1).find((p, j) => keep.has(k + 1 + j) && p.item.index < m.item.index);
      const other = before ?? after;
      const where = before ? '之后' : '之前';
      const whereEn = before ? 'after' : 'before';
      ctx.report({
        message: other
          ? {
              zh: `措施顺序与清单不一致：${m.item.marker}${measureName(m)}按清单应在${other.item.marker}${measureName(other)}${where}`,
              en: `Out of schema order: ${m.item.marker} ${measureNameEn(m)} should come ${whereEn} ${other.item.marker} ${measureNameEn(other)}`,
            }
          : { zh: `措施顺序与清单不一致：${m.item.marker}${measureName(m)}`, en: `Out of schema order: ${m.item.marker} ${measureNameEn(m)}` },
        range: m.item.range,
        related: other ? [{ range: other.item.range, message: { zh: measureName(other), en: measureNameEn(other) } }] : undefined,
      });
    });
  },
};
