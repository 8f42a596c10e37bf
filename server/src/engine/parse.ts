// Markdown → the blocks the recognizer scans, chunk by chunk. Each chunk
// (chunks.ts) is parsed with unified + remark-parse, GFM's block constructs
// (tables, task lists, footnotes, strikethrough) and front matter; everything
// later reads the *source* text at the positions mdast gives, never the
// rendering. A chunk's blocks, marker candidates and announcement phrases are
// kept in a cache keyed by its text, so an edit re-parses only its own chunk;
// the document-level copies of a cached chunk (its placement) are kept too and
// shifted in place when an edit moves the chunk, so the work after an edit
// grows with the number of blocks, not with the bytes of the draft. Plain
// prose (no inline markup, no block syntax) is read without the parser.
// Invariant: pure; no I/O; never throws on a document.
import type { Nodes, Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { LineIndex } from './text.js';
import { splitChunks, type Chunk } from './chunks.js';
import { findCandidates, mayHoldMarkers, type Candidate } from './markers.js';
import { findAnnouncementHits, mayHoldAnnouncements, type AnnouncementHit } from './announcements.js';

export type BlockKind = 'paragraph' | 'heading';

/** A leaf block whose text can hold markers: a paragraph or a heading. */
export interface Block {
  index: number;
  kind: BlockKind;
  /** Heading depth 1–6; 0 for paragraphs. */
  depth: number;
  start: number;
  end: number;
  /** Spans of plain text (not code, HTML or link targets), sorted. */
  textSpans: Array<[number, number]>;
  /** For a paragraph that is the first child of an ordered-list item: the list marker. */
  listMarker?: { start: number; end: number; text: string };
}

export interface Comment {
  start: number;
  end: number;
  value: string;
}

/** The text and blocks of a document (or of one chunk, with chunk-relative offsets). */
export interface BlockDocument {
  text: string;
  lines: LineIndex;
  blocks: Block[];
}

export interface ParsedDocument extends BlockDocument {
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  /** HTML comments, for inline configuration. */
  comments: Comment[];
  /** Marker candidates, in text order. */
  candidates: Candidate[];
  /** Count phrases (十个方面), in text order, not yet bound to enumerations. */
  announcementHits: AnnouncementHit[];
}

/**
 * What one chunk contributes. Its blocks, candidates and hits are in document
 * offsets, as the last analysis that used the chunk placed it: analyses own
 * these objects only while they run, and the next one shifts them in place
 * when an edit has moved the chunk (results never hold blocks or candidates).
 */
export interface ParsedChunk {
  /** Where the chunk started when it was last placed. */
  base: number;
  /** The parseDocument() call that placed it last. */
  generation: number;
  blocks: Block[];
  comments: Comment[];
  candidates: Candidate[];
  hits: AnnouncementHit[];
  /** Relative to the chunk. */
  bodyStart: number;
  /** Offsets of the chunk's line starts, relative to the chunk (the first is 0). */
  lineStarts: number[];
  /** The link and footnote labels the chunk defines, as stubs (see `definitionStubs`). */
  definitions: string[];
}

/**
 * Chunks parsed for the previous version of a document, keyed by their text: as
 * parsed alone, and as parsed with the document's definitions (`stubs`) known.
 */
export interface ChunkCache {
  /** The marker suffixes the cache was made with (a cache made with others is not reused). */
  suffixes: string;
  alone: Map<string, ParsedChunk>;
  stubs: string;
  withStubs: Map<string, ParsedChunk>;
}

export interface ParseOptions {
  suffixes: string[];
  /** The cache of the previous parse; the parse returns the cache for the next one. */
  cache?: ChunkCache;
  /** Parse the whole text as one chunk, always with the parser (the reference the chunked parse must equal). */
  wholeDocument?: boolean;
}

/** GFM's constructs that decide what is a block (autolink literals only make links of text). */
function gfmBlocks(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmTaskListItem(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmBlocks).freeze();
const frontMatterProcessor = unified().use(remarkParse).use(gfmBlocks).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/**
 * Front matter only where a closed block opens the document. (An unclosed `---` is
 * a thematic break; the front-matter extension then also misreads the lists after it.)
 */
export function hasFrontMatter(text: string): boolean {
  return /^---\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)|^\+\+\+\r?\n(?:[\s\S]*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|$)/.test(text);
}

const TRANSPARENT_INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

function collectTextSpans(node: Nodes, spans: Array<[number, number]>): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const p = n.position;
      if (p && p.start.offset !== undefined && p.end.offset !== undefined) spans.push([p.start.offset, p.end.offset]);
    } else if ((n === node || TRANSPARENT_INLINE.has(n.type)) && 'children' in n) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
}

