// Schemas in tests are written as a user writes them: YAML text, loaded and
// validated by the schema module. A schema with errors fails the test at once.
import { readFileSync } from 'node:fs';
import type { AnalyzeOptions, MeasuresSchema } from 'gongwen-server';
import { loadSchema, type SchemaResolver } from 'gongwen-server/schema';

export function schemaOf(yaml: string, resolve?: SchemaResolver): MeasuresSchema {
  const loaded = loadSchema(yaml, 'test.yaml', resolve);
  if (!loaded.schema) throw new Error(`schema has errors:\n${loaded.errors.map((e) => `${e.line}:${e.column} ${e.code} ${e.message.en}`).join('\n')}`);
  return loaded.schema;
}

/** Analyze options with a schema (and optional rule settings). */
export const withSchema = (yaml: string, rules?: AnalyzeOptions['rules']): AnalyzeOptions => ({ schema: schemaOf(yaml), ...(rules ? { rules } : {}) });

const fixtures = new URL('../fixtures/', import.meta.url);
export const fixture = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

/** The seed directive (一要…十要, announced as 十个方面工作). */
export const seed = (): string => fixture('seeds/000_1879313dcec84cbe.txt');

/** The seed without item k (1-based). */
export function seedWithout(k: number): string {
  const lines = seed().split('\n');
  const at = lines.findIndex((l) => l.startsWith('一二三四五六七八九十'[k - 1] + '要'));
  return lines.filter((_, i) => i !== at).join('\n');
}
