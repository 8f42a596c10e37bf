// From marker candidates to the directive tree:
//   1. grouping — which candidates form one enumeration (sequence sense, with a
//      stack of open enumerations closed by headings and by higher levels);
//   2. scopes — how far each item reaches (ANNOTATION.md §4 "Where an item's scope ends");
//   3. nesting — an enumeration hangs from the innermost item whose scope holds all its markers.
// Invariant: pure; no I/O; never throws.
import type { Enumeration, Heading, Item, Position, StyleCode } from './types.js';
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
    for (let c of inBlock) {
      let at = -1;
      for (let k = stack.length - 1; k >= 0 && at < 0; k--) if (accepts(stack[k], c, true)) at = k;
      for (let k = stack.length - 1; k >= 0 && at < 0; k--) if (accepts(stack[k], c, false)) at = k;
      if (at >= 0) {
        const g = stack[at];
        stack.length = at + 1;
        const last = g.items[g.items.length - 1];
        // Candidates belong to the parse (reused by the next analysis): renumber a copy.
        if (c.adverb === '然后' || c.adverb === '最后') c = { ...c, n: last.n + 1 };
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
      if (c.adverb === '然后' || c.adverb === '最后') c = { ...c, n: 1 };
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

/**
 * Line facts for scopes, in arrays indexed by line (no object per line: a 5 MB
 * draft has tens of thousands of lines and is analysed on every keystroke).
 * Blankness is read from the text when first asked.
 */
class LineFacts {
  /** Heading depth of the line's heading block, 0 when none. */
  readonly heading: Uint8Array;
  readonly inBlock: Uint8Array;
  /** 0 unknown, 1 blank, 2 not blank. */
  private readonly blankState: Uint8Array;
  /** A final item whose marker opens the line. */
  readonly opener = new Map<number, Candidate>();

  constructor(
    private readonly text: string,
    private readonly lines: ParsedDocument['lines'],
    readonly length: number,
  ) {
    this.heading = new Uint8Array(length);
    this.inBlock = new Uint8Array(length);
    this.blankState = new Uint8Array(length);
  }

  blank(l: number): boolean {
    let s = this.blankState[l];
    if (s === 0) s = this.blankState[l] = isBlankLine(this.text, this.lines.lineStart(l), this.lines.lineEnd(l)) ? 1 : 2;
    return s === 1;
  }
}

/** Deepest nesting of enumerations (real drafts use fewer than ten levels). */
export const MAX_NESTING = 64;

const HEAD_SKIP = /[\s\u3000\u2002，、：:,．.]/;
const TITLE_STOP_CHARS = new Set([...'。；;！？!?\r\n'].map((ch) => ch.charCodeAt(0)));
const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff;
/** /\s/ on one UTF-16 unit, without a regular expression (it runs for every character of every title). */
const isSpace = (u: number) =>
  (u >= 9 && u <= 13) || u === 32 || u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;

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
  const info = new LineFacts(text, lines, lines.lineCount);
  for (const b of doc.blocks) {
    const l0 = lines.lineOf(b.start);
    const l1 = lines.lineOf(Math.max(b.start, b.end - 1));
    info.inBlock.fill(1, l0, l1 + 1);
    if (b.kind === 'heading') info.heading.fill(b.depth, l0, l1 + 1);
  }
  const groupOf = new Map<Candidate, Group>();
  for (const g of groups) {
    for (const c of g.items) {
      groupOf.set(c, g);
      if (c.atLineStart) {
        const l = lines.lineOf(c.start);
        const o = info.opener.get(l);
        if (!o || o.start > c.start) info.opener.set(l, c);
      }
    }
  }

  /** End of the last non-blank line before [line]. */
  const endBefore = (line: number, floor: number): number => {
    let l = line - 1;
    while (l >= 0 && info.blank(l)) l--;
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
        const heading = info.heading[l];
        const o = info.opener.get(l);
        if (heading) {
          const deeper = o && o.rank !== null && c.rank !== null && o.rank > c.rank;
          if (headingItem ? heading <= depth : !deeper) return endBefore(l, c.end);
        }
        if (o && groupOf.get(o) !== g && o.rank !== null && c.rank !== null && o.rank <= c.rank && o.start > c.start) return endBefore(l, c.end);
      }
      return endBefore(info.length, c.end);
    }
    // A run-in last item: its line, and the lines right after it that open with a marker of another style.
    let l = myLine + 1;
    for (; l < info.length; l++) {
      if (info.blank(l)) continue;
      const opener = info.opener.get(l);
      if (info.heading[l] || !info.inBlock[l] || !opener || opener.family === c.family) break;
      // A marker of an enumeration that began before this one belongs to an enclosing level.
      const og = groupOf.get(opener);
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
      range: lines.range(g.items[0].start, scopes.reduce((a, x) => Math.max(a, x), 0)),
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
  const depth = new Map<Enumeration, number>();
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
    let at: Enumeration['parent'] = parent && { enumeration: parent.b.enumeration, index: parent.k };
    // Nesting is capped: a run of restarts on one line (一要…二要…一要…二要… in a 20 MB
    // paragraph) would otherwise nest each enumeration in the last, millions deep.
    if (at && depth.get(at.enumeration)! >= MAX_NESTING) at = at.enumeration.parent;
    depth.set(b.enumeration, at ? depth.get(at.enumeration)! + 1 : 1);
    if (at) {
      b.enumeration.parent = at;
      at.enumeration.items[at.index].children.push(b.enumeration);
    } else {
      roots.push(b.enumeration);
    }
  }
  const assign = (list: Enumeration[], prefix: string, level: number) => {
    list.forEach((e, i) => {
      e.id = `${prefix}${i + 1}`;
      e.level = level;
      const kids: Enumeration[] = [];
      for (const it of e.items) for (const child of it.children) kids.push(child);
      assign(kids, `${e.id}.`, level + 1);
    });
  };
  assign(roots, 'E', 1);

  // In text order, as allItems (no two items start at one offset).
  const items: BuiltStructure['items'] = allItems.map(({ b, k }) => ({ item: b.enumeration.items[k], candidate: b.group.items[k], enumeration: b.enumeration }));

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
    // The heading's first line (a setext heading's underline comes after it).
    const firstLineEnd = lines.lineEnd(lines.lineOf(b.start));
    const cs = lineContentStart(doc, b, firstLineEnd);
    const raw = text.slice(cs, firstLineEnd).replace(/\s+#+\s*$/, '');
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

/** Code points in [s] (what [...s].length counts), without making the array. */
function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (!(u >= 0xdc00 && u <= 0xdfff && i > 0 && isHighSurrogate(s.charCodeAt(i - 1)))) n++;
  }
  return n;
}

