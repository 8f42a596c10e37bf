// missing-measure: a required measure of the schema that no item of the draft covers
// (and a required sub-requirement that the covering item lacks).
import type { Rule } from './rule.js';
import { enumerationAnchor, measureName, measureNameEn } from './schema-util.js';

export const missingMeasure: Rule = {
  meta: {
    id: 'missing-measure',
    defaultSeverity: 'error',
    needsSchema: true,
    fixable: false,
    description: { zh: '缺少必备措施：清单中的措施没有条目覆盖', en: 'A required measure of the schema is not covered by any item' },
  },
  check(ctx) {
    const coverage = ctx.coverage!;
    const anchor = enumerationAnchor(ctx, coverage);
    for (const m of coverage.measures) {
      if (m.required && !m.covered) {
        const near = m.nearest;
        const nearZh = near
          ? near.missingAll.length
            ? `；${near.item.marker}最接近，但缺少“${near.missingAll.join('”“')}”`
            : `；最接近的是${near.item.marker}（得分 ${near.score}，不足 ${coverage.threshold}）`
          : '';
        const nearEn = near
          ? near.missingAll.length
            ? `; ${near.item.marker} comes closest but lacks "${near.missingAll.join('", "')}"`
            : `; closest is ${near.item.marker} (score ${near.score}, below ${coverage.threshold})`
          : '';
        ctx.report({
          message: {
            zh: `缺少必备措施${measureName(m)}${nearZh}`,
            en: `Required measure ${measureNameEn(m)} is not covered${nearEn}`,
          },
          range: anchor,
          related: near ? [{ range: near.item.range, message: { zh: '最接近的条目', en: 'closest item' } }] : undefined,
        });
        continue;
      }
      if (!m.covered || !m.item) continue;
      for (const r of m.requirements) {
        if (!r.required || r.covered) continue;
        const lacks = r.missingAll.length ? `（缺少“${r.missingAll.join('”“')}”）` : '';
        const lacksEn = r.missingAll.length ? ` (lacks "${r.missingAll.join('", "')}")` : '';
        ctx.report({
          message: {
            zh: `${m.item.marker}覆盖了${measureName(m)}，但缺少其中的要求${measureName(r)}${lacks}`,
            en: `${m.item.marker} covers ${measureNameEn(m)} but not its requirement ${measureNameEn(r)}${lacksEn}`,
          },
          range: m.item.range,
        });
      }
    }
  },
};
