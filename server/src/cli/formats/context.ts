// What every output format gets besides the report.
import type { Locale } from '../locale.js';

export interface FormatContext {
  locale: Locale;
  /** ANSI colours (stylish only; never in a file). */
  color: boolean;
  /** --quiet: errors only. */
  quiet: boolean;
}
