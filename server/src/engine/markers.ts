// Finds marker *candidates* in the source text of each block: every string
// that could open an item of an enumeration, at a place where an item can
// begin (ANNOTATION.md §4 "Boundaries"). Whether a candidate really is an item
// is decided later, by the sequence it forms (structure.ts).
// Invariant: pure; no I/O; never throws.
import type { StyleCode } from './types.js';
import type { Block, BlockDocument } from './parse.js';
import { CHINESE_NUMERAL_CHARS, parseArabicNumeral, parseChineseNumeral, parseCircledNumber } from './numerals.js';

export const DEFAULT_SUFFIXES = ['要', '是', '抓'];

/** Styles that can be mixed in one enumeration share a family. */
export type Family = 'suffix' | 'ordinal' | 'N、' | '（N）' | 'arabic' | '（1）' | '①' | '第N章' | '第N节' | '第N条';

export interface Candidate {
  start: number;
  end: number;
  marker: string;
  style: StyleCode;
  /** The exact punctuation form (`（）` vs `()`, `.` vs `．`). */
  variant: string;
  family: Family;
  /** Structural rank: lower is higher in the hierarchy; null for styles without one (N要, N是, 第N, 首先其次). */
  rank: number | null;
  n: number;
  /** Where the number is written, for renumbering; null for 首先其次. */
  numeral: { start: number; end: number } | null;
  block: Block;
  atLineStart: boolean;
  inHeading: boolean;
  mdListItem: boolean;
  /** A first N是/N要 item right after its subject, with no punctuation (祝楼乡一是…). */
  weak: boolean;
  /** For 首先其次: the adverb. */
  adverb?: string;
  /** The item's head and title as last read (structure.ts), with the limit they were read to, relative to [end]. */
  itemText?: { limit: number; head: string; title: string };
}

/** GB/T 9704 level of a style, when it has one. */
export const GBT_LEVEL: Partial<Record<StyleCode, number>> = { 'N、': 1, '（N）': 2, '1.': 3, '1、': 3, '（1）': 4, '①': 5 };

const RANK: Record<Family, number | null> = {
  第N章: 1,
  第N节: 2,
  第N条: 3,
  'N、': 4,
  '（N）': 5,
  arabic: 6,
  '（1）': 7,
  '①': 8,
  suffix: null,
  ordinal: null,
};

const CLAUSE_PUNCT = new Set('。；;：:，,、？！?!');
const CLOSERS = new Set('）)”』」’"');
const SPACE = /[ \t\u3000\u00a0\u2002\u2003]/;
const EMPHASIS = new Set('*_~');
const ADVERBS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 然后: 0, 最后: 0 };
/** Characters that end words with 一 (统一, 唯一, 同一 …): 一是 after them is prose, not a marker. */
const WORD_BEFORE_ONE = new Set('统唯同万单之第逐划专合归如均某任惟进初初周星礼');

const NUMERAL_CHARS = new Set(CHINESE_NUMERAL_CHARS);
/** The characters scanSpan() acts on: numerals, 第, opening parentheses, digits, circled numbers, 首其再然最. */
const TRIGGER = new RegExp(`[${CHINESE_NUMERAL_CHARS}第（(0-9０-９\u2460-\u2473\u3251-\u325f\u32b1-\u32bf首其再然最]`, 'g');

function isCJK(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x20000 && code <= 0x3134f) || (code >= 0xf900 && code <= 0xfaff);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
}

/** Where the text of a line begins inside a block, after heading, quote and emphasis prefixes. */
export function lineContentStart(doc: BlockDocument, block: Block, offset: number): number {
  const { text, lines } = doc;
  const line = lines.lineOf(offset);
  let p = Math.max(lines.lineStart(line), block.start);
  if (p === block.start && block.kind === 'heading') {
    const m = /^ {0,3}#{1,6}[ \t]*/.exec(text.slice(p, p + 12));
    if (m) p += m[0].length;
  } else if (p > block.start) {
    while (p < offset && (SPACE.test(text[p]) || text[p] === '>')) p++;
  }
  while (p < offset && (SPACE.test(text[p]) || EMPHASIS.has(text[p]))) p++;
  return p;
}

/** The character before [offset], skipping emphasis delimiters and spaces; '' at a line start. */
function charBefore(doc: BlockDocument, block: Block, offset: number): string {
  const lineStart = lineContentStart(doc, block, offset);
  let p = offset;
  while (p > lineStart && (EMPHASIS.has(doc.text[p - 1]) || SPACE.test(doc.text[p - 1]))) p--;
  if (p <= lineStart) return '';
  // A character outside the BMP (𠀀) is two code units: return it whole.
  const low = doc.text.charCodeAt(p - 1);
  return low >= 0xdc00 && low <= 0xdfff && p - 2 >= lineStart ? doc.text.slice(p - 2, p) : doc.text[p - 1];
}

