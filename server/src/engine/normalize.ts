// Text normalization for matching keywords and patterns against a draft:
// full-width and half-width forms are the same, Chinese punctuation becomes
// its ASCII counterpart (、 is a comma, quotes become "), whitespace, line
// breaks, Markdown emphasis and HTML comments disappear. Every normalized
// UTF-16 unit remembers the source range it came from, so evidence found in
// the normalized text points back at the draft.
// Invariant: pure; no I/O; never throws.

/** Punctuation that NFKC leaves alone but readers take as the same mark. */
const PUNCT: Record<string, string> = {
  '。': '.',
  '｡': '.',
  '、': ',',
  '､': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '〔': '[',
  '〕': ']',
  '【': '[',
  '】': ']',
  '〈': '<',
  '〉': '>',
  '《': '<',
  '》': '>',
  '—': '-',
  '–': '-',
  '―': '-',
  '－': '-',
  '…': '.',
  '⋯': '.',
  '～': '~',
  '〜': '~',
};

/** Dropped: Markdown emphasis and code delimiters. */
const MARKUP = new Set(['*', '_', '`']);

export interface NormalizedText {
  /** The normalized text (case kept; patterns run on this, case-insensitively). */
  text: string;
  /** The same with ASCII letters lowercased (same length; keywords are searched here). */
  lower: string;
  /** Source offset where each normalized unit's character starts. */
  srcStart: Int32Array;
  /** Source offset just past each normalized unit's character. */
  srcEnd: Int32Array;
}

const cache = new Map<string, string>();

/** The normalized form of one code point ('' when dropped). */
export function normalizeChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (/\s/u.test(ch) || MARKUP.has(ch)) out = '';
  else if (PUNCT[ch] !== undefined) out = PUNCT[ch];
  else {
    out = ch.normalize('NFKC');
    // Compatibility forms can decompose to text with spaces (U+3000, ¨ …); drop them.
    out = out.replace(/\s+/gu, '');
    if ([...out].length === 1 && PUNCT[out] !== undefined) out = PUNCT[out];
  }
  if (cache.size < 20000) cache.set(ch, out);
  return out;
}

const lowerAscii = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** Normalizes a keyword or any short string (no offsets). */
export function normalizeTerm(s: string): string {
  let out = '';
  for (const ch of s) out += normalizeChar(ch);
  return lowerAscii(out);
}

/**
 * Normalizes text[start, end), skipping the [skip] ranges (HTML comments), and
 * keeps the source offsets of every normalized unit.
 */
export function normalizeRange(text: string, start = 0, end = text.length, skip: Array<{ start: number; end: number }> = []): NormalizedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let k = 0;
  let i = start;
  while (i < end) {
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && skip[k].start <= i) {
      i = skip[k].end;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    const n = normalizeChar(ch);
    for (let u = 0; u < n.length; u++) {
      starts.push(i);
      ends.push(i + width);
    }
    if (n) parts.push(n);
    i += width;
  }
  const normalized = parts.join('');
  return { text: normalized, lower: lowerAscii(normalized), srcStart: Int32Array.from(starts), srcEnd: Int32Array.from(ends) };
}

/** All start indices of [needle] in [haystack] (non-overlapping), at most [limit]. */
export function findAll(haystack: string, needle: string, limit = 1000): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let at = haystack.indexOf(needle);
  while (at >= 0 && out.length < limit) {
    out.push(at);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return out;
}
