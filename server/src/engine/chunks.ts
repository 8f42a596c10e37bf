// Splits a Markdown document into chunks at *safe* top-level boundaries: a
// blank line followed by a line that starts in column 0, outside fenced code,
// multi-line HTML blocks and front matter. Parsing each chunk on its own gives
// the same blocks as parsing the whole document, so chunks can be parsed once
// and reused while the rest of the document is edited (and a 5 MB draft never
// meets the parser's superlinear cases). Link and footnote definitions reach
// across chunks: parse.ts parses the chunks that may refer to one with the
// document's definitions known.
// Invariant: pure; no I/O; never throws.
import { hasFrontMatter } from './parse.js';

export interface Chunk {
  start: number;
  end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** CommonMark HTML blocks of kinds 6 (block tags; may interrupt a paragraph) and 7 (a lone tag; may not). */
const HTML_KIND_6 = new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_TAGS})(?:[ \\t>]|/>|$)`, 'i');
const HTML_KIND_7 = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

type State = 'none' | 'paragraph' | 'html' | 'fence' | 'htmlUntilEnd';

export function splitChunks(text: string): Chunk[] {
  if (text.length === 0) return [{ start: 0, end: text.length }];
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let pos = 0;
  let state: State = 'none';
  let fence = { char: '', len: 0 };
  let htmlEnd: RegExp = /$^/;
  let afterBlank = false;
  /** The last block was indented code (blank lines may follow it). */
  let indentedCode = false;

  // Front matter stays in the first chunk.
  const fm = /^(---|\+\+\+)\r?\n/.exec(text);
  if (fm && hasFrontMatter(text)) {
    const close = new RegExp(`\\r?\\n(${fm[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(\\r?\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(text);
    if (m) pos = m.index + m[0].length;
  }

  // Lines end at \r\n, \n or a lone \r, as in CommonMark. Most lines are prose: they are
  // classified by their first characters, and only lines that could open or close
  // a fence or an HTML block are cut out of the text and matched.
  const hasCR = text.includes('\r');
  const len = text.length;
  while (pos < len) {
    let nl: number;
    if (hasCR) {
      nl = pos;
      while (nl < len) {
        const ch = text.charCodeAt(nl);
        if (ch === 10 || ch === 13) break;
        nl++;
      }
    } else {
      nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
    }
    const next = nl >= len ? len : text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
    const lineStart = pos;
    pos = next;
    // The first character after up to three spaces (a tab or a fourth space: indented).
    let f = lineStart;
    while (f < nl && f - lineStart < 3 && text.charCodeAt(f) === 32) f++;
    const first = f < nl ? text.charCodeAt(f) : -1;
    if (state === 'fence') {
      if (first === 96 /* ` */ || first === 126 /* ~ */) {
        const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text.slice(lineStart, nl));
        if (m && m[1][0] === fence.char && m[1].length >= fence.len) state = 'none';
      }
      continue;
    }
    if (state === 'htmlUntilEnd') {
      if (htmlEnd.test(text.slice(lineStart, nl))) state = 'none';
      continue;
    }
    if (isBlankRange(text, lineStart, nl)) {
      // A blank line ends paragraphs and HTML blocks of kinds 6 and 7.
      state = 'none';
      afterBlank = true;
      continue;
    }
    const c = text.charCodeAt(lineStart);
    // A chunk may not open with ---/+++: at the start of a parse, that would read as front matter.
    // Nor with an ordered list item not numbered 1 right after indented code: the parser reads that
    // as a paragraph there (as if it interrupted one), and as a list at the start of a parse.
    // Nor with U+FEFF: the parser drops a byte order mark that opens its input.
    if (
      afterBlank &&
      lineStart > chunkStart &&
      c !== 32 &&
      c !== 9 &&
      c !== 0xfeff &&
      !((c === 45 || c === 43) && /^(---|\+\+\+)[ \t]*$/.test(text.slice(lineStart, nl))) &&
      !(indentedCode && c >= 48 && c <= 57 && /^(?!1[.)])\d{1,9}[.)]/.test(text.slice(lineStart, Math.min(nl, lineStart + 12))))
    ) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
    }
    afterBlank = false;
    // Indented code: four spaces or a tab, where no paragraph continues.
    if (f - lineStart === 3 ? text.charCodeAt(f) === 32 || text.charCodeAt(f) === 9 : first === 9) {
      if (state === 'none') indentedCode = true;
    } else {
      indentedCode = false;
    }
    if (state === 'html') continue; // content of an HTML block, until a blank line
    if (first !== 96 && first !== 126 && first !== 60 /* < */) {
      state = 'paragraph';
      continue;
    }
    const line = text.slice(lineStart, nl);
    const f2 = FENCE_OPEN.exec(line);
    if (f2 && !(f2[1][0] === '`' && line.slice(f2.index + f2[0].length).includes('`'))) {
      fence = { char: f2[1][0], len: f2[1].length };
      state = 'fence';
      continue;
    }
    const open = HTML_OPEN.find(([o]) => o.test(line));
    if (open) {
      if (!open[1].test(line.slice(line.indexOf('<') + 2))) {
        htmlEnd = open[1];
        state = 'htmlUntilEnd';
      } else {
        state = 'none'; // kinds 1–5 end on the line that holds their end condition
      }
      continue;
    }
    if (HTML_KIND_6.test(line) || (state !== 'paragraph' && HTML_KIND_7.test(line))) {
      state = 'html';
      continue;
    }
    state = 'paragraph';
  }
  chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}