function inSpans(spans: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) {
    if (s <= start && end <= e) return true;
    if (s > start) return false;
  }
  return false;
}

const mayHoldCache = new Map<string, RegExp>();

/**
 * A cheap test on raw text: false means no candidate can be found in it, so a
 * chunk without markers need not be parsed at all. (It may say true wrongly.)
 */
export function mayHoldMarkers(text: string, suffixes: string[] = DEFAULT_SUFFIXES): boolean {
  const key = suffixes.join('');
  let re = mayHoldCache.get(key);
  if (!re) {
    const sfx = [...new Set(['、', ...suffixes.filter((x) => [...x].length === 1)])].map((x) => x.replace(/[\\^\]\-]/g, '\\$&')).join('');
    // What follows each kind of marker, as scanSpan() requires it (what precedes is left to scanSpan).
    const n = CHINESE_NUMERAL_CHARS;
    re = new RegExp(
      `[${n}][${sfx}]|第[${n}]+[章节条，,、：:是]|[（(][${n}0-9０-９]{1,5}[）)]|[0-9０-９](?:[.．](?![0-9０-９A-Za-z])|[、)])|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|(?:首先|其次|再次|然后|最后)[，,]`,
    );
    mayHoldCache.set(key, re);
  }
  return re.test(text);
}

