// `gongwen schema derive REFERENCE [-o FILE]` and `gongwen schema check FILE…`:
// make a required-measures schema from a reference directive, and validate
// schema and configuration files with positioned errors.
// Exit: 0 fine · 2 usage error, unreadable input, or an invalid schema/config.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveSchema, loadSchema } from '../schema/index.js';
import { checkConfigFile, checkSchemaFile, isConfigFileName } from '../config/index.js';
import { formatConfigError } from './coverage.js';
import type { Io } from './io.js';

export const SCHEMA_HELP = `gongwen schema — 必备措施清单工具 / required-measures schema tools

用法 Usage:
  gongwen schema derive REFERENCE.md [-o schema.yaml] [--id ID] [--title TITLE] [--max-keywords N]
      由上级文件（参考稿）生成清单：主编号组的每一项成为一条措施，其关键短语成为关键词；
      输出带注释的 YAML，请人工核对后使用。
      derive a schema from a reference directive: each item of its main enumeration becomes a
      measure, its key phrases the keywords; the output is commented YAML for a person to review.
  gongwen schema check FILE…
      校验清单文件（或 .gongwenrc.yaml 等配置文件），逐条输出“文件:行:列”错误。
      validate schema files (or configuration files such as .gongwenrc.yaml), printing file:line:col errors.

退出码 Exit codes: 0 正常 ok · 2 用法错误、无法读取或清单/配置有错误 usage error, unreadable input, or invalid schema/config
`;

class UsageError extends Error {}

export async function schema(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'derive':
        return await derive(rest, io);
      case 'check':
        return await check(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(SCHEMA_HELP);
        return sub === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知子命令 unknown subcommand "${sub}"\n\n${SCHEMA_HELP}`);
    }
  } catch (err) {
    io.err(`gongwen schema: ${err instanceof UsageError ? err.message : String(err)}\n`);
    return 2;
  }
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  id: { type: 'string' },
  title: { type: 'string' },
  'max-keywords': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${SCHEMA_HELP}`);
  }
}

async function readText(path: string): Promise<string> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function derive(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.out(SCHEMA_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`schema derive 需要一个参考文件 / schema derive takes one REFERENCE\n\n${SCHEMA_HELP}`);
  const cwd = io.cwd ?? process.cwd();
  const file = resolve(cwd, positionals[0]);
  let text: string;
  try {
    text = await readText(file);
  } catch (err) {
    io.err(`${positionals[0]}: 无法读取 cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 no such file' : String((err as Error).message)}\n`);
    return 2;
  }
  const maxKeywords = values['max-keywords'] !== undefined ? Number(values['max-keywords']) : undefined;
  if (maxKeywords !== undefined && !(Number.isInteger(maxKeywords) && maxKeywords > 0)) throw new UsageError('--max-keywords 应为正整数 must be a positive integer');
  const id = (values.id as string | undefined) ?? slug(basename(file).replace(/\.[^.]+$/, ''));
  const result = deriveSchema(text, { id, title: values.title as string | undefined, source: basename(file), maxKeywords });
  if (result.errors.length) {
    for (const e of result.errors) io.err(`${positionals[0]}: ${e.zh} / ${e.en}\n`);
    return 2;
  }
  // The output must be a valid schema; check before writing it.
  const check = loadSchema(result.yaml, values.output ? String(values.output) : '<derived>');
  if (check.errors.length) {
    for (const e of check.errors) io.err(formatConfigError(e));
    return 2;
  }
  if (values.output) {
    const out = resolve(cwd, String(values.output));
    await writeFile(out, result.yaml, 'utf8');
    io.err(`已生成 wrote ${relative(cwd, out) || out}：${result.measures.length} 条措施 measures\n`);
  } else io.out(result.yaml);
  return 0;
}

/** A schema id from a file name: letters, digits and CJK kept, the rest joined by `-`. */
function slug(name: string): string {
  const s = name
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-');
  return s || 'derived';
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.out(SCHEMA_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError(`schema check 需要文件 / schema check takes FILE…\n\n${SCHEMA_HELP}`);
  const cwd = io.cwd ?? process.cwd();
  const show = (p: string) => (isAbsolute(p) ? relative(cwd, p) || p : p).split('\\').join('/');
  let bad = 0;
  for (const f of positionals) {
    const file = resolve(cwd, f);
    const errors = isConfigFileName(file) ? await checkConfigFile(file) : await checkSchemaFile(file);
    for (const e of errors) io.err(formatConfigError(e, show));
    if (errors.length) bad++;
    else io.out(`${show(file)}: 有效 valid\n`);
  }
  return bad ? 2 : 0;
}
