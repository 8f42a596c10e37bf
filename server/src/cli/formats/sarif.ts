// sarif: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps). One run; every
// rule's metadata with helpUri to its docs page; results with regions in
// UTF-16 code units (columnKind utf16CodeUnits), related locations and fixes;
// file notes as tool execution notifications, configuration errors as tool
// configuration notifications. Valid against the OASIS SARIF 2.1.0 schema.
import { pathToFileURL } from 'node:url';
import { DOCS_BASE, RULES, type Finding, type Range, type Severity } from '../../engine/index.js';
import { pick, t } from '../locale.js';
import { visibleFindings, visibleNotes, type FileNote, type Report } from '../report.js';
import type { FormatContext } from './context.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/gongwen/gongwen';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity | FileNote['severity'], Level> = { fatal: 'error', error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const uriOf = (path: string) => path.split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
/** SARIF asks for messages that end like sentences. */
const sentence = (s: string) => (/[.。!！?？]$/.test(s) ? s : /[\u3000-\u9fff\uff00-\uffef]$/.test(s) || /[”」』）】]$/.test(s) ? `${s}。` : `${s}.`);

function helpOf(id: string, description: string, locale: FormatContext['locale']) {
  const url = `${DOCS_BASE}${id}.md`;
  return { text: `${description} ${t(locale, '说明', 'Documentation')}: ${url}`, markdown: `${description} [${t(locale, '说明', 'Documentation')}](${url})` };
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(report: Report, ctx: FormatContext): string {
  const { locale } = ctx;
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: sentence(pick(r.meta.description, locale)) },
    fullDescription: { text: sentence(`${r.meta.description.zh} / ${r.meta.description.en}`) },
    helpUri: `${DOCS_BASE}${r.meta.id}.md`,
    help: helpOf(r.meta.id, pick(r.meta.description, locale), locale),
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
    properties: { tags: ['gongwen', r.meta.fixable ? 'fixable' : 'not-fixable'], fixable: r.meta.fixable, defaultSeverity: r.meta.defaultSeverity },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const addRule = (id: string) => {
    if (ruleIndex.has(id)) return ruleIndex.get(id)!;
    rules.push({
      id,
      name: pascal(id),
      shortDescription: { text: sentence(id) },
      fullDescription: { text: sentence(id) },
      helpUri: `${DOCS_BASE}${id}.md`,
      help: helpOf(id, id, locale),
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['gongwen'], fixable: false, defaultSeverity: 'warning' },
    });
    ruleIndex.set(id, rules.length - 1);
    return rules.length - 1;
  };

  const artifacts: Array<{ location: { uri: string; uriBaseId: string }; sourceLanguage: string; encoding?: string }> = [];
  const artifactIndex = new Map<string, number>();
  const artifactOf = (path: string, encoding?: string) => {
    if (!artifactIndex.has(path)) {
      artifactIndex.set(path, artifacts.length);
      artifacts.push({ location: { uri: uriOf(path), uriBaseId: SRCROOT }, sourceLanguage: 'markdown', ...(encoding && encoding !== 'unknown' ? { encoding } : {}) });
    }
    const index = artifactIndex.get(path)!;
    return { uri: uriOf(path), uriBaseId: SRCROOT, index };
  };

  const results: unknown[] = [];
  const executionNotes: unknown[] = [];
  for (const file of report.files) {
    const findings = visibleFindings(file, ctx.quiet);
    const notes = visibleNotes(file, ctx.quiet);
    if (!findings.length && !notes.length && file.status !== 'checked') continue;
    const artifactLocation = artifactOf(file.path, file.encoding);
    for (const n of notes) {
      executionNotes.push({
        level: LEVEL[n.severity],
        message: { text: sentence(pick(n.message, locale)) },
        descriptor: { id: n.code },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    for (const f of findings) results.push(result(f, artifactLocation, addRule(f.ruleId), ctx));
  }

  const configurationNotes = report.configErrors.map((e) => ({
    level: 'error' as Level,
    message: { text: sentence(pick(e.message, locale)) },
    descriptor: { id: e.code },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(e.file), uriBaseId: SRCROOT }, region: { startLine: Math.max(1, e.line), startColumn: Math.max(1, e.column) } } }],
  }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongwen',
            fullName: 'Gongwen 公文',
            version: report.version,
            semanticVersion: report.version,
            informationUri: INFORMATION_URI,
            language: locale,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.exitCode !== 2,
            exitCode: report.exitCode,
            ...(executionNotes.length ? { toolExecutionNotifications: executionNotes } : {}),
            ...(configurationNotes.length ? { toolConfigurationNotifications: configurationNotes } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : `${report.cwd}/`).href } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(f: Finding, artifactLocation: { uri: string; uriBaseId: string; index: number }, ruleIndex: number, ctx: FormatContext) {
  const { locale } = ctx;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: sentence(pick(f.message, locale)) },
    locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            physicalLocation: { artifactLocation, region: region(r.range) },
            message: { text: sentence(pick(r.message, locale)) },
          })),
        }
      : {}),
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: sentence(pick(f.fix.title, locale)) },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}
