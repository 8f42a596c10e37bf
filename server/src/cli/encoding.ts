// Bytes ↔ text for the CLI: UTF-8 with or without BOM is read as is; UTF-16
// (by BOM or by its NUL pattern) and GBK/GB18030 (a fatal gb18030 decode that
// yields plausible Chinese text) are recognized and named, and read only when
// --encoding asks for them; binary files are recognized and skipped.
// Invariant: no file system access here; never throws on any input.

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030';
/** What --encoding accepts. `utf-16` means "UTF-16, byte order by BOM or NUL pattern (LE when unknown)". */
export type RequestedEncoding = 'utf-8' | 'utf-16' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030';
export const REQUESTABLE_ENCODINGS: readonly RequestedEncoding[] = ['utf-8', 'gbk', 'gb18030', 'utf-16', 'utf-16le', 'utf-16be'];

export type Detection =
  /** Readable: the text (BOM removed), the encoding it was read with, and whether a BOM was present. */
  | { kind: 'text'; text: string; encoding: EncodingName; bom: boolean }
  /** Not text: a NUL byte outside a UTF-16 pattern, many control bytes, or a known binary signature. */
  | { kind: 'binary'; what?: string }
  /** Text in an encoding that was not asked for (or not recognizable): reported, not read. */
  | { kind: 'foreign'; encoding: EncodingName | 'unknown'; bom: boolean };

const SAMPLE = 64 * 1024;

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP/DOCX'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'DOC/OLE'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF'],
  [[0x1f, 0x8b], 'GZIP'],
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

/** Characters that Chinese (or plain ASCII) text is made of. */
function isTextual(c: number): boolean {
  return (
    c === 9 || c === 10 || c === 13 || c === 12 ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x17f) ||
    (c >= 0x391 && c <= 0x3c9) || // Greek (GB2312 has it)
    (c >= 0x401 && c <= 0x451) || // Cyrillic (GB2312 has it)
    (c >= 0x2000 && c <= 0x206f) || // general punctuation
    (c >= 0x2100 && c <= 0x21ff) || // letterlike, number forms (Ⅰ Ⅱ), arrows
    (c >= 0x2200 && c <= 0x22ff) ||
    (c >= 0x2460 && c <= 0x24ff) || // ① ⑴ ⒈
    (c >= 0x2500 && c <= 0x26ff) || // box drawing, shapes (□ ○ ★)
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0x3040 && c <= 0x30ff) || // kana (GB2312 has it)
    (c >= 0x3200 && c <= 0x33ff) || // enclosed CJK (㈠)
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd800 && c <= 0xdfff) // astral characters (𠀀) count as text
  );
}

function plausibility(text: string): { ratio: number; han: number } {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return { ratio: 1, han: 0 };
  let good = 0;
  let han = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isTextual(c)) good++;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return { ratio: good / n, han };
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes below 0x20 other than tab, LF, CR, FF, ESC — a sign of binary data. */
function controlRatio(buf: Uint8Array): number {
  const n = Math.min(buf.length, SAMPLE);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) bad++;
    else if (b === 0x7f) bad++;
  }
  return bad / n;
}

/** 'le' or 'be' when NULs sit mostly on one side of each byte pair, as ASCII does in UTF-16. */
function utf16Pattern(buf: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  if (odd > 0 && odd >= 4 * even) return 'le';
  if (even > 0 && even >= 4 * odd) return 'be';
  return null;
}

function decodeUtf16(buf: Uint8Array, order: 'le' | 'be'): string | null {
  if (buf.length % 2 !== 0) return null;
  return tryDecode(order === 'le' ? 'utf-16le' : 'utf-16be', buf);
}

/** GB18030 four-byte sequences (byte 2 in 0x30–0x39) are not GBK. */
function hasFourByteSequences(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) i++;
    else if (b >= 0x81 && b <= 0xfe && i + 1 < buf.length) {
      const b2 = buf[i + 1];
      if (b2 >= 0x30 && b2 <= 0x39) return true;
      i += 2;
    } else i++;
  }
  return false;
}

/**
 * Reads [buf] as text when it is UTF-8 (BOM or not) or in the [requested]
 * encoding; otherwise says what it is. A valid UTF-8 file is always read as
 * UTF-8 and a file with a BOM as its BOM says, whatever [requested] is:
 * --encoding names the encoding of the files that are not UTF-8.
 */
