// The CLI's report model: what one run found, file by file, in a shape every
// output format reads. Plain data (it crosses worker threads and is cached).
import type { Finding, LocalizedText, Severity } from '../engine/index.js';
import type { EncodingName } from './encoding.js';

/** A problem with the configuration or a schema, positioned in that file (issue 3's ConfigError). */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  code: string;
  message: LocalizedText;
}

/**
 * Something about a file that is not a finding of a rule:
 * - `encoding` (error): the file is not UTF-8 and --encoding did not ask for its encoding;
 * - `binary` (info): the file is not text; skipped;
 * - `ignored` (info): named explicitly but matched by .gitignore / .gongwenignore; skipped;
 * - `not-chinese` (info): no Chinese text; nothing to check;
 * - `read-failed` (fatal): the file could not be read;
 * - `write-failed` (fatal): --fix could not write the file;
 * - `fix-refused` (warning): --fix did not write (a symlink leading out of the project, an encoding that cannot hold the text);
 * - `internal-error` (fatal): the analysis failed (a bug; please report it).
 */
export interface FileNote {
  code: 'encoding' | 'binary' | 'ignored' | 'not-chinese' | 'read-failed' | 'write-failed' | 'fix-refused' | 'internal-error';
  severity: 'fatal' | 'error' | 'warning' | 'info';
  message: LocalizedText;
}

export interface FileResult {
  /** Relative to the working directory, with `/` separators (or the --stdin-filename). */
  path: string;
  /** checked: analysed; skipped: binary, ignored or not text; error: could not be analysed. */
  status: 'checked' | 'skipped' | 'error';
  encoding?: EncodingName | 'unknown';
  bom?: boolean;
  lineEndings?: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  /** The findings that remain (after --fix, those it could not fix). */
  findings: Finding[];
  notes: FileNote[];
  /** Problems fixed by --fix (or that --fix-dry-run would fix). */
  fixed: number;
  /** --fix wrote this file. */
  written?: boolean;
  /** --fix-dry-run: the unified diff. */
  diff?: string;
  /** --stdin with --fix: the fixed document. */
  output?: string;
  configErrors: ConfigProblem[];
  /** The key under which --cache stores this result (content, config and version). */
  cacheKey?: string;
  cached?: boolean;
}

export interface Summary {
  files: number;
  checked: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
  fixed: number;
  filesFixed: number;
  /** File notes of severity error or fatal (encoding, read-failed, …). */
  fileErrors: number;
  configErrors: number;
}

export interface Report {
  version: string;
  files: FileResult[];
  configErrors: ConfigProblem[];
  summary: Summary;
  exitCode: number;
  /** --max-warnings, when given. */
  maxWarnings?: number;
  /** The working directory (absolute), for SARIF's %SRCROOT%. */
  cwd: string;
  /** --fix wrote files; --fix-dry-run only says what it would fix. */
  fixMode: 'off' | 'write' | 'dry-run';
}

export function countSeverities(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function summarize(files: FileResult[], configErrors: ConfigProblem[]): Summary {
  const s: Summary = { files: files.length, checked: 0, skipped: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, fixed: 0, filesFixed: 0, fileErrors: 0, configErrors: configErrors.length };
  for (const f of files) {
    if (f.status === 'checked') s.checked++;
    else if (f.status === 'skipped') s.skipped++;
    const c = countSeverities(f.findings);
    s.errors += c.error;
    s.warnings += c.warning;
    s.infos += c.info;
    s.hints += c.hint;
    s.fixable += f.findings.filter((x) => x.fix).length;
    s.fixed += f.fixed;
    if (f.fixed > 0) s.filesFixed++;
    s.fileErrors += f.notes.filter((n) => n.severity === 'error' || n.severity === 'fatal').length;
  }
  return s;
}

/** Findings a format shows: with --quiet, errors only. */
export function visibleFindings(f: FileResult, quiet: boolean): Finding[] {
  return quiet ? f.findings.filter((x) => x.severity === 'error') : f.findings;
}

/** Notes a format shows: `not-chinese` only in JSON; with --quiet, errors only. */
export function visibleNotes(f: FileResult, quiet: boolean): FileNote[] {
  return f.notes.filter((n) => n.code !== 'not-chinese' && (!quiet || n.severity === 'error' || n.severity === 'fatal'));
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
