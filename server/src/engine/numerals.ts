// Numerals used in directive markers: Chinese (normal and formal 大写),
// circled ①…㊿, and Arabic digits (ASCII and full-width).
// This module is pure: no I/O, no state, and no function throws.

const NORMAL_DIGITS = '零一二三四五六七八九';
const FORMAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const NORMAL_UNITS = ['', '十', '百', '千'];
const FORMAL_UNITS = ['', '拾', '佰', '仟'];

/** 'n' = normal only, 'f' = formal only, 'x' = shared by both (零). */
type System = 'n' | 'f' | 'x';
type Token =
  | { kind: 'digit'; value: number; sys: System; liang: boolean }
  | { kind: 'unit'; pos: number; sys: System }
  | { kind: 'zero'; sys: System };

const TOKENS = new Map<string, Token>();
for (let d = 1; d <= 9; d++) {
  TOKENS.set(NORMAL_DIGITS[d], { kind: 'digit', value: d, sys: 'n', liang: false });
  TOKENS.set(FORMAL_DIGITS[d], { kind: 'digit', value: d, sys: 'f', liang: false });
}
for (const [ch, value] of [['貳', 2], ['參', 3], ['陸', 6]] as const) {
  TOKENS.set(ch, { kind: 'digit', value, sys: 'f', liang: false });
}
for (const ch of '两兩') TOKENS.set(ch, { kind: 'digit', value: 2, sys: 'n', liang: true });
for (let pos = 1; pos <= 3; pos++) {
  TOKENS.set(NORMAL_UNITS[pos], { kind: 'unit', pos, sys: 'n' });
  TOKENS.set(FORMAL_UNITS[pos], { kind: 'unit', pos, sys: 'f' });
}
TOKENS.set('零', { kind: 'zero', sys: 'x' });
TOKENS.set('〇', { kind: 'zero', sys: 'n' });

/** Every character that can occur in a Chinese numeral (normal or formal). */
export const CHINESE_NUMERAL_CHARS: string = [...TOKENS.keys()].join('');

/** Every character that can occur in a formal numeral (includes the shared 零). */
export const FORMAL_NUMERAL_CHARS: string = [...TOKENS]
  .filter(([, t]) => t.sys !== 'n')
  .map(([ch]) => ch)
  .join('');

/**
 * Parses a whole string as a Chinese numeral in 1..9999, or returns null.
 * Terms (digit + 千/百/十, then a units digit) must descend; a skipped position
 * needs exactly one 零 and an adjacent one forbids it (一百零五, 一千零一十).
 * A bare 十 is allowed first (十一) or right after the hundreds (一百十).
 * 两 is 2 alone or as the multiplier of 百/千. Normal and formal characters
 * may not be mixed; digit-by-digit forms (二〇二五) are rejected.
 */
export function parseChineseNumeral(s: string): number | null {
  if (typeof s !== 'string' || s.length === 0 || s.length > 16) return null;
  const toks: Token[] = [];
  let sys: System = 'x';
  for (const ch of s) {
    const t = TOKENS.get(ch);
    if (!t) return null;
    if (t.sys !== 'x') {
      if (sys !== 'x' && sys !== t.sys) return null;
      sys = t.sys;
    }
    toks.push(t);
  }

  let total = 0;
  let lastPos = 4; // position of the previous term; 4 = none yet
  let zero = false; // a 零 is pending before the next term
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    let d: number;
    let pos: number;
    if (t.kind === 'zero') {
      if (lastPos === 4 || zero) return null;
      zero = true;
      i++;
      continue;
    } else if (t.kind === 'digit') {
      const next = toks[i + 1];
      d = t.value;
      if (next?.kind === 'unit') {
        pos = next.pos;
        if (t.liang && pos < 2) return null;
        i += 2;
      } else {
        pos = 0;
        if (t.liang && toks.length !== 1) return null;
        i += 1;
      }
    } else {
      // A unit without a multiplier: only 十, first or straight after 百.
      if (t.pos !== 1 || zero || (lastPos !== 4 && lastPos !== 2)) return null;
      d = 1;
      pos = 1;
      i += 1;
    }
    if (pos >= lastPos) return null;
    if (lastPos !== 4 && lastPos - pos > 1 !== zero) return null;
    total += d * 10 ** pos;
    lastPos = pos;
    zero = false;
  }
  return zero || lastPos === 4 ? null : total;
}