interface ParsedBlocks {
  blocks: Block[];
  comments: Comment[];
  bodyStart: number;
  /** Stubs of the labels defined in the text (not in the stubs parsed after it). */
  definitions: string[];
  /** Whether every stub parsed as a definition (false: the text left a block open that swallowed them). */
  stubsDefined: boolean;
}

/**
 * A definition that makes its label defined, and nothing else: a reference elsewhere
 * in the document resolves the same whatever the definition's destination or text.
 */
const stubOf = (node: { type: 'definition' | 'footnoteDefinition'; label?: string | null; identifier: string }): string =>
  `[${node.type === 'footnoteDefinition' ? '^' : ''}${node.label ?? node.identifier}]: x`;

/**
 * Parses one chunk (or a whole text) into blocks and comments. [stubs]: definitions
 * made elsewhere in the document, parsed after the text (a blank line between) so
 * that its references resolve as in the whole document; what they add is dropped.
 */
function parseBlocks(text: string, atDocumentStart: boolean, stubs: string[] = []): ParsedBlocks {
  // The parser drops a byte order mark that opens its input and counts positions without it:
  // parse what follows and shift every offset past the mark.
  if (text.charCodeAt(0) === 0xfeff) {
    const inner = parseBlocks(text.slice(1), atDocumentStart, stubs);
    for (const b of inner.blocks) {
      b.start++;
      b.end++;
      b.textSpans = b.textSpans.map(([s, e]) => [s + 1, e + 1]);
      if (b.listMarker) b.listMarker = { ...b.listMarker, start: b.listMarker.start + 1, end: b.listMarker.end + 1 };
    }
    for (const c of inner.comments) {
      c.start++;
      c.end++;
    }
    return { ...inner, bodyStart: inner.bodyStart && inner.bodyStart + 1 };
  }
  // (A blank line after each: a definition cannot interrupt the paragraph of a footnote's stub.)
  const source = stubs.length ? `${text}\n\n${stubs.join('\n\n')}\n` : text;
  const root = (atDocumentStart && hasFrontMatter(text) ? frontMatterProcessor : processor).parse(source) as Root;
  let blocks: Block[] = [];
  let comments: Comment[] = [];
  const definitions: string[] = [];
  let stubsFound = 0;
  let bodyStart = 0;

  // Iterative walk: documents can nest thousands of levels deep.
  const stack: Array<{ node: Nodes; listMarker?: Block['listMarker'] }> = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i] });
  while (stack.length) {
    const top = stack.pop()!;
    const node = top.node;
    let listMarker = top.listMarker;
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
    const start = pos.start.offset;
    const end = pos.end.offset;
    if ((node.type as string) === 'toml' || node.type === 'yaml') {
      if (start === 0) bodyStart = end;
      continue;
    }
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      if (start >= text.length) stubsFound++;
      else definitions.push(stubOf(node));
    }
    switch (node.type) {
      case 'html':
        for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          comments.push({ start: start + m.index, end: start + m.index + m[0].length, value: m[1] });
        }
        break;
      case 'heading':
      case 'paragraph': {
        const textSpans: Array<[number, number]> = [];
        collectTextSpans(node, textSpans);
        // Inline HTML comments inside a paragraph count too.
        if (node.type === 'paragraph') {
          for (const child of node.children) {
            if (child.type === 'html' && child.position?.start.offset !== undefined) {
              const s = child.position.start.offset;
              for (const m of child.value.matchAll(/<!--([\s\S]*?)-->/g)) {
                comments.push({ start: s + m.index, end: s + m.index + m[0].length, value: m[1] });
              }
            }
          }
        }
        blocks.push({
          index: blocks.length,
          kind: node.type,
          depth: node.type === 'heading' ? node.depth : 0,
          start,
          end,
          textSpans,
          listMarker,
        });
        break;
      }
      case 'list':
        for (let i = node.children.length - 1; i >= 0; i--) {
          const li = node.children[i];
          let marker: Block['listMarker'];
          const ls = li.position?.start.offset;
          if (node.ordered && ls !== undefined) {
            const m = /^\d{1,9}[.)]/.exec(text.slice(ls, ls + 10));
            if (m) marker = { start: ls, end: ls + m[0].length, text: m[0] };
          }
          stack.push({ node: li, listMarker: marker });
        }
        break;
      case 'listItem':
        if (listMarker && node.children[0]?.type !== 'paragraph') {
          // `3.` with nothing after it, or a list item that opens with another block: keep the marker.
          blocks.push({ index: 0, kind: 'paragraph', depth: 0, start: listMarker.end, end: listMarker.end, textSpans: [], listMarker });
          listMarker = undefined;
        }
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push({ node: node.children[i] as Nodes, listMarker: i === 0 ? listMarker : undefined });
        }
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes });
        break;
      default:
        // code, tables, thematic breaks, definitions: no directive structure.
        break;
    }
  }
  if (stubs.length) {
    blocks = blocks.filter((b) => b.start < text.length);
    comments = comments.filter((c) => c.start < text.length);
  }
  blocks.sort((a, b) => a.start - b.start);
  blocks.forEach((b, i) => (b.index = i));
  comments.sort((a, b) => a.start - b.start);
  return { blocks, comments, bodyStart, definitions, stubsDefined: stubsFound === stubs.length };
}