function makeItem(doc: ParsedDocument, c: Candidate, next: Candidate | undefined, scopeEnd: number): Item {
  const { text, lines } = doc;
  const line = lines.lineOf(c.start);
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  // A marker lies on one line: its positions need no search (the same values as lines.position()).
  const onLine = (o: number): Position => (o >= lineStart && o <= lineEnd ? { line, character: o - lineStart, offset: o } : lines.position(o));
  const limit = next && next.start < lineEnd ? next.start : lineEnd;
  // A candidate of a chunk that an edit did not touch is the same object in the next
  // analysis, on the same line text: its head and title are read once (again only if
  // the next marker on its line moved).
  let known = c.itemText;
  if (!known || known.limit !== limit - c.end) known = c.itemText = { limit: limit - c.end, ...readHeadAndTitle(text, c.end, limit) };
  return {
    n: c.n,
    marker: c.marker,
    style: c.style as StyleCode,
    variant: c.variant,
    head: known.head,
    title: known.title,
    range: { start: onLine(c.start), end: onLine(c.end) },
    numeralRange: c.numeral ? { start: onLine(c.numeral.start), end: onLine(c.numeral.end) } : null,
    scopeEnd: lines.position(Math.max(scopeEnd, c.end)),
    atLineStart: c.atLineStart,
    inHeading: c.inHeading,
    mdListItem: c.mdListItem,
    children: [],
  };
}

/** An item's head (its first words) and title (its first sentence, shortened), from [from] to [limit]. */
function readHeadAndTitle(text: string, from: number, limit: number): { head: string; title: string } {
  let p = from;
  while (p < limit && HEAD_SKIP.test(text[p])) p++;
  // Head: up to 12 code points (a surrogate pair is one), stopping at ** or __.
  let q = p;
  for (let points = 0; q < limit && points < 12 && !text.startsWith('**', q) && !text.startsWith('__', q); q++) {
    const u = text.charCodeAt(q);
    if (!(u >= 0xdc00 && u <= 0xdfff && q > p && isHighSurrogate(text.charCodeAt(q - 1)))) points++;
  }
  const head = text.slice(p, q);
  // Title: up to the end of the first sentence, without emphasis markup.
  // Only 40 code points are shown: stop once 41 are kept (the 41st not a space), so that a
  // run-in item on a 20 MB line does not scan to the end of the line.
  let t = p;
  for (let kept = 0; t < limit && !TITLE_STOP_CHARS.has(text.charCodeAt(t)); t++) {
    const u = text.charCodeAt(t);
    if (u === 42 || u === 95 || u === 96 || (u >= 0xdc00 && u <= 0xdfff && t > p && isHighSurrogate(text.charCodeAt(t - 1)))) continue;
    const space = isSpace(u);
    if (kept === 0 && space) continue;
    if (++kept > 40 && !space) {
      t++;
      break;
    }
  }
  let title = text.slice(p, t).replace(/[*_`]/g, '').trim();
  if (codePointCount(title) > 40) title = [...title].slice(0, 40).join('') + '…';
  return { head, title };
}
