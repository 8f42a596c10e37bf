// Markdown → the blocks the recognizer scans, chunk by chunk. Each chunk
// (chunks.ts) is parsed with unified + remark-parse, GFM's block constructs
// (tables, task lists, footnotes, strikethrough) and front matter; everything
// later reads the *source* text at the positions mdast gives, never the
// rendering. A chunk's blocks, marker candidates and announcement phrases are
// kept in a cache keyed by its text, so an edit re-parses only its own chunk.
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
import { splitChunks } from './chunks.js';
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

/** What one chunk contributes, with offsets relative to the chunk. */
export interface ParsedChunk {
  blocks: Block[];
  comments: Comment[];
  candidates: Candidate[];
  hits: AnnouncementHit[];
  bodyStart: number;
}

/** Chunks parsed for the previous version of a document, keyed by suffixes and text. */
export type ChunkCache = Map<string, ParsedChunk>;

export interface ParseOptions {
  suffixes: string[];
  /** The cache of the previous parse; the parse returns the cache for the next one. */
  cache?: ChunkCache;
  /** Parse the whole text as one chunk (the reference the chunked parse must equal). */
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

/** Parses one chunk (or a whole text) into blocks and comments. */
function parseBlocks(text: string, atDocumentStart: boolean): { blocks: Block[]; comments: Comment[]; bodyStart: number } {
  const root = (atDocumentStart && hasFrontMatter(text) ? frontMatterProcessor : processor).parse(text) as Root;
  const blocks: Block[] = [];
  const comments: Comment[] = [];
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
  blocks.sort((a, b) => a.start - b.start);
  blocks.forEach((b, i) => (b.index = i));
  comments.sort((a, b) => a.start - b.start);
  return { blocks, comments, bodyStart };
}

function parseChunk(text: string, suffixes: string[], first: boolean): ParsedChunk {
  // Most prose chunks hold no marker, heading, comment or count phrase: skip the parser for them.
  if (!(first && hasFrontMatter(text)) && !mayHoldMarkers(text, suffixes) && !mayHoldAnnouncements(text) && !/^ {0,3}(#|=+[ \t]*\r?$|-+[ \t]*\r?$)|<!--/m.test(text)) {
    return { blocks: [], comments: [], candidates: [], hits: [], bodyStart: 0 };
  }
  const { blocks, comments, bodyStart } = parseBlocks(text, first);
  const local: BlockDocument = { text, lines: new LineIndex(text), blocks };
  return { blocks, comments, bodyStart, candidates: findCandidates(local, suffixes), hits: findAnnouncementHits(local) };
}

export function parseDocument(text: string, options: ParseOptions = { suffixes: [] }): ParsedDocument & { cache: ChunkCache } {
  const suffixKey = options.suffixes.join('');
  const previous = options.cache;
  const cache: ChunkCache = new Map();
  const chunks = options.wholeDocument ? [{ start: 0, end: text.length }] : splitChunks(text);
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const candidates: Candidate[] = [];
  const announcementHits: AnnouncementHit[] = [];
  let bodyStart = 0;
  chunks.forEach((chunk, i) => {
    const chunkText = text.slice(chunk.start, chunk.end);
    const key = `${suffixKey}\u0000${chunkText}`;
    let parsed = previous?.get(key) ?? cache.get(key);
    if (!parsed) parsed = parseChunk(chunkText, options.suffixes, i === 0);
    cache.set(key, parsed);
    const base = chunk.start;
    if (i === 0) bodyStart = parsed.bodyStart;
    // Shift the chunk's offsets into the document; the cached chunk stays untouched.
    const shifted = new Map<Block, Block>();
    for (const b of parsed.blocks) {
      const nb: Block = {
        index: blocks.length,
        kind: b.kind,
        depth: b.depth,
        start: b.start + base,
        end: b.end + base,
        textSpans: base === 0 ? b.textSpans : b.textSpans.map(([s, e]) => [s + base, e + base]),
        listMarker: b.listMarker && { start: b.listMarker.start + base, end: b.listMarker.end + base, text: b.listMarker.text },
      };
      shifted.set(b, nb);
      blocks.push(nb);
    }
    for (const c of parsed.comments) comments.push({ start: c.start + base, end: c.end + base, value: c.value });
    for (const c of parsed.candidates) {
      candidates.push({
        ...c,
        start: c.start + base,
        end: c.end + base,
        numeral: c.numeral && { start: c.numeral.start + base, end: c.numeral.end + base },
        block: shifted.get(c.block)!,
      });
    }
    for (const h of parsed.hits) {
      announcementHits.push({ ...h, start: h.start + base, end: h.end + base, numStart: h.numStart + base, numEnd: h.numEnd + base, blockEnd: h.blockEnd + base });
    }
  });
  return { text, lines: new LineIndex(text), blocks, bodyStart, comments, candidates, announcementHits, cache };
}
