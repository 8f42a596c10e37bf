// The coverage report as text (a terminal table) and as Markdown (a CI job
// summary, the editor's report view). Pure: data in, text out.
import type { CoverageResult, MeasureCoverage } from '../engine/index.js';

export interface FileCoverage {
  file: string;
  coverage: CoverageResult;
}


const STATUS: Record<MeasureCoverage['status'], { mark: string; zh: string; en: string; emoji: string }> = {
  covered: { mark: '✓', zh: '已覆盖', en: 'covered', emoji: '✅' },
  partial: { mark: '◐', zh: '部分覆盖', en: 'partial', emoji: '🟡' },
  missing: { mark: '✗', zh: '缺失', en: 'missing', emoji: '❌' },
  'optional-missing': { mark: '·', zh: '可选，未覆盖', en: 'optional, absent', emoji: '⚪' },
};

const ZONE = { head: { zh: '标题', en: 'head' }, 'child-head': { zh: '子项标题', en: 'child head' }, body: { zh: '正文', en: 'body' } };

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd)) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

function evidenceText(m: MeasureCoverage, max = 3): string {
  return m.evidence
    .filter((e) => e.weight > 0)
    .slice(0, max)
    .map((e) => `${e.term}（${ZONE[e.zone].zh}${e.ranges[0] ? ` ${e.ranges[0].start.line + 1}:${e.ranges[0].start.character + 1}` : ''}）`)
    .join('、');
}

function header(c: CoverageResult): { zh: string; en: string } {
  const name = c.schemaTitle ? `${c.schemaTitle}${c.schemaId ? ` (${c.schemaId})` : ''}` : (c.schemaId ?? '');
  return { zh: name, en: name };
}

export function renderText(fc: FileCoverage): string {
  const c = fc.coverage;
  const lines: string[] = [`${fc.file} — ${header(c).zh}`];
  if (c.enumeration) {
    lines.push(`  编号组 enumeration ${c.enumeration.id} ${c.enumeration.style} × ${c.enumeration.itemCount}${c.announcement ? `  ← “${c.announcement.text}”` : ''}`);
  } else lines.push('  (没有编号结构 no enumeration)');
  const rows = c.measures.map((m) => [
    `${STATUS[m.status].mark} ${STATUS[m.status].zh} ${STATUS[m.status].en}`,
    `${m.title}${m.title !== m.id ? ` (${m.id})` : ''}`,
    m.item ? `${m.item.marker} ${m.item.range.start.line + 1}:${m.item.range.start.character + 1}` : m.nearest ? `— (${m.nearest.item.marker}?)` : '—',
    String(m.score),
    m.covered ? evidenceText(m) : m.nearest?.missingAll.length ? `缺 lacks ${m.nearest.missingAll.join('、')}` : '',
  ]);
  const head = ['状态 status', '措施 measure', '条目 item', '得分 score', '依据 evidence'];
  const widths = head.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k]))));
  lines.push('  ' + head.map((h, k) => pad(h, widths[k])).join('  ').trimEnd());
  for (const r of rows) lines.push('  ' + r.map((x, k) => pad(x, widths[k])).join('  ').trimEnd());
  for (const m of c.measures) {
    for (const r of m.covered ? m.requirements : []) {
      if (!r.covered && r.required) lines.push(`    ${m.item?.marker ?? ''} ${m.title} › ${r.title}: ✗ 缺失 missing`);
    }
    for (const d of m.duplicates) lines.push(`    ${m.title}: 又见于 also in ${d.marker} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
  }
  const s = c.summary;
  lines.push(`  覆盖 covered ${s.covered}/${s.total} · 必备缺失 missing required ${s.missingRequired}`);
  return lines.join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderMarkdown(fc: FileCoverage): string {
  const c = fc.coverage;
  const s = c.summary;
  const out: string[] = [];
  out.push(`### 必备措施覆盖 / Measure coverage: \`${fc.file}\``);
  out.push('');
  const schema = c.schemaTitle ? `**${cell(c.schemaTitle)}**${c.schemaId ? ` (\`${c.schemaId}\`)` : ''}` : c.schemaId ? `\`${c.schemaId}\`` : '';
  out.push(
    `${schema ? `清单 Schema: ${schema} · ` : ''}${s.covered}/${s.total} 已覆盖 covered · ${s.missingRequired ? `❌ ${s.missingRequired} 项必备缺失 required missing` : '✅ 必备措施齐全 all required measures covered'}`,
  );
  out.push('');
  out.push('| 措施 Measure | 状态 Status | 条目 Item | 得分 Score | 依据 Evidence |');
  out.push('| --- | --- | --- | ---: | --- |');
  for (const m of c.measures) {
    const st = STATUS[m.status];
    const item = m.item
      ? `${m.item.marker} ${cell(m.item.title)}（第 ${m.item.range.start.line + 1} 行 line ${m.item.range.start.line + 1}）`
      : m.nearest
        ? `— 最接近 closest: ${m.nearest.item.marker}`
        : '—';
    const evidence = m.covered
      ? m.evidence
          .filter((e) => e.weight > 0)
          .slice(0, 4)
          .map((e) => `${cell(e.term)}（${ZONE[e.zone].zh} ${ZONE[e.zone].en}）`)
          .join('、')
      : m.nearest?.missingAll.length
        ? `缺少 lacks: ${m.nearest.missingAll.map(cell).join('、')}`
        : '';
    const subs = (m.covered ? m.requirements : []).filter((r) => r.required && !r.covered).map((r) => `缺子要求 lacks ${cell(r.title)}`);
    out.push(`| ${cell(m.title)} \`${m.id}\` | ${st.emoji} ${st.zh} ${st.en} | ${item} | ${m.score} | ${[evidence, ...subs].filter(Boolean).join('；') || '—'} |`);
  }
  out.push('');
  return out.join('\n') + '\n';
}
