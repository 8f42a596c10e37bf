// From marker candidates to the directive tree:
//   1. grouping — which candidates form one enumeration (sequence sense, with a
//      stack of open enumerations closed by headings and by higher levels);
//   2. scopes — how far each item reaches (ANNOTATION.md §4 "Where an item's scope ends");
//   3. nesting — an enumeration hangs from the innermost item whose scope holds all its markers.
// Invariant: pure; no I/O; never throws.
import type { Enumeration, Heading, Item, StyleCode } from './types.js';
import type { ParsedDocument } from './parse.js';
import type { Candidate } from './markers.js';
import { lineContentStart } from './markers.js';

interface Group {
  items: Candidate[];
  /** Heading depth of the group's items, 0 when they are not headings. */
  headingDepth: number;
  hasLast: boolean;
}

const FIXED_ADVERB_N: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };

function accepts(g: Group, c: Candidate, exactStyleOnly: boolean): boolean {
  const last = g.items[g.items.length - 1];
  if (c.weak || last.family !== c.family) return false;
  if (c.family === 'ordinal' && (c.adverb || g.items.some((i) => i.adverb))) {
    if (c.adverb === '首先') return g.items.every((i) => i.adverb && i.adverb !== '首先' && i.adverb !== '最后');
    if (c.adverb === '最后') return !g.hasLast;
    if (c.adverb === '然后') return true;
    // 其次 / 再次: the next in line, or out of line in a sequence that has them once only.
    if (c.adverb) return c.n === last.n + 1 || c.n > last.n || g.hasLast || (g.items.some((i) => i.adverb === '首先') && !g.items.some((i) => i.adverb === c.adverb));
    return c.n === last.n + 1; // 首先 … 第二 …
  }
  if (c.style === last.style || (c.family === 'suffix' && g.items.some((i) => i.style === c.style))) {
    const d = c.n - last.n;
    if (d === 1 || d === 0 || (d >= 2 && d <= 3)) return true;
    if (c.family === '第N条') return c.n !== 1;
    // Lower than the last: out of order or repeated (a restart at 一 opens a new enumeration).
    return c.n >= 2 && d < 0;
  }
  return !exactStyleOnly && c.n === last.n + 1;
}

/** Groups candidates into enumerations, in text order. */
export function groupCandidates(doc: ParsedDocument, candidates: Candidate[]): Group[] {
  const groups: Group[] = [];
  const stack: Group[] = [];
  let ci = 0;
  for (const block of doc.blocks) {
    const first = ci;
    while (ci < candidates.length && candidates[ci].start < block.end) ci++;
    // Only candidates inside this block (candidates are sorted, blocks are sorted and disjoint).
    const inBlock = candidates.slice(first, ci).filter((c) => c.block === block);
    if (block.kind === 'heading') {
      const hm = inBlock[0]?.atLineStart ? inBlock[0] : undefined;
      const closeAt = stack.findIndex((f) => {
        if (f.headingDepth > 0 && f.headingDepth < block.depth) return false;
        if (hm && f.headingDepth === block.depth && accepts(f, hm, false)) return false;
        if (hm && hm.rank !== null && f.items[0].rank !== null && f.items[0].rank < hm.rank) return false;
        return true;
      });
      if (closeAt >= 0) stack.length = closeAt;
    }
    for (const c of inBlock) {
      let at = -1;
      for (let k = stack.length - 1; k >= 0 && at < 0; k--) if (accepts(stack[k], c, true)) at = k;
      for (let k = stack.length - 1; k >= 0 && at < 0; k--) if (accepts(stack[k], c, false)) at = k;
      if (at >= 0) {
        const g = stack[at];
        stack.length = at + 1;
        const last = g.items[g.items.length - 1];
        if (c.adverb === '然后' || c.adverb === '最后') c.n = last.n + 1;
        if (c.adverb === '最后') g.hasLast = true;
        g.items.push(c);
        continue;
      }
      // A new enumeration: a restart closes its same-style predecessor; a higher level closes lower ones.
      if (c.n === 1) {
        const same = stack.findIndex((f) => f.items[0].style === c.style);
        if (same >= 0) stack.length = same;
      }
      if (c.rank !== null) {
        while (stack.length) {
          const r = stack[stack.length - 1].items[0].rank;
          if (r === null || r < c.rank) break;
          stack.pop();
        }
      }
      if (c.adverb === '然后' || c.adverb === '最后') c.n = 1;
      const g: Group = { items: [c], headingDepth: c.inHeading && c.atLineStart ? block.depth : 0, hasLast: c.adverb === '最后' };
      groups.push(g);
      stack.push(g);
    }
  }
  return groups.filter(isEnumeration);
}

/** Sequence sense: a lone 一是 is prose; 首先 needs a 其次/再次/然后. Articles always count. */
function isEnumeration(g: Group): boolean {
  const first = g.items[0];
  if (first.family === '第N条') return true;
  if (g.items.length < 2) return false;
  // Adverbs alone make a sequence only with 首先 and one of 其次/再次/然后 (首先 … 最后 is discourse).
  if (g.items.every((i) => i.adverb)) {
    return g.items.some((i) => i.adverb === '首先') && g.items.some((i) => i.adverb !== '首先' && i.adverb !== '最后');
  }
  return true;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}

