// Completion: the next marker of the enumeration the cursor is in (after 三要…。
// on a new paragraph, offer 四要).
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import {
  flattenEnumerations,
  formatArabicNumeral,
  formatChineseNumeral,
  formatCircledNumber,
  type AnalysisResult,
  type Enumeration,
  type Item,
} from '../../engine/index.js';
import { t, type Locale } from '../locale.js';

const ADVERBS = ['', '首先', '其次', '再次'];

/** The marker that would follow [item], written in its style and form. */
export function nextMarker(item: Item): string | null {
  return markerFor(item, item.n + 1);
}

/** The marker numbered [n], written in the style and form of [item]. */
export function markerFor(item: Item, n: number): string | null {
  const cn = formatChineseNumeral(n);
  const ar = formatArabicNumeral(n, /[０-９]/.test(item.marker));
  switch (item.style) {
    case '第N':
      return '第' + cn;
    case '首先其次':
      return ADVERBS[n] ?? '最后';
    case 'N、':
      return cn + '、';
    case '（N）':
      return item.variant[0] + cn + item.variant[1];
    case '（1）':
      return item.variant[0] + ar + item.variant[1];
    case '1.':
    case '1、':
      return ar + item.variant;
    case '①':
      return formatCircledNumber(n) || null;
    case '第N章':
    case '第N节':
    case '第N条':
      return '第' + cn + item.style.slice(-1);
    default:
      return item.style.startsWith('N') ? cn + item.variant : null;
  }
}

interface Candidate {
  enumeration: Enumeration;
  item: Item;
  distance: number;
}

export function completions(result: AnalysisResult, text: string, pos: Position, offset: number, locale: Locale): CompletionItem[] {
  const lineText = text.slice(offset - pos.character, offset);
  // Offer markers where an item can begin: at a line start or after clause punctuation.
  const typed = /([\u4e00-\u9fff0-9０-９（(]{0,4})$/.exec(lineText)?.[1] ?? '';
  const before = lineText.slice(0, lineText.length - typed.length).replace(/[\s\u3000*#>-]+$/, '');
  if (before !== '' && !/[。；;：:，,！？!?]$/.test(before)) return [];
  const candidates: Candidate[] = [];
  for (const e of flattenEnumerations(result.enumerations)) {
    let k = -1;
    for (let i = 0; i < e.items.length; i++) if (e.items[i].range.start.offset < offset - typed.length) k = i;
    if (k < 0) continue;
    const item = e.items[k];
    const next = e.items[k + 1];
    if (next && next.range.start.offset < offset) continue;
    const end = item.scopeEnd.offset;
    const gap = text.slice(end, offset - typed.length);
    // Inside the item, or right after it with only blank lines between.
    if (offset - typed.length <= end || /^\s*$/.test(gap)) candidates.push({ enumeration: e, item, distance: Math.max(0, offset - end) });
  }
  candidates.sort((a, b) => a.distance - b.distance || b.enumeration.level - a.enumeration.level);
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  candidates.forEach((c, rank) => {
    const marker = nextMarker(c.item);
    if (!marker || seen.has(marker)) return;
    seen.add(marker);
    out.push({
      label: marker,
      kind: CompletionItemKind.EnumMember,
      detail: t(locale, `接续“${c.item.marker}”（${c.enumeration.id}）`, `continues "${c.item.marker}" (${c.enumeration.id})`),
      sortText: `0${rank}`,
      preselect: rank === 0,
      filterText: marker,
      textEdit: {
        range: { start: { line: pos.line, character: pos.character - typed.length }, end: pos },
        newText: marker,
      },
    });
  });
  return out;
}
