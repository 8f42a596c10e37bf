// `gongwen coverage FILE… [--schema S] [--config C] [--format text|json|markdown]`:
// which item of the draft covers which required measure, as a table for the
// terminal, JSON, or Markdown for a CI job summary ($GITHUB_STEP_SUMMARY).
// Exit: 0 every required measure covered · 1 one is missing · 2 usage,
// configuration or schema error, or no schema for a file.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../engine/index.js';
import { renderMarkdown, renderText, type FileCoverage } from '../schema/report.js';
import { createConfigResolver, type ConfigError } from '../config/index.js';
import type { Io } from './io.js';

export const COVERAGE_HELP = `gongwen coverage — 必备措施覆盖情况 / which items cover the required measures

用法 Usage:
  gongwen coverage FILE… [选项 options]

选项 Options:
  --schema FILE              使用此必备措施清单（默认：配置文件或前言中指定的清单）
                             check against this schema (default: the one the configuration or front matter names)
  -c, --config FILE          使用此配置文件（不再向上查找）/ use this configuration file (no search)
  -f, --format FORMAT        text（默认 default）、json、markdown（适合 $GITHUB_STEP_SUMMARY）
  -h, --help                 显示帮助 / show help

示例 Example:
  gongwen coverage draft.md --schema schemas/campus-epidemic.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"

退出码 Exit codes: 0 必备措施齐全 all required measures covered · 1 有缺失 some are missing ·
                   2 用法、配置或清单错误 usage, configuration or schema error
`;

class UsageError extends Error {}


export async function coverage(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        schema: { type: 'string' },
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`gongwen coverage: ${(err as Error).message}\n\n${COVERAGE_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(COVERAGE_HELP);
    return 0;
  }
  try {
    const format = values.format as string;
    if (!['text', 'json', 'markdown', 'md'].includes(format)) throw new UsageError(`未知格式 unknown format "${format}" (text|json|markdown)`);
    if (!positionals.length) throw new UsageError(`coverage 需要文件 / coverage takes FILE…\n\n${COVERAGE_HELP}`);
    const cwd = io.cwd ?? process.cwd();
    const show = (p: string) => (isAbsolute(p) ? relative(cwd, p) || p : p).split('\\').join('/');
    const resolver = createConfigResolver({ configFile: values.config, schemaFile: values.schema, cwd });
    const results: FileCoverage[] = [];
    let failed = false;
    for (const file of positionals) {
      let text: string;
      try {
        text = decode(await readFile(resolve(cwd, file)));
      } catch (err) {
        io.err(`${show(file)}: 无法读取 cannot read: ${describe(err)}\n`);
        failed = true;
        continue;
      }
      const res = await resolver.resolve(resolve(cwd, file), text);
      if (res.errors.length) {
        for (const e of res.errors) io.err(formatConfigError(e, show));
        failed = true;
        continue;
      }
      if (!res.options.schema) {
        io.err(
          `${show(file)}: 没有必备措施清单：用 --schema 指定，或在 .gongwenrc.yaml 中设置 schema / no required-measures schema: pass --schema, or set schema in .gongwenrc.yaml\n`,
        );
        failed = true;
        continue;
      }
      const result = analyze(text, res.options);
      for (const e of result.errors) io.err(`${show(file)}: ${e.zh} / ${e.en}\n`);
      if (result.coverage) results.push({ file: show(file), coverage: result.coverage });
    }
    if (format === 'json') io.out(JSON.stringify(results.length === 1 && positionals.length === 1 ? results[0] : results, null, 2) + '\n');
    else if (format === 'text') io.out(results.map(renderText).join('\n'));
    else io.out(results.map(renderMarkdown).join('\n'));
    if (failed) return 2;
    return results.some((r) => r.coverage.summary.missingRequired > 0) ? 1 : 0;
  } catch (err) {
    io.err(`gongwen coverage: ${err instanceof UsageError ? err.message : String(err)}\n`);
    return 2;
  }
}

function decode(buf: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describe(err: unknown): string {
  if (err instanceof TypeError) return '不是 UTF-8 文本 not UTF-8 text';
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在 no such file';
  if (code === 'EISDIR') return '是目录 is a directory';
  return String((err as Error).message ?? err);
}

export function formatConfigError(e: ConfigError, show: (p: string) => string = (p) => p): string {
  return `${show(e.file)}:${e.line}:${e.column}  error  ${e.code}  ${e.message.zh} / ${e.message.en}\n`;
}

export { displayWidth, renderMarkdown, renderText } from '../schema/report.js';
