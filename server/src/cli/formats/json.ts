// json: the machine format. Its shape is documented in docs/cli.md and only
// grows (new fields), never changes, within a formatVersion.
import type { Finding, Range } from '../../engine/index.js';
import { pick } from '../locale.js';
import { countSeverities, visibleFindings, visibleNotes, type Report } from '../report.js';
import type { FormatContext } from './context.js';

export const JSON_FORMAT_VERSION = 1;

const span = (r: Range) => ({ line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

function finding(f: Finding, ctx: FormatContext) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    text: pick(f.message, ctx.locale),
    ...span(f.range),
    range: f.range,
    related: (f.related ?? []).map((r) => ({ ...span(r.range), message: r.message, range: r.range })),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

export function formatJson(report: Report, ctx: FormatContext): string {
  const files = report.files.map((file) => {
    const findings = visibleFindings(file, ctx.quiet);
    const c = countSeverities(findings);
    return {
      path: file.path,
      status: file.status,
      ...(file.encoding ? { encoding: file.encoding } : {}),
      ...(file.bom !== undefined ? { bom: file.bom } : {}),
      ...(file.lineEndings ? { lineEndings: file.lineEndings } : {}),
      errorCount: c.error,
      warningCount: c.warning,
      infoCount: c.info,
      hintCount: c.hint,
      fixableCount: findings.filter((f) => f.fix).length,
      fixed: file.fixed,
      findings: findings.map((f) => finding(f, ctx)),
      notes: ctx.quiet ? visibleNotes(file, true) : file.notes,
    };
  });
  const doc = {
    tool: { name: 'gongwen', version: report.version },
    formatVersion: JSON_FORMAT_VERSION,
    locale: ctx.locale,
    files,
    configErrors: report.configErrors,
    summary: report.summary,
    exitCode: report.exitCode,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
