// Markdown → the blocks the recognizer scans. Parses once with unified +
// remark-parse (GFM and front matter); everything later reads the *source*
// text at the positions mdast gives, never the rendering.
// Invariant: pure; no I/O; never throws on a document.
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { LineIndex } from './text.js';

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

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  root: Root;
  blocks: Block[];
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  /** HTML comments, for inline configuration. */
  comments: Array<{ start: number; end: number; value: string }>;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

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

export function parseDocument(text: string): ParsedDocument {
  const lines = new LineIndex(text);
  const root = processor.parse(text) as Root;
  const blocks: Block[] = [];
  const comments: ParsedDocument['comments'] = [];
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
  return { text, lines, root, blocks, bodyStart, comments };
}