/** Characters that can open inline markup, HTML, references, escapes or tables (or that the parser rewrites). */
const INLINE_SYNTAX = /[\\`*_~[\]<>&|\t\f\v\0\ufeff]/;
/**
 * A line that could open a block other than a paragraph, or underline a setext
 * heading. (1.落实 is a paragraph: an ordered-list marker needs a space after it.)
 */
const BLOCK_START = /^ *(?:[#=>+*\-_`~]|\d{1,9}[.)](?:[ \t]|$))/;

/** A list item's line: `1. ` or `1) ` or `- ` or `+ `, one space, then its text. */
const ITEM_LINE = /^(?:(\d{1,9})[.)]|[-+]) (?=\S)/;

type PlainKind = 'paragraph' | 'ordered' | 'bullet';

/**
 * The blocks of a chunk of plain prose — paragraphs, simple ATX headings and
 * simple list items; no inline markup, no other block syntax, no trailing
 * spaces — read without the parser; null when the chunk holds anything else.
 * The blocks equal what parseBlocks() makes of the same text (the property
 * tests compare them with the parser's).
 */
function plainBlocks(text: string): Block[] | null {
  if (INLINE_SYNTAX.test(text)) return null;
  const blocks: Block[] = [];
  let para: Block | null = null;
  let kind: PlainKind = 'paragraph';
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let nl = pos;
    let blank = true;
    for (; nl < n; nl++) {
      const c = text.charCodeAt(nl);
      if (c === 10 || c === 13) break;
      if (c !== 32) blank = false;
    }
    const next = nl < n && text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
    const head = text.slice(pos, Math.min(nl, pos + 16));
    const item = blank ? null : ITEM_LINE.exec(head);
    if (blank) {
      para = null;
    } else if (text.charCodeAt(nl - 1) === 32 || (text.charCodeAt(pos) === 32 && !para)) {
      return null; // trailing spaces (a hard break, or positions that include them); an indented block
    } else if (text.charCodeAt(pos) === 35 /* # */) {
      let h = pos;
      while (h < nl && text.charCodeAt(h) === 35) h++;
      const depth = h - pos;
      if (depth > 6 || text.charCodeAt(h) !== 32) return null;
      let cs = h;
      while (cs < nl && text.charCodeAt(cs) === 32) cs++;
      if (cs === nl || text.slice(cs, nl).includes('#')) return null;
      blocks.push({ index: blocks.length, kind: 'heading', depth, start: pos, end: nl, textSpans: [[cs, nl]], listMarker: undefined });
      para = null;
    } else if (item) {
      const ordered = item[1] !== undefined;
      // 2. after a paragraph line continues the paragraph (only a list that starts at 1 interrupts one).
      if (ordered && item[1] !== '1' && para && kind !== 'ordered') return null;
      const cs = pos + item[0].length;
      if (BLOCK_START.test(text.slice(cs, Math.min(nl, cs + 16)))) return null;
      const marker = ordered ? item[0].slice(0, -1) : '';
      para = {
        index: blocks.length,
        kind: 'paragraph',
        depth: 0,
        start: cs,
        end: nl,
        textSpans: [[cs, nl]],
        listMarker: ordered ? { start: pos, end: pos + marker.length, text: marker } : undefined,
      };
      kind = ordered ? 'ordered' : 'bullet';
      blocks.push(para);
    } else if (BLOCK_START.test(head)) {
      return null;
    } else if (para) {
      para.end = nl;
      para.textSpans[0][1] = nl;
    } else {
      para = { index: blocks.length, kind: 'paragraph', depth: 0, start: pos, end: nl, textSpans: [[pos, nl]], listMarker: undefined };
      kind = 'paragraph';
      blocks.push(para);
    }
    pos = next;
  }
  return blocks;
}