interface LineInfo {
  /** A final item whose marker opens the line. */
  opener?: Candidate;
  heading: number;
  blank: boolean;
  inBlock: boolean;
}

const HEAD_SKIP = /[\s\u3000\u2002，、：:,．.]/;
const TITLE_STOP = /[。；;！？!?\r\n]/;

export interface BuiltStructure {
  enumerations: Enumeration[];
  /** Every item with its candidate, in text order. */
  items: Array<{ item: Item; candidate: Candidate; enumeration: Enumeration }>;
  headings: Heading[];
}

export function buildStructure(doc: ParsedDocument, candidates: Candidate[]): BuiltStructure {
  const { text, lines } = doc;
  const groups = groupCandidates(doc, candidates);

  // Line facts for scopes.
  const info: LineInfo[] = Array.from({ length: lines.lineCount }, (_, l) => ({
    heading: 0,
    blank: isBlankLine(text, lines.lineStart(l), lines.lineEnd(l)),
    inBlock: false,
  }));
  for (const b of doc.blocks) {
    const l0 = lines.lineOf(b.start);
    const l1 = lines.lineOf(Math.max(b.start, b.end - 1));
    for (let l = l0; l <= l1; l++) {
      info[l].inBlock = true;
      if (b.kind === 'heading') info[l].heading = b.depth;
    }
  }
  const groupOf = new Map<Candidate, Group>();
  for (const g of groups) {
    for (const c of g.items) {
      groupOf.set(c, g);
      if (c.atLineStart) {
        const li = info[lines.lineOf(c.start)];
        if (!li.opener || li.opener.start > c.start) li.opener = c;
      }
    }
  }

  /** End of the last non-blank line before [line]. */
  const endBefore = (line: number, floor: number): number => {
    let l = line - 1;
    while (l >= 0 && info[l].blank) l--;
    return Math.max(floor, l >= 0 ? lines.lineEnd(l) : 0);
  };
  const lineEndOf = (offset: number) => lines.lineEnd(lines.lineOf(offset));
  const isStandalone = (c: Candidate): boolean => {
    const rest = text.slice(c.end, lineEndOf(c.start)).replace(/[*_\s\u3000]/g, '');
    return rest.length > 0 && rest.length <= 40 && !/[。；;！？!?]/.test(rest);
  };

  const scopeEndOf = (g: Group, k: number): number => {
    const c = g.items[k];
    const myLine = lines.lineOf(c.start);
    const next = g.items[k + 1];
    if (next) {
      const nl = lines.lineOf(next.start);
      return nl === myLine ? next.start : endBefore(nl, c.end);
    }
    const headingItem = c.inHeading && c.atLineStart;
    if (headingItem || (c.atLineStart && c.rank !== null && isStandalone(c))) {
      const depth = headingItem ? c.block.depth : 7;
      for (let l = myLine + 1; l < info.length; l++) {
        const li = info[l];
        if (li.heading) {
          const o = li.opener;
          const deeper = o && o.rank !== null && c.rank !== null && o.rank > c.rank;
          if (headingItem ? li.heading <= depth : !deeper) return endBefore(l, c.end);
        }
        const o = li.opener;
        if (o && groupOf.get(o) !== g && o.rank !== null && c.rank !== null && o.rank <= c.rank && o.start > c.start) return endBefore(l, c.end);
      }
      return endBefore(info.length, c.end);
    }
    // A run-in last item: its line, and the lines right after it that open with a marker of another style.
    let l = myLine + 1;
    for (; l < info.length; l++) {
      const li = info[l];
      if (li.blank) continue;
      if (li.heading || !li.inBlock || !li.opener || li.opener.family === c.family) break;
      // A marker of an enumeration that began before this one belongs to an enclosing level.
      const og = groupOf.get(li.opener);
      if (og && og.items[0].start < g.items[0].start) break;
    }
    return endBefore(l, c.end);
  };

  // Items and enumerations (without nesting yet).
  interface Built {
    enumeration: Enumeration;
    group: Group;
    scopes: number[];
  }
  const built: Built[] = groups.map((g) => {
    const scopes = g.items.map((_, k) => scopeEndOf(g, k));
    const items: Item[] = g.items.map((c, k) => makeItem(doc, c, g.items[k + 1], scopes[k]));
    const styles = items.map((i) => i.style);
    const mixed = styles.some((s) => s !== styles[0]);
    const enumeration: Enumeration = {
      id: '',
      style: mixed ? 'mixed' : styles[0],
      stylesUsed: styles,
      level: 1,
      inline: g.items.every((c) => c.block === g.items[0].block),
      items,
      range: lines.range(g.items[0].start, Math.max(...scopes)),
    };
    return { enumeration, group: g, scopes };
  });

  // Nesting: the innermost item whose scope holds every marker of the enumeration.
  // One sweep in text order with a stack of open items (ordered by start, so the
  // first one from the top that reaches past the last marker is the innermost).
  interface Open {
    b: Built;
    k: number;
    start: number;
    end: number;
  }
  const allItems: Open[] = [];
  for (const b of built) b.group.items.forEach((c, k) => allItems.push({ b, k, start: c.start, end: b.scopes[k] }));
  allItems.sort((x, y) => x.start - y.start);
  const roots: Enumeration[] = [];
  const sortedBuilt = [...built].sort((x, y) => x.group.items[0].start - y.group.items[0].start);
  const open: Open[] = [];
  let next = 0;
  for (const b of sortedBuilt) {
    const first = b.group.items[0].start;
    const lastStart = b.group.items[b.group.items.length - 1].start;
    while (next < allItems.length && allItems[next].start < first) {
      const item = allItems[next++];
      while (open.length && open[open.length - 1].end <= item.start) open.pop();
      open.push(item);
    }
    while (open.length && open[open.length - 1].end <= first) open.pop();
    let parent: Open | undefined;
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].end > lastStart) {
        parent = open[i];
        break;
      }
    }
    if (parent) {
      b.enumeration.parent = { enumeration: parent.b.enumeration, index: parent.k };
      parent.b.enumeration.items[parent.k].children.push(b.enumeration);
    } else {
      roots.push(b.enumeration);
    }
  }
  const assign = (list: Enumeration[], prefix: string, level: number) => {
    list.forEach((e, i) => {
      e.id = `${prefix}${i + 1}`;
      e.level = level;
      const kids = e.items.flatMap((it) => it.children);
      assign(kids, `${e.id}.`, level + 1);
    });
  };
  assign(roots, 'E', 1);

  const items = built
    .flatMap((b) => b.group.items.map((candidate, k) => ({ item: b.enumeration.items[k], candidate, enumeration: b.enumeration })))
    .sort((x, y) => x.candidate.start - y.candidate.start);

  // Headings, as sections of the outline.
  const headings: Heading[] = [];
  const itemByStart = new Map(items.map((x) => [x.candidate.start, x.item]));
  const headingBlocks = doc.blocks.filter((b) => b.kind === 'heading');
  const openerOf = new Map<number, Candidate>();
  for (const c of candidates) if (c.block.kind === 'heading' && c.atLineStart && !openerOf.has(c.block.index)) openerOf.set(c.block.index, c);
  // A section ends before the next heading of the same or a higher rank.
  const sectionEnds = new Array<number>(headingBlocks.length).fill(endBefore(lines.lineCount, 0));
  const pending: number[] = [];
  headingBlocks.forEach((b, i) => {
    while (pending.length && headingBlocks[pending[pending.length - 1]].depth >= b.depth) {
      const j = pending.pop()!;
      sectionEnds[j] = endBefore(lines.lineOf(b.start), headingBlocks[j].end);
    }
    pending.push(i);
  });
  headingBlocks.forEach((b, i) => {
    const end = Math.max(sectionEnds[i], b.end);
    const cs = lineContentStart(doc, b, b.end);
    const raw = text.slice(cs, lines.lineEnd(lines.lineOf(b.start))).replace(/\s+#+\s*$/, '');
    const opener = openerOf.get(b.index);
    headings.push({
      depth: b.depth,
      text: raw.replace(/[*_`]/g, '').trim(),
      range: lines.range(b.start, b.end),
      sectionEnd: lines.position(end),
      item: opener ? itemByStart.get(opener.start) : undefined,
    });
  });

  return { enumerations: roots, items, headings };
}

function makeItem(doc: ParsedDocument, c: Candidate, next: Candidate | undefined, scopeEnd: number): Item {
  const { text, lines } = doc;
  const lineEnd = lines.lineEnd(lines.lineOf(c.start));
  const limit = next && next.start < lineEnd ? next.start : lineEnd;
  let p = c.end;
  while (p < limit && HEAD_SKIP.test(text[p])) p++;
  let head = '';
  let q = p;
  while (q < limit && [...head].length < 12 && !text.startsWith('**', q) && !text.startsWith('__', q)) head += text[q++];
  // Title: up to the end of the first sentence, without emphasis markup.
  let t = p;
  while (t < limit && !TITLE_STOP.test(text[t])) t++;
  let title = text.slice(p, t).replace(/[*_`]/g, '').trim();
  if ([...title].length > 40) title = [...title].slice(0, 40).join('') + '…';
  return {
    n: c.n,
    marker: c.marker,
    style: c.style as StyleCode,
    variant: c.variant,
    head,
    title,
    range: lines.range(c.start, c.end),
    numeralRange: c.numeral ? lines.range(c.numeral.start, c.numeral.end) : null,
    scopeEnd: lines.position(Math.max(scopeEnd, c.end)),
    atLineStart: c.atLineStart,
    inHeading: c.inHeading,
    mdListItem: c.mdListItem,
    children: [],
  };
}
