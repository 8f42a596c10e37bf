// The CLI's view of configuration: one resolver per thread (the config module's
// createConfigResolver), made from the command line's --config, --schema and
// --rule. The resolver applies --rule last, so that it always wins.
import { createConfigResolver, type ConfigResolution, type RuleSetting } from '../config/index.js';
import type { ConfigProblem } from './report.js';

export type { RuleSetting } from '../config/index.js';

export interface ConfigInit {
  configFile?: string;
  schemaFile?: string;
  rules?: Record<string, RuleSetting>;
  /** The working folder, for relative paths. */
  cwd?: string;
}

export type Resolution = Omit<ConfigResolution, 'errors'> & { errors: ConfigProblem[] };

export interface CliResolver {
  resolve(documentPath: string, documentText?: string): Promise<Resolution>;
}

export async function createCliResolver(init: ConfigInit): Promise<CliResolver> {
  const inner = createConfigResolver({ configFile: init.configFile, schemaFile: init.schemaFile, rules: init.rules, cwd: init.cwd });
  return {
    async resolve(documentPath, documentText) {
      const r = await inner.resolve(documentPath, documentText);
      return { ...r, errors: r.errors.map(({ file, line, column, code, message }) => ({ file, line, column, code, message })) };
    },
  };
}