/** Offsets of the line starts of [text] (lines break at \r\n, \n and \r). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i >= 0 || r >= 0; ) {
    if (r >= 0 && (i < 0 || r < i)) {
      const after = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
      starts.push(after);
      if (after === r + 2) i = text.indexOf('\n', after);
      r = text.indexOf('\r', after);
    } else {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  return starts;
}

/**
 * A line that may hold a heading, also inside a blockquote or a list item (`> # 标题`,
 * `- # 标题`, `> ===`), or an HTML comment: a chunk without one, and without markers,
 * count phrases or definitions, has nothing for the analysis.
 */
const HEADING_OR_COMMENT = /^[ \t>*+\-0-9.)]*(?:#|=+[ \t]*\r?$|-+[ \t]*\r?$)|<!--/m;

/** Every definition has `]:` right after its label. */
const mayDefine = (text: string) => text.includes(']:');

/** Parses a chunk; null when [stubs] were given and the chunk swallowed them. */
function parseChunk(text: string, suffixes: string[], first: boolean, reference: boolean, stubs: string[] = []): ParsedChunk | null {
  const lineStarts = lineStartsOf(text);
  const frontMatter = first && hasFrontMatter(text);
  // Most prose chunks hold no marker, heading, comment, count phrase or definition: skip the parser for them.
  if (!reference && !frontMatter && !mayDefine(text) && !mayHoldMarkers(text, suffixes) && !mayHoldAnnouncements(text) && !HEADING_OR_COMMENT.test(text)) {
    return { base: 0, generation: 0, blocks: [], comments: [], candidates: [], hits: [], bodyStart: 0, lineStarts, definitions: [] };
  }
  const plain = reference || frontMatter || stubs.length ? null : plainBlocks(text);
  const parsed = plain ? { blocks: plain, comments: [], bodyStart: 0, definitions: [], stubsDefined: true } : parseBlocks(text, first, stubs);
  if (!parsed.stubsDefined) return null;
  const { blocks, comments, bodyStart, definitions } = parsed;
  const local: BlockDocument = { text, lines: new LineIndex(text, lineStarts), blocks };
  return { base: 0, generation: 0, blocks, comments, bodyStart, candidates: findCandidates(local, suffixes), hits: findAnnouncementHits(local), lineStarts, definitions };
}

let generations = 0;

/** Moves a placed chunk by [d] code units, in place. */
function shift(p: ParsedChunk, d: number): void {
  for (const b of p.blocks) {
    b.start += d;
    b.end += d;
    for (const span of b.textSpans) {
      span[0] += d;
      span[1] += d;
    }
    if (b.listMarker) {
      b.listMarker.start += d;
      b.listMarker.end += d;
    }
  }
  for (const c of p.comments) {
    c.start += d;
    c.end += d;
  }
  for (const c of p.candidates) {
    c.start += d;
    c.end += d;
    if (c.numeral) {
      c.numeral.start += d;
      c.numeral.end += d;
    }
  }
  for (const h of p.hits) {
    h.start += d;
    h.end += d;
    h.numStart += d;
    h.numEnd += d;
    h.blockEnd += d;
  }
}

/** A copy of a placed chunk (for a chunk whose text occurs twice in one document). */
function copyOf(p: ParsedChunk): ParsedChunk {
  const copies = new Map<Block, Block>();
  const blocks = p.blocks.map((b) => {
    const nb: Block = { ...b, textSpans: b.textSpans.map(([s, e]) => [s, e]), listMarker: b.listMarker && { ...b.listMarker } };
    copies.set(b, nb);
    return nb;
  });
  return {
    ...p,
    blocks,
    comments: p.comments.map((c) => ({ ...c })),
    candidates: p.candidates.map((c) => ({ ...c, numeral: c.numeral && { ...c.numeral }, block: copies.get(c.block)! })),
    hits: p.hits.map((h) => ({ ...h })),
  };
}

/** Puts the chunk at [base], its first block at [firstIndex]: in place, or a copy if this parse placed it already. */
function placeChunk(cached: ParsedChunk, base: number, firstIndex: number, generation: number): ParsedChunk {
  const p = cached.generation === generation ? copyOf(cached) : cached;
  if (p.base !== base) shift(p, base - p.base);
  if (p.blocks.length && p.blocks[0].index !== firstIndex) p.blocks.forEach((b, k) => (b.index = firstIndex + k));
  p.base = base;
  p.generation = generation;
  return p;
}

/** Definitions beyond this many characters of stubs: the document is parsed as one chunk. */
const MAX_STUBS_LENGTH = 4096;

export function parseDocument(text: string, options: ParseOptions = { suffixes: [] }): ParsedDocument & { cache: ChunkCache } {
  const suffixes = options.suffixes.join('');
  const previous = options.cache && options.cache.suffixes === suffixes ? options.cache : undefined;
  const cache: ChunkCache = { suffixes, alone: new Map(), stubs: '', withStubs: new Map() };
  const whole = [{ start: 0, end: text.length }];
  const reference = options.wholeDocument === true;
  if (reference) return place(text, whole, [parseChunk(text, options.suffixes, true, true)!], cache);

  /** A chunk as parsed alone: from this parse, the last one, or now. */
  const alone = (chunkText: string, first: boolean): ParsedChunk => {
    let parsed = cache.alone.get(chunkText) ?? previous?.alone.get(chunkText);
    if (!parsed) parsed = parseChunk(chunkText, options.suffixes, first, false)!;
    cache.alone.set(chunkText, parsed);
    return parsed;
  };
  const chunks = splitChunks(text);
  const texts = chunks.map((c) => text.slice(c.start, c.end));
  // Link and footnote definitions reach across chunks: find every label the document
  // defines, then parse each chunk that may refer to one with all of them known.
  const defined = new Set<string>();
  texts.forEach((t, i) => {
    if (mayDefine(t)) for (const d of alone(t, i === 0).definitions) defined.add(d);
  });
  if (!defined.size) return place(text, chunks, texts.map((t, i) => alone(t, i === 0)), cache);

  const stubs = [...defined].sort();
  cache.stubs = stubs.join('\n');
  // Thousands of definitions would be parsed again with every chunk: one chunk then.
  const oneChunk = () => place(text, whole, [alone(text, true)], cache);
  if (cache.stubs.length > MAX_STUBS_LENGTH) return oneChunk();
  const reuse = previous?.stubs === cache.stubs ? previous.withStubs : undefined;
  const parsed: ParsedChunk[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!t.includes('[')) {
      parsed.push(alone(t, i === 0));
      continue;
    }
    const p = cache.withStubs.get(t) ?? reuse?.get(t) ?? parseChunk(t, options.suffixes, i === 0, false, stubs);
    // A chunk that left a block open (a fence never closed) swallowed the stubs.
    if (!p) return oneChunk();
    cache.withStubs.set(t, p);
    parsed.push(p);
  }
  return place(text, chunks, parsed, cache);
}

