// junit: JUnit XML for CI dashboards (GitLab, Jenkins, Azure). One testsuite
// per file; each error-level finding is a failed testcase, a file problem
// (encoding, unreadable) an errored one, a skipped file a skipped one.
// Warnings and lower are passing testcases with the text in <system-out>, so
// the dashboard fails exactly when `gongwen lint` does (--max-warnings aside).
import { pick } from '../locale.js';
import { visibleFindings, visibleNotes, type Report } from '../report.js';
import type { FormatContext } from './context.js';

export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (o: Record<string, string | number>) =>
  Object.entries(o)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

export function formatJunit(report: Report, ctx: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let f = 0;
    let e = 0;
    let s = 0;
    for (const n of visibleNotes(file, ctx.quiet)) {
      const text = pick(n.message, ctx.locale);
      const name = attrs({ name: `gongwen(${n.code})`, classname: file.path });
      if (n.severity === 'error' || n.severity === 'fatal') {
        e++;
        cases.push(`    <testcase${name}>\n      <error${attrs({ message: text, type: n.code })}>${xmlEscape(`${file.path}: ${text}`)}</error>\n    </testcase>`);
      } else if (n.code === 'binary' || n.code === 'ignored') {
        s++;
        cases.push(`    <testcase${name}>\n      <skipped${attrs({ message: text })}/>\n    </testcase>`);
      } else {
        cases.push(`    <testcase${name}>\n      <system-out>${xmlEscape(text)}</system-out>\n    </testcase>`);
      }
    }
    for (const x of visibleFindings(file, ctx.quiet)) {
      const where = `${x.range.start.line + 1}:${x.range.start.character + 1}`;
      const text = pick(x.message, ctx.locale);
      const name = attrs({ name: `${x.ruleId} ${where}`, classname: file.path });
      if (x.severity === 'error') {
        f++;
        cases.push(`    <testcase${name}>\n      <failure${attrs({ message: text, type: x.ruleId })}>${xmlEscape(`${file.path}:${where} ${x.severity} ${x.ruleId} ${text}`)}</failure>\n    </testcase>`);
      } else {
        cases.push(`    <testcase${name}>\n      <system-out>${xmlEscape(`${file.path}:${where} ${x.severity} ${x.ruleId} ${text}`)}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase${attrs({ name: 'gongwen', classname: file.path })}/>`);
    tests += cases.length;
    failures += f;
    errors += e;
    skipped += s;
    suites.push(`  <testsuite${attrs({ name: file.path, tests: cases.length, failures: f, errors: e, skipped: s })}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (report.configErrors.length) {
    const cases = report.configErrors.map((c) => {
      const text = pick(c.message, ctx.locale);
      return `    <testcase${attrs({ name: `${c.code} ${c.line}:${c.column}`, classname: c.file })}>\n      <error${attrs({ message: text, type: c.code })}>${xmlEscape(`${c.file}:${c.line}:${c.column} ${text}`)}</error>\n    </testcase>`;
    });
    tests += cases.length;
    errors += cases.length;
    suites.push(`  <testsuite${attrs({ name: 'configuration', tests: cases.length, failures: 0, errors: cases.length, skipped: 0 })}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'gongwen', tests, failures, errors, skipped })}>\n${suites.join('\n')}\n</testsuites>\n`;
}
