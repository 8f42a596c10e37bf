// Hover on a marker: its place in the enumeration, its level and style; on an
// announcement: announced against found.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { flattenEnumerations, GBT_LEVEL, type AnalysisResult, type Enumeration, type Item } from '../../engine/index.js';
import { toRange } from '../convert.js';
import { t, type Locale } from '../locale.js';

const inRange = (pos: Position, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  (pos.line > r.start.line || (pos.line === r.start.line && pos.character >= r.start.character)) &&
  (pos.line < r.end.line || (pos.line === r.end.line && pos.character <= r.end.character));

export function findItemAt(result: AnalysisResult, pos: Position): { enumeration: Enumeration; item: Item; index: number } | undefined {
  for (const e of flattenEnumerations(result.enumerations)) {
    const index = e.items.findIndex((i) => inRange(pos, i.range));
    if (index >= 0) return { enumeration: e, item: e.items[index], index };
  }
  return undefined;
}

/** Extra lines for an item (e.g. the measures it covers), supplied by the schema layer. */
export type ItemNotes = (item: Item, locale: Locale) => string[];

export function hover(result: AnalysisResult, pos: Position, locale: Locale, notes: ItemNotes = () => []): Hover | null {
  const hit = findItemAt(result, pos);
  if (hit) {
    const { enumeration: e, item, index } = hit;
    const level = GBT_LEVEL[item.style];
    const gbt = level !== undefined && level <= 4 ? level : undefined; // GB/T 9704 names four levels
    const lines = [
      `**${item.marker}** — ${t(locale, `第 ${index + 1} 项 / 共 ${e.items.length} 项`, `item ${index + 1} of ${e.items.length}`)}`,
      '',
      `- ${t(locale, '样式', 'Style')}: \`${item.style}\`${e.style === 'mixed' ? t(locale, '（本列举混用样式）', ' (this enumeration mixes styles)') : ''}`,
      `- ${t(locale, '层次', 'Level')}: ${e.level}${gbt ? t(locale, `（GB/T 9704 第${gbt}层）`, ` (GB/T 9704 level ${gbt})`) : ''}`,
      `- ${t(locale, '编号', 'Number')}: ${item.n}`,
      ...(item.children.length
        ? [`- ${t(locale, '下级列举', 'Nested')}: ${item.children.map((c) => `${c.items[0].marker}…${c.items[c.items.length - 1].marker}（${c.items.length}）`).join('，')}`]
        : []),
      ...notes(item, locale),
    ];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(item.range) };
  }
  const a = result.announcements.find((x) => inRange(pos, x.range));
  if (a) {
    const found = a.target ? a.target.items.length : null;
    const lines = [
      `**${a.text}** — ${t(locale, '预告项数', 'announced count')}`,
      '',
      `- ${t(locale, '预告', 'Announced')}: ${a.count ?? t(locale, '（未给出数字）', '(no number)')}`,
      `- ${t(locale, '实有', 'Found')}: ${found ?? t(locale, '其后没有编号列举', 'no numbered enumeration follows')}${
        a.target ? `（${a.target.items[0].marker}…${a.target.items[a.target.items.length - 1].marker}）` : ''
      }`,
      ...(a.matches === false ? [`- ⚠ ${t(locale, '项数不符', 'The counts differ')}`] : []),
    ];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(a.range) };
  }
  return null;
}