/** The document of [text] from its chunks, each placed at its offset. */
function place(text: string, chunks: Chunk[], parsed: ParsedChunk[], cache: ChunkCache): ParsedDocument & { cache: ChunkCache } {
  const generation = ++generations;
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const candidates: Candidate[] = [];
  const announcementHits: AnnouncementHit[] = [];
  const lineStarts: number[] = [];
  let bodyStart = 0;
  chunks.forEach((chunk, i) => {
    const p = parsed[i];
    const base = chunk.start;
    if (i === 0) bodyStart = p.bodyStart;
    const ls = p.lineStarts;
    // Chunks start at line starts: the document's lines are the chunks' lines, shifted.
    // (A chunk's last line start is the next chunk's first when the chunk ends with a line break.)
    const count = i < chunks.length - 1 && ls[ls.length - 1] === chunk.end - chunk.start ? ls.length - 1 : ls.length;
    for (let k = 0; k < count; k++) lineStarts.push(ls[k] + base);
    if (p.blocks.length || p.comments.length) {
      const placed = placeChunk(p, base, blocks.length, generation);
      for (const b of placed.blocks) blocks.push(b);
      for (const c of placed.comments) comments.push(c);
      for (const c of placed.candidates) candidates.push(c);
      for (const h of placed.hits) announcementHits.push(h);
    }
  });
  return { text, lines: new LineIndex(text, lineStarts), blocks, bodyStart, comments, candidates, announcementHits, cache };
}
