// The output formats, by name.
import type { Report } from '../report.js';
import type { FormatContext } from './context.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';
export const FORMATS: Record<FormatName, (report: Report, ctx: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
export type { FormatContext } from './context.js';
export { summaryLine } from './stylish.js';
