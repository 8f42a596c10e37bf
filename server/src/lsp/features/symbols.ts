// Outline: headings as sections and every numbered item as a symbol, nested as
// the document nests them (by containment of their extents).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { flattenEnumerations, type AnalysisResult, type Item, type Range } from '../../engine/index.js';
import { toRange } from '../convert.js';
import { t, type Locale } from '../locale.js';

interface Node {
  start: number;
  end: number;
  symbol: DocumentSymbol;
}

export function itemName(item: Item): string {
  return item.title ? `${item.marker} ${item.title}` : item.marker;
}

/** Measures an item covers, for the symbol's detail (filled when a schema applies). */
export type CoveredMeasures = (item: Item) => string[];

export function documentSymbols(result: AnalysisResult, locale: Locale, covered: CoveredMeasures = () => []): DocumentSymbol[] {
  const nodes: Node[] = [];
  const headingItems = new Set<Item>();
  const range = (start: Range['start'], end: Range['end']): Range => ({ start, end });
  for (const h of result.headings) {
    if (h.item) headingItems.add(h.item);
    const full = range(h.range.start, h.sectionEnd.offset > h.range.end.offset ? h.sectionEnd : h.range.end);
    const item = h.item;
    const end = item && item.scopeEnd.offset > full.end.offset ? item.scopeEnd : full.end;
    const measures = item ? covered(item) : [];
    nodes.push({
      start: full.start.offset,
      end: end.offset,
      symbol: {
        name: h.text || '#',
        detail: measures.length ? measures.join('、') : undefined,
        kind: item ? SymbolKind.EnumMember : SymbolKind.Namespace,
        range: toRange(range(full.start, end)),
        selectionRange: toRange(h.range),
        children: [],
      },
    });
  }
  for (const e of flattenEnumerations(result.enumerations)) {
    e.items.forEach((item, k) => {
      if (headingItems.has(item)) return;
      const measures = covered(item);
      const end = item.scopeEnd.offset > item.range.end.offset ? item.scopeEnd : item.range.end;
      nodes.push({
        start: item.range.start.offset,
        end: end.offset,
        symbol: {
          name: itemName(item),
          detail: measures.length ? measures.join('、') : t(locale, `${k + 1}/${e.items.length}`, `${k + 1} of ${e.items.length}`),
          kind: SymbolKind.EnumMember,
          range: toRange(range(item.range.start, end)),
          selectionRange: toRange(item.range),
          children: [],
        },
      });
    });
  }
  // Nest by containment: a node is a child of the nearest earlier node that contains it.
  nodes.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: DocumentSymbol[] = [];
  const stack: Node[] = [];
  for (const n of nodes) {
    while (stack.length && stack[stack.length - 1].end < n.end) stack.pop();
    if (stack.length) stack[stack.length - 1].symbol.children!.push(n.symbol);
    else roots.push(n.symbol);
    stack.push(n);
  }
  return roots;
}
