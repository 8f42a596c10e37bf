// stylish: the default human format. Findings grouped by file, one a line
// (`line:col  severity  rule-id  message`), then a summary line. Coloured
// only when the context says so (a TTY without NO_COLOR).
import { pick, t } from '../locale.js';
import { visibleFindings, visibleNotes, type Report, type Summary } from '../report.js';
import type { FormatContext } from './context.js';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

const SEVERITY_COLOR: Record<string, string> = { error: '31', fatal: '31', warning: '33', info: '36', hint: '90' };

export function formatStylish(report: Report, ctx: FormatContext): string {
  const { color, locale, quiet } = ctx;
  const out: string[] = [];
  for (const file of report.files) {
    const findings = visibleFindings(file, quiet);
    const notes = visibleNotes(file, quiet);
    if (!findings.length && !notes.length) continue;
    const rows = [
      ...notes.map((n) => ['', n.severity === 'fatal' ? 'error' : n.severity, n.code, pick(n.message, locale)]),
      ...findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.ruleId, pick(f.message, locale)]),
    ];
    const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
    out.push(paint(color, '4', file.path));
    for (const r of rows) {
      const pos = paint(color, '2', r[0].padEnd(w[0]));
      const sev = paint(color, SEVERITY_COLOR[r[1]] ?? '0', r[1].padEnd(w[1]));
      const rule = paint(color, '2', r[2].padEnd(w[2]));
      out.push(w[0] ? `  ${pos}  ${sev}  ${rule}  ${r[3]}` : `  ${sev}  ${rule}  ${r[3]}`);
    }
    out.push('');
  }
  if (report.configErrors.length) {
    for (const e of report.configErrors) {
      out.push(`${paint(color, '4', e.file)}:${e.line}:${e.column}  ${paint(color, '31', 'error')}  ${paint(color, '2', e.code)}  ${pick(e.message, locale)}`);
    }
    out.push('');
  }
  out.push(summaryLine(report, ctx));
  return out.join('\n') + '\n';
}

/** The one-line summary (also printed alone when every report goes to a file). */
export function summaryLine(report: Report, ctx: FormatContext): string {
  const s: Summary = report.summary;
  const { locale, color } = ctx;
  const problems = s.errors + s.warnings + s.infos + s.hints + s.fileErrors;
  const parts: string[] = [];
  const errors = s.errors + s.fileErrors;
  if (problems === 0 && s.configErrors) {
    parts.push(paint(color, '1;31', t(locale, `✖ ${s.configErrors} 个配置错误，检查了 ${s.checked} 个文件`, `✖ ${s.configErrors} configuration ${s.configErrors === 1 ? 'error' : 'errors'}, ${s.checked} ${s.checked === 1 ? 'file' : 'files'} checked`)));
  } else if (problems === 0) {
    parts.push(paint(color, '32', t(locale, `✔ 检查了 ${s.checked} 个文件，没有发现问题`, `✔ ${s.checked} ${s.checked === 1 ? 'file' : 'files'} checked, no problems`)));
  } else {
    const detail = [
      t(locale, `${errors} 个错误`, `${errors} ${errors === 1 ? 'error' : 'errors'}`),
      t(locale, `${s.warnings} 个警告`, `${s.warnings} ${s.warnings === 1 ? 'warning' : 'warnings'}`),
      ...(s.infos ? [t(locale, `${s.infos} 个信息`, `${s.infos} info`)] : []),
      ...(s.hints ? [t(locale, `${s.hints} 个提示`, `${s.hints} ${s.hints === 1 ? 'hint' : 'hints'}`)] : []),
    ];
    const head = t(locale, `✖ ${problems} 个问题（${detail.join('，')}），检查了 ${s.checked} 个文件`, `✖ ${problems} ${problems === 1 ? 'problem' : 'problems'} (${detail.join(', ')}) in ${s.checked} ${s.checked === 1 ? 'file' : 'files'} checked`);
    parts.push(paint(color, errors ? '1;31' : '1;33', head));
  }
  if (s.fixable) parts.push(t(locale, `${s.fixable} 个问题可用 --fix 自动修复`, `${s.fixable} fixable with --fix`));
  if (s.fixed) {
    const n = `${s.fixed} ${s.fixed === 1 ? 'problem' : 'problems'} in ${s.filesFixed} ${s.filesFixed === 1 ? 'file' : 'files'}`;
    parts.push(report.fixMode === 'dry-run' ? t(locale, `--fix 将修复 ${s.fixed} 个问题（${s.filesFixed} 个文件）`, `--fix would fix ${n}`) : t(locale, `已修复 ${s.fixed} 个问题（${s.filesFixed} 个文件）`, `fixed ${n}`));
  }
  if (s.skipped) parts.push(t(locale, `跳过 ${s.skipped} 个文件`, `${s.skipped} skipped`));
  if (s.configErrors && problems) parts.push(t(locale, `${s.configErrors} 个配置错误`, `${s.configErrors} configuration ${s.configErrors === 1 ? 'error' : 'errors'}`));
  if (report.maxWarnings !== undefined && s.warnings > report.maxWarnings) {
    parts.push(t(locale, `警告数超过 --max-warnings ${report.maxWarnings}`, `more warnings than --max-warnings ${report.maxWarnings}`));
  }
  return parts.join(t(locale, '；', '; '));
}