/**
 * Writes n (1..9999) as a canonical Chinese numeral: 十, 十一, 一百零五,
 * 一百一十, 一千零一十. Formal output uses 壹贰…拾佰仟 and writes 10 as 壹拾.
 * Returns '' for anything else.
 */
export function formatChineseNumeral(n: number, options?: { formal?: boolean }): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return '';
  const formal = options?.formal === true;
  const digits = formal ? FORMAL_DIGITS : NORMAL_DIGITS;
  const units = formal ? FORMAL_UNITS : NORMAL_UNITS;
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    if (!(d === 1 && pos === 1 && out === '' && !formal)) out += digits[d];
    out += units[pos];
  }
  return out;
}

/** True if s contains characters found only in formal numerals (壹, 拾, 佰, …). */
export function isFormalNumeral(s: string): boolean {
  if (typeof s !== 'string') return false;
  for (const ch of s) if (TOKENS.get(ch)?.sys === 'f') return true;
  return false;
}

const CIRCLED_RANGES: ReadonlyArray<readonly [first: number, start: number, end: number]> = [
  [1, 0x2460, 0x2473], // ①…⑳
  [21, 0x3251, 0x325f], // ㉑…㉟
  [36, 0x32b1, 0x32bf], // ㊱…㊿
];

/** Value of a single circled number ①…㊿, or null. */
export function parseCircledNumber(ch: string): number | null {
  if (typeof ch !== 'string' || ch.length !== 1) return null;
  const code = ch.charCodeAt(0);
  for (const [first, start, end] of CIRCLED_RANGES) {
    if (code >= start && code <= end) return first + code - start;
  }
  return null;
}

/** The circled character for n in 1..50, or ''. */
export function formatCircledNumber(n: number): string {
  if (!Number.isInteger(n)) return '';
  for (const [first, start, end] of CIRCLED_RANGES) {
    if (n >= first && n <= first + end - start) return String.fromCharCode(start + n - first);
  }
  return '';
}

const FULL_WIDTH_ZERO = 0xff10; // ０

/**
 * Parses a string of ASCII digits or of full-width digits ０-９ (not mixed),
 * e.g. '12' or '１２' → 12. Returns null otherwise or beyond the safe-integer range.
 */
export function parseArabicNumeral(s: string): number | null {
  if (typeof s !== 'string' || !/^(?:[0-9]{1,15}|[０-９]{1,15})$/.test(s)) return null;
  let n = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    n = n * 10 + (code >= FULL_WIDTH_ZERO ? code - FULL_WIDTH_ZERO : code - 48);
  }
  return n;
}

/** Writes a non-negative safe integer in ASCII or full-width digits; '' otherwise. */
export function formatArabicNumeral(n: number, fullWidth: boolean): string {
  if (!Number.isSafeInteger(n) || n < 0) return '';
  const ascii = String(n);
  if (!fullWidth) return ascii;
  return ascii.replace(/[0-9]/g, (c) => String.fromCharCode(FULL_WIDTH_ZERO + c.charCodeAt(0) - 48));
}

/**
 * Writes n in the same system as `original`: circled, full-width digits, ASCII
 * digits, formal Chinese or normal Chinese (the default). Returns '' when n
 * cannot be written in that system (e.g. 51 circled, 10000 in Chinese).
 */
export function formatLike(n: number, original: string): string {
  const s = typeof original === 'string' ? original : '';
  if ([...s].some((ch) => parseCircledNumber(ch) !== null)) return formatCircledNumber(n);
  if (/[０-９]/.test(s)) return formatArabicNumeral(n, true);
  if (/[0-9]/.test(s)) return formatArabicNumeral(n, false);
  return formatChineseNumeral(n, { formal: isFormalNumeral(s) });
}