export function findCandidates(doc: BlockDocument, suffixes: string[] = DEFAULT_SUFFIXES): Candidate[] {
  const out: Candidate[] = [];
  const suffixSet = new Set(suffixes.filter((s) => [...s].length === 1));
  for (const block of doc.blocks) {
    if (block.listMarker) {
      const lm = block.listMarker;
      out.push({
        start: lm.start,
        end: lm.end,
        marker: lm.text,
        style: '1.',
        variant: lm.text.slice(-1),
        family: 'arabic',
        rank: RANK.arabic,
        n: Number(lm.text.slice(0, -1)),
        numeral: { start: lm.start, end: lm.end - 1 },
        block,
        atLineStart: true,
        inHeading: false,
        mdListItem: true,
        weak: false,
        adverb: undefined,
        itemText: undefined, // set later (structure.ts): declared here so every candidate has one shape
      });
    }
    for (const [s, e] of block.textSpans) scanSpan(doc, block, s, e, suffixSet, out);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function scanSpan(doc: BlockDocument, block: Block, s: number, e: number, suffixes: Set<string>, out: Candidate[]): void {
  const text = doc.text;
  const push = (c: Omit<Candidate, 'block' | 'atLineStart' | 'inHeading' | 'mdListItem' | 'weak' | 'rank'>, opts: { lineStartOnly?: boolean; afterClosers?: boolean; allowWeak?: boolean } = {}): boolean => {
    if (!inSpans(block.textSpans, c.start, c.end)) return false;
    const before = charBefore(doc, block, c.start);
    const atLineStart = before === '';
    let weak = false;
    if (!atLineStart) {
      if (opts.lineStartOnly) return false;
      const ok = CLAUSE_PUNCT.has(before) || (opts.afterClosers === true && CLOSERS.has(before));
      if (!ok) {
        if (opts.allowWeak && c.n === 1 && isCJK(before) && !WORD_BEFORE_ONE.has(before) && !NUMERAL_CHARS.has(before)) weak = true;
        else return false;
      }
    }
    // One shape for every candidate (the same fields in the same order as list-marker candidates).
    out.push({
      start: c.start,
      end: c.end,
      marker: c.marker,
      style: c.style,
      variant: c.variant,
      family: c.family,
      rank: RANK[c.family],
      n: c.n,
      numeral: c.numeral,
      block,
      atLineStart,
      inHeading: block.kind === 'heading',
      mdListItem: false,
      weak,
      adverb: c.adverb,
      itemText: undefined,
    });
    return true;
  };

  for (let i = s; i < e; i++) {
    // Jump to the next character that can open a marker (most characters cannot).
    TRIGGER.lastIndex = i;
    const hit = TRIGGER.exec(text);
    if (!hit || hit.index >= e) break;
    i = hit.index;
    const ch = text[i];
    // 一要 一是 一、 — a Chinese numeral run (maximal) and what follows it.
    if (NUMERAL_CHARS.has(ch) && (i === s || !NUMERAL_CHARS.has(text[i - 1]))) {
      let j = i;
      while (j < e && NUMERAL_CHARS.has(text[j])) j++;
      const numStr = text.slice(i, j);
      const n = parseChineseNumeral(numStr);
      const next = text[j];
      if (n !== null && n <= 99 && !numStr.includes('两') && text[i - 1] !== '第') {
        if (next === '、' && !NUMERAL_CHARS.has(text[j + 1] ?? '')) {
          push({ start: i, end: j + 1, marker: numStr + '、', style: 'N、', variant: '、', family: 'N、', n, numeral: { start: i, end: j } });
        } else if (next !== undefined && suffixes.has(next) && text.slice(j + 1, j + 1 + numStr.length) !== numStr) {
          push(
            { start: i, end: j + 1, marker: numStr + next, style: `N${next}`, variant: next, family: 'suffix', n, numeral: { start: i, end: j } },
            { allowWeak: true },
          );
        }
      }
      i = j - 1;
      continue;
    }
    // 第一， 第三章 第十二条
    if (ch === '第' && NUMERAL_CHARS.has(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < e && NUMERAL_CHARS.has(text[j])) j++;
      const numStr = text.slice(i + 1, j);
      const n = parseChineseNumeral(numStr);
      const next = text[j];
      if (n !== null && !numStr.includes('两')) {
        if (next === '章' || next === '节' || next === '条') {
          const style = `第N${next}` as StyleCode;
          push(
            { start: i, end: j + 1, marker: text.slice(i, j + 1), style, variant: next, family: style as Family, n, numeral: { start: i + 1, end: j } },
            { lineStartOnly: true },
          );
        } else if (n <= 99 && next !== undefined && '，,、：:是'.includes(next) && !(next === '、' && text[j + 1] === '第')) {
          push({ start: i, end: j, marker: text.slice(i, j), style: '第N', variant: '第', family: 'ordinal', n, numeral: { start: i + 1, end: j } });
        }
      }
      i = j - 1;
      continue;
    }
    // （一） (一) （1） (1)
    if (ch === '（' || ch === '(') {
      let j = i + 1;
      while (j < e && j - i <= 5 && (NUMERAL_CHARS.has(text[j]) || isDigit(text[j]))) j++;
      const close = text[j];
      if (j > i + 1 && (close === '）' || close === ')')) {
        const numStr = text.slice(i + 1, j);
        const cn = parseChineseNumeral(numStr);
        const ar = parseArabicNumeral(numStr);
        const variant = ch + close;
        if (cn !== null && cn <= 99 && !numStr.includes('两')) {
          push(
            { start: i, end: j + 1, marker: text.slice(i, j + 1), style: '（N）', variant, family: '（N）', n: cn, numeral: { start: i + 1, end: j } },
            { afterClosers: true },
          );
        } else if (ar !== null && ar >= 1 && ar <= 99) {
          push(
            { start: i, end: j + 1, marker: text.slice(i, j + 1), style: '（1）', variant, family: '（1）', n: ar, numeral: { start: i + 1, end: j } },
            { afterClosers: true },
          );
        }
      }
      continue;
    }
    // 1. 1． 1、
    if (isDigit(ch) && !isDigit(text[i - 1]) && !/[A-Za-z.．]/.test(text[i - 1] ?? '')) {
      let j = i;
      while (j < e && isDigit(text[j])) j++;
      const next = text[j];
      const n = parseArabicNumeral(text.slice(i, j));
      if (n !== null && n >= 1 && j - i <= 3) {
        if ((next === '.' || next === '．') && !isDigit(text[j + 1]) && !/[A-Za-z]/.test(text[j + 1] ?? '')) {
          push({ start: i, end: j + 1, marker: text.slice(i, j + 1), style: '1.', variant: next, family: 'arabic', n, numeral: { start: i, end: j } });
        } else if (next === '、' && !isDigit(text[j + 1])) {
          push({ start: i, end: j + 1, marker: text.slice(i, j + 1), style: '1、', variant: '、', family: 'arabic', n, numeral: { start: i, end: j } });
        }
      }
      i = j - 1;
      continue;
    }
    // ① ② ③
    const circled = parseCircledNumber(ch);
    if (circled !== null) {
      push({ start: i, end: i + 1, marker: ch, style: '①', variant: '①', family: '①', n: circled, numeral: { start: i, end: i + 1 } }, { afterClosers: true });
      continue;
    }
    // 首先， 其次， 再次， 然后， 最后，
    if ('首其再然最'.includes(ch)) {
      const word = text.slice(i, i + 2);
      const next = text[i + 2];
      if (word in ADVERBS && (next === '，' || next === ',')) {
        push({ start: i, end: i + 2, marker: word, style: '首先其次', variant: '首先其次', family: 'ordinal', n: ADVERBS[word], numeral: null, adverb: word });
      }
    }
  }
}
