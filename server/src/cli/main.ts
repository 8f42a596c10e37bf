// The command-line front end: one verb per module (lint.ts, coverage.ts,
// schema.ts), dispatched here; `outline` lives here. All analysis lives in the
// engine; the CLI reads files, calls analyze(), prints and sets the exit code.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, toAnnotation, type AnalysisResult, type Enumeration } from '../engine/index.js';
import { detect, encodingFlag, encodingLabel } from './encoding.js';
import { MAIN_HELP, OUTLINE_HELP } from './help.js';
import { defaultIo, type Io } from './io.js';
import { EXIT_OK, EXIT_USAGE, lint, UsageError } from './lint.js';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './lint.js';
export type { Io } from './io.js';

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    switch (verb) {
      case 'outline':
        return await outline(rest, io);
      case 'lint':
        return await lint(rest, io);
      case 'coverage':
        return await (await import('./coverage.js')).coverage(rest, io);
      case 'schema':
        return await (await import('./schema.js')).schema(rest, io);
      case '--version':
      case '-v':
        io.out(`${await version()}\n`);
        return EXIT_OK;
      case 'help':
        if (rest[0] && rest[0] !== 'help') return await main([rest[0], '--help'], io);
        io.out(MAIN_HELP);
        return EXIT_OK;
      case undefined:
      case '--help':
      case '-h':
        io.out(MAIN_HELP);
        return verb === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        io.err(`gongwen: 未知命令 unknown command "${verb}"\n\n${MAIN_HELP}`);
        return EXIT_USAGE;
    }
  } catch (err) {
    io.err(`gongwen: ${err instanceof UsageError ? err.message : String((err as Error)?.stack ?? err)}\n`);
    return EXIT_USAGE;
  }
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${OUTLINE_HELP}`);
  }
}

/** Reads a text file as UTF-8 (a BOM is dropped so that positions match what an editor shows). */
async function readText(path: string): Promise<string> {
  const d = detect(await readFile(path));
  if (d.kind === 'text') return d.text;
  if (d.kind === 'binary') throw new UsageError(`${path}: 不是文本文件 not a text file`);
  if (d.encoding === 'unknown') throw new UsageError(`${path}: 不是 UTF-8 文本 not UTF-8 text`);
  const label = encodingLabel(d.encoding);
  throw new UsageError(`${path}: 文件编码是 ${label}，不是 UTF-8 / encoded in ${label}, not UTF-8 (gongwen lint --encoding ${encodingFlag(d.encoding)} reads it)`);
}

async function outline(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse({ args, allowPositionals: true, strict: true, options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(OUTLINE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`outline 需要一个文件 / outline takes one FILE\n\n${OUTLINE_HELP}`);
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`未知格式 unknown format "${format}" (text|json)`);
  const file = positionals[0];
  let text: string;
  try {
    text = await readText(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    io.err(`gongwen: 无法读取 cannot read ${file}: ${describeReadError(err)}\n`);
    return EXIT_USAGE;
  }
  const result = analyze(text);
  if (format === 'json') {
    io.out(JSON.stringify({ file, ...toAnnotation(result) }, null, 2) + '\n');
  } else {
    io.out(renderOutline(file, result));
  }
  return EXIT_OK;
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在 no such file';
  if (code === 'EISDIR') return '是目录 is a directory';
  return String((err as Error).message ?? err);
}

export function renderOutline(file: string, result: AnalysisResult): string {
  const lines: string[] = [file];
  const announced = new Map(result.announcements.filter((a) => a.target).map((a) => [a.target!, a]));
  const walkEnum = (e: Enumeration, indent: string) => {
    const a = announced.get(e);
    const note = a ? `  ← “${a.text}”${a.matches === false ? ' ✗' : ''}` : '';
    lines.push(`${indent}${e.id} ${e.style} × ${e.items.length}${e.inline ? ' (inline)' : ''}${note}`);
    for (const item of e.items) {
      lines.push(`${indent}  ${item.marker} ${item.title}  [${item.range.start.line + 1}:${item.range.start.character + 1}]`);
      for (const child of item.children) walkEnum(child, indent + '    ');
    }
  };
  for (const e of result.enumerations) walkEnum(e, '  ');
  if (result.enumerations.length === 0) lines.push('  (没有编号结构 no enumerations)');
  return lines.join('\n') + '\n';
}