export function detect(buf: Uint8Array, requested?: RequestedEncoding): Detection {
  if (buf.length === 0) return { kind: 'text', text: '', encoding: 'utf-8', bom: false };
  // BOMs first: they are unambiguous.
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode('utf-8', buf.subarray(3));
    return text === null ? { kind: 'foreign', encoding: 'unknown', bom: true } : { kind: 'text', text, encoding: 'utf-8', bom: true };
  }
  for (const [order, bom] of [['le', [0xff, 0xfe]], ['be', [0xfe, 0xff]]] as const) {
    if (!startsWith(buf, [...bom])) continue;
    const encoding: EncodingName = order === 'le' ? 'utf-16le' : 'utf-16be';
    const text = decodeUtf16(buf.subarray(2), order);
    if (text === null) return { kind: 'binary' };
    if (requested === 'utf-16' || requested === encoding) return { kind: 'text', text, encoding, bom: true };
    return { kind: 'foreign', encoding, bom: true };
  }
  for (const [sig, what] of SIGNATURES) if (startsWith(buf, sig)) return { kind: 'binary', what };

  const sample = buf.subarray(0, SAMPLE);
  if (sample.includes(0)) {
    // UTF-16 without a BOM, or binary.
    // The byte order --encoding names, else the NUL pattern's, else whichever reads as text.
    const wanted = requested === 'utf-16le' ? 'le' : requested === 'utf-16be' ? 'be' : null;
    const pattern = utf16Pattern(buf);
    const orders: Array<'le' | 'be'> = wanted ? [wanted] : pattern ? [pattern] : ['le', 'be'];
    let best: { order: 'le' | 'be'; text: string; ratio: number } | null = null;
    for (const order of orders) {
      const text = decodeUtf16(buf, order);
      if (text === null) continue;
      const p = plausibility(text);
      const enough = p.ratio >= 0.97 && (pattern !== null || wanted !== null || p.han > 0);
      if (enough && (!best || p.ratio > best.ratio)) best = { order, text, ratio: p.ratio };
    }
    if (best) {
      const encoding: EncodingName = best.order === 'le' ? 'utf-16le' : 'utf-16be';
      if (requested === 'utf-16' || requested === encoding) return { kind: 'text', text: best.text, encoding, bom: false };
      return { kind: 'foreign', encoding, bom: false };
    }
    return { kind: 'binary' };
  }
  if (controlRatio(buf) > 0.02) return { kind: 'binary' };

  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== null) return { kind: 'text', text: utf8, encoding: 'utf-8', bom: false };

  const gb = tryDecode('gb18030', buf);
  const encoding: EncodingName | null = gb === null ? null : hasFourByteSequences(buf) ? 'gb18030' : 'gbk';
  if (requested === 'gbk' || requested === 'gb18030') {
    if (gb === null) return { kind: 'foreign', encoding: 'unknown', bom: false };
    return { kind: 'text', text: gb, encoding: encoding === 'gb18030' ? 'gb18030' : requested, bom: false };
  }
  if (gb !== null) {
    const p = plausibility(gb);
    if (p.ratio >= 0.97 && p.han > 0) return { kind: 'foreign', encoding: encoding!, bom: false };
  }
  return { kind: 'foreign', encoding: 'unknown', bom: false };
}

export function encodingLabel(e: EncodingName | 'unknown'): string {
  switch (e) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
    case 'gbk':
      return 'GBK';
    case 'gb18030':
      return 'GB18030';
    default:
      return 'unknown';
  }
}

/** The --encoding value that reads a file found to be in [e]. */
export function encodingFlag(e: EncodingName): string {
  return e === 'utf-16le' || e === 'utf-16be' ? 'utf-16' : e;
}

// ---- Encoding back to bytes (for --fix) ---------------------------------

let gbTable: Map<number, number[]> | null = null;

/** code point → GB18030 bytes for the BMP, built once from the decoder itself (so it agrees with it). */
function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const table = new Map<number, number[]>();
  const dec = new TextDecoder('gb18030');
  const add = (bytes: number[]) => {
    const s = dec.decode(new Uint8Array(bytes));
    if (s.length !== 1 || s === '\ufffd') return;
    const cp = s.charCodeAt(0);
    if (!table.has(cp)) table.set(cp, bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) add([b1, b2]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
  gbTable = table;
  return table;
}

function encodeGb18030(text: string, gbk: boolean): Uint8Array {
  const table = gb18030Table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (gbk && cp === 0x20ac) out.push(0x80); // Windows code page 936 writes € as 0x80
    else if (cp >= 0x10000) {
      let lin = cp - 0x10000 + 189000;
      const b4 = 0x30 + (lin % 10);
      lin = Math.floor(lin / 10);
      const b3 = 0x81 + (lin % 126);
      lin = Math.floor(lin / 126);
      const b2 = 0x30 + (lin % 10);
      const b1 = 0x81 + Math.floor(lin / 10);
      out.push(b1, b2, b3, b4);
    } else {
      const bytes = table.get(cp);
      if (!bytes) throw new Error(`U+${cp.toString(16).toUpperCase()} cannot be written in GB18030`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** Text → bytes in [encoding], with a BOM when [bom]. Throws only for text the encoding cannot hold. */
export function encode(text: string, encoding: EncodingName, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
    }
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le').swap16();
      return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
    }
    case 'gbk':
    case 'gb18030':
      return Buffer.from(encodeGb18030(text, encoding === 'gbk'));
  }
}

/** 'lf', 'crlf', 'cr', 'mixed' or 'none' — reported, and kept by --fix (fixes never touch line breaks). */
export function lineEndings(text: string): 'lf' | 'crlf' | 'cr' | 'mixed' | 'none' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf && 'crlf', lf && 'lf', cr && 'cr'].filter(Boolean) as Array<'lf' | 'crlf' | 'cr'>;
  if (kinds.length === 0) return 'none';
  return kinds.length === 1 ? kinds[0] : 'mixed';
}
