// The command-line front end: reads files, calls analyze(), prints, and sets
// the exit code. All analysis lives in the engine; this file does I/O only.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, toAnnotation, type AnalysisResult, type Enumeration, type Finding } from '../engine/index.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `gongwen — 公文编号结构检查 / structure checks for Chinese policy directives

用法 Usage:
  gongwen outline FILE [--format text|json]   显示编号结构树 / print the directive tree
  gongwen lint PATH…                          检查文件或目录 / check files and folders (*.md)
  gongwen --help | --version

退出码 Exit codes: 0 无错误 clean · 1 有错误级问题 error findings · 2 用法错误或无法读取 usage error or unreadable input
`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    switch (verb) {
      case 'outline':
        return await outline(rest, io);
      case 'lint':
        return await lint(rest, io);
      case '--version':
      case '-v':
        io.out(`${await version()}\n`);
        return EXIT_OK;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP);
        return verb === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        io.err(`gongwen: 未知命令 unknown command "${verb}"\n\n${HELP}`);
        return EXIT_USAGE;
    }
  } catch (err) {
    io.err(`gongwen: ${err instanceof UsageError ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
}

class UsageError extends Error {}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${HELP}`);
  }
}

/** Reads a text file as UTF-8; a BOM is dropped so that positions match what an editor shows. */
async function readText(path: string): Promise<string> {
  const buf = await readFile(path);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function outline(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse({ args, allowPositionals: true, strict: true, options: { format: { type: 'string', short: 'f', default: 'text' } } });
  if (positionals.length !== 1) throw new UsageError('outline 需要一个文件 / outline takes one FILE');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`未知格式 unknown format "${format}" (text|json)`);
  const file = positionals[0];
  let text: string;
  try {
    text = await readText(file);
  } catch (err) {
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
  if (err instanceof TypeError) return '不是 UTF-8 文本 not UTF-8 text';
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

async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
      const p = join(dir, ent.name);
      if (ent.isDirectory()) await walk(p);
      else if (ent.isFile() && /\.(md|markdown)$/i.test(ent.name)) files.push(p);
    }
  };
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw new UsageError(`找不到 not found: ${p}`);
    }
    if (s.isDirectory()) await walk(p);
    else files.push(p);
  }
  return files;
}


async function lint(args: string[], io: Io): Promise<number> {
  const { positionals } = parse({ args, allowPositionals: true, strict: true, options: {} });
  const files = await collectFiles(positionals.length ? positionals : ['.']);
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readText(file);
    } catch (err) {
      io.err(`${file}: 无法读取 cannot read: ${describeReadError(err)}\n`);
      unreadable++;
      continue;
    }
    const result = analyze(text);
    const shown = relative(process.cwd(), resolve(file)) || file;
    for (const f of result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      io.out(`${shown}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.ruleId}  ${f.message.zh} / ${f.message.en}\n`);
    }
    for (const e of result.errors) io.err(`${shown}: ${e.zh} / ${e.en}\n`);
  }
  const summary = `${files.length} 个文件 files · ${errors} 个错误 errors · ${warnings} 个警告 warnings`;
  io.err(summary + '\n');
  if (unreadable) return EXIT_USAGE;
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
