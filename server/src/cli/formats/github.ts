// github: GitHub Actions workflow commands, one annotation a line:
//   ::error file=a.md,line=3,col=1,endLine=3,endColumn=3,title=gongwen(sequence-gap)::message
// Escaping follows @actions/core: in values % \r \n; in properties also : and ,.
import type { Severity } from '../../engine/index.js';
import { pick } from '../locale.js';
import { visibleFindings, visibleNotes, type FileNote, type Report } from '../report.js';
import type { FormatContext } from './context.js';

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity | FileNote['severity'], 'error' | 'warning' | 'notice'> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${p}::${escapeData(message)}`;
}

export function formatGithub(report: Report, ctx: FormatContext): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const n of visibleNotes(file, ctx.quiet)) {
      lines.push(command(COMMAND[n.severity], { file: file.path, title: `gongwen(${n.code})` }, pick(n.message, ctx.locale)));
    }
    for (const f of visibleFindings(file, ctx.quiet)) {
      const { start, end } = f.range;
      lines.push(
        command(
          COMMAND[f.severity],
          { file: file.path, line: start.line + 1, col: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, title: `gongwen(${f.ruleId})` },
          pick(f.message, ctx.locale),
        ),
      );
    }
  }
  for (const e of report.configErrors) {
    lines.push(command('error', { file: e.file, line: e.line, col: e.column, title: `gongwen(${e.code})` }, pick(e.message, ctx.locale)));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
