// What the schema layer shows in the editor: code lenses above the checked
// enumeration, the coverage report, the status bar figures, measure notes in
// hovers and outlines, stub items for missing measures, measure completions.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, CompletionItemKind, type CodeAction, type CodeLens, type CompletionItem, type Diagnostic } from 'vscode-languageserver/node';
import { flattenEnumerations, type AnalysisResult, type CoverageResult, type Item, type MeasureCoverage, type MeasuresSchema } from '../../engine/index.js';
import { renderMarkdown } from '../../schema/index.js';
import { toRange } from '../convert.js';
import { t, type Locale } from '../locale.js';
import { markerFor } from './completion.js';

export const SHOW_COVERAGE = 'gongwen.showCoverage';

export function codeLenses(uri: string, result: AnalysisResult, locale: Locale): CodeLens[] {
  const c = result.coverage;
  if (!c?.enumeration) return [];
  const s = c.summary;
  const title = t(locale, `${c.enumeration.itemCount} 项 · 覆盖 ${s.requiredCovered}/${s.required} 项必需措施`, `${c.enumeration.itemCount} items · ${s.requiredCovered}/${s.required} required measures covered`);
  const line = c.enumeration.range.start.line;
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: SHOW_COVERAGE, arguments: [uri] } }];
}

export function status(result: AnalysisResult): { coverage: { covered: number; total: number; schema: string } | null } {
  const c = result.coverage;
  if (!c) return { coverage: null };
  return { coverage: { covered: c.summary.requiredCovered, total: c.summary.required, schema: c.schemaTitle ?? c.schemaId ?? '' } };
}

export function coverageReport(uri: string, result: AnalysisResult, locale: Locale): string {
  const file = uri.startsWith('file:') ? basename(fileURLToPath(uri)) : uri;
  if (result.coverage) return renderMarkdown({ file, coverage: result.coverage });
  const enums = result.enumerations;
  return [
    `### ${file}`,
    '',
    t(locale, '本文档没有适用的必备措施清单（在 .gongwenrc.yaml 或设置 gongwen.schema 中指定）。', 'No required-measures schema applies to this document (set one in .gongwenrc.yaml or the gongwen.schema setting).'),
    '',
    ...enums.map((e) => `- ${e.id} \`${e.style}\` × ${e.items.length}: ${e.items.map((i) => i.marker).join(' ')}`),
    '',
  ].join('\n');
}

const itemKey = (enumerationId: string, index: number) => `${enumerationId}#${index}`;

/** The measures an item covers, with the words that show it. */
export function coveredBy(coverage: CoverageResult | undefined): (item: Item) => MeasureCoverage[] {
  if (!coverage) return () => [];
  const byItem = new Map<string, MeasureCoverage[]>();
  for (const m of coverage.measures) {
    if (!m.covered || !m.item) continue;
    const k = itemKey(m.item.enumerationId, m.item.index);
    byItem.set(k, [...(byItem.get(k) ?? []), m]);
  }
  return (item) => {
    for (const list of byItem.values()) {
      const m = list[0];
      if (m.item && m.item.range.start.offset === item.range.start.offset) return list;
    }
    return [];
  };
}

export function measureNotes(coverage: CoverageResult | undefined, locale: Locale): (item: Item) => string[] {
  const of = coveredBy(coverage);
  return (item) => {
    const ms = of(item);
    if (!ms.length) return [];
    return [
      '',
      `**${t(locale, '覆盖的必备措施', 'Required measures covered')}**`,
      ...ms.map((m) => {
        const words = m.evidence.filter((e) => e.weight > 0).slice(0, 4).map((e) => `“${e.term}”`).join('、');
        return `- ${m.title}${words ? t(locale, `：${words}`, `: ${words}`) : ''}`;
      }),
    ];
  };
}

/** Missing measures whose findings a diagnostic reports (matched by the measure's title in the message). */
function missingFor(coverage: CoverageResult, d: Diagnostic): MeasureCoverage | undefined {
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return coverage.measures.find((m) => !m.covered && message.includes(m.title));
}

export function missingMeasureHover(result: AnalysisResult, schema: MeasuresSchema | undefined, diagnostics: Diagnostic[], locale: Locale): string[] {
  const c = result.coverage;
  if (!c) return [];
  const lines: string[] = [];
  for (const d of diagnostics) {
    const m = missingFor(c, d);
    if (!m) continue;
    const measure = m.source ? ` (${basename(m.source.file)}:${m.source.line})` : '';
    lines.push(`**${t(locale, '缺少必备措施', 'Missing required measure')}：${m.title}**${measure}`);
    const desc = schema?.measures.find((x) => x.id === m.id)?.description;
    if (desc) lines.push('', desc);
  }
  return lines;
}

/**
 * A stub item for a missing measure, where the schema's order puts it: after the
 * item that covers the measure before it (or before the first item), numbered
 * and written like the enumeration's first item. The stub names what the
 * measure must mention, for the drafter to write out.
 */
export function stubActions(uri: string, text: string, result: AnalysisResult, schema: MeasuresSchema | undefined, diagnostics: Diagnostic[], locale: Locale): CodeAction[] {
  const c = result.coverage;
  if (!c?.enumeration) return [];
  const e = flattenEnumerations(result.enumerations).find((x) => x.id === c.enumeration!.id);
  if (!e) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'missing-measure') continue;
    const m = missingFor(c, d);
    if (!m) continue;
    const index = c.measures.indexOf(m);
    const before = c.measures.slice(0, index).reverse().find((x) => x.covered && x.item);
    const after = before ? e.items[before.item!.index] : undefined;
    const marker = markerFor(e.items[0], after ? after.n + 1 : 1);
    if (!marker) continue;
    const measure = schema?.measures.find((x) => x.id === m.id);
    const mustMention = [...(measure?.all ?? []), ...(measure?.requirements.filter((r) => r.required).map((r) => r.title) ?? [])];
    const todo = mustMention.length ? t(locale, `（待补充：${mustMention.join('、')}）`, `(to write: ${mustMention.join(', ')})`) : '';
    const body = `${marker}${m.title}。${todo}`;
    let at;
    let newText;
    if (after) {
      at = after.scopeEnd;
      newText = e.inline ? body : `${eol}${eol}${body}`;
    } else {
      at = e.items[0].range.start;
      newText = e.inline ? body : `${body}${eol}${eol}`;
    }
    actions.push({
      title: t(locale, `添加“${marker}${m.title}”`, `Add "${marker}${m.title}"`),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [{ range: toRange({ start: at, end: at }), newText }] } },
    });
  }
  return actions;
}

/** Titles of required measures not yet covered, written after the next marker. */
export function measureCompletions(result: AnalysisResult, marker: string | undefined, locale: Locale): CompletionItem[] {
  const c = result.coverage;
  if (!c) return [];
  return c.measures
    .filter((m) => !m.covered)
    .map((m, k) => ({
      label: m.title,
      kind: CompletionItemKind.Text,
      detail: t(locale, '尚未覆盖的必备措施', 'required measure not yet covered'),
      sortText: `1${String(k).padStart(3, '0')}`,
      insertText: m.title,
      filterText: `${marker ?? ''}${m.title}`,
    }));
}
