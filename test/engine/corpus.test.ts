// The annotated corpora (test/fixtures/real: directives, test/fixtures/regs:
// regulations; format in test/fixtures/ANNOTATION.md): every annotated
// enumeration is recognized with the same style, level, inline flag, items and
// nesting, and nothing else is reported as a marker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze, toAnnotation, type AnnotationEnumeration } from 'gongwen-server';

const fixtures = new URL('../../fixtures/', import.meta.url);

interface Truth {
  file: string;
  announced_counts: Array<{ text: string; count: number | null; offset: number; target: string | null; matches: boolean | null }>;
  enumerations: AnnotationEnumeration[];
  lookalikes: Array<{ text: string; offset: number }>;
}

/** The fields the annotation fixes, in a shape whose diff reads well. */
function project(list: AnnotationEnumeration[]): unknown[] {
  return list.map((e) => ({
    id: e.id,
    style: e.style,
    level: e.level,
    inline: e.inline,
    parent_index: e.parent_index,
    items: e.items.map((i) => `${i.marker} n=${i.n} ${i.style} @${i.line}:${i.column}/${i.offset} ${i.at_line_start ? 'L' : '-'}${i.in_heading ? 'H' : '-'}${i.md_list_item ? 'M' : '-'}`),
    children: project(e.children),
  }));
}

function heads(list: AnnotationEnumeration[], out: Map<number, string> = new Map()): Map<number, string> {
  for (const e of list) {
    for (const i of e.items) out.set(i.offset, i.head);
    heads(e.children, out);
  }
  return out;
}

for (const set of ['real', 'regs']) {
  describe(`corpus ${set}: the annotated structure is recognized exactly`, () => {
    const dir = new URL(`${set}/`, fixtures);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const truth = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Truth;
      const text = readFileSync(new URL(truth.file, dir), 'utf8');
      const got = toAnnotation(analyze(text));

      it(`${truth.file}: enumerations, items and nesting match the annotation`, () => {
        assert.deepEqual(project(got.enumerations), project(truth.enumerations));
      });

      it(`${truth.file}: each item's head equals the annotated head`, () => {
        assert.deepEqual([...heads(got.enumerations)], [...heads(truth.enumerations)]);
      });

      it(`${truth.file}: no marker at a lookalike`, () => {
        const markers = new Set<number>();
        const walk = (l: AnnotationEnumeration[]) => l.forEach((e) => (e.items.forEach((i) => markers.add(i.offset)), walk(e.children)));
        walk(got.enumerations);
        for (const l of truth.lookalikes ?? []) {
          for (let o = l.offset; o < l.offset + l.text.length; o++) assert.ok(!markers.has(o), `marker inside lookalike “${l.text}” at ${o}`);
        }
      });

      it(`${truth.file}: announced counts bind to the annotated enumeration`, () => {
        for (const a of truth.announced_counts) {
          const g = got.announced_counts.find((x) => x.offset < a.offset + a.text.length && a.offset < x.offset + x.text.length);
          if (a.target === null) {
            assert.ok(!g || g.target === null, `“${a.text}” announces no numbered list`);
            continue;
          }
          assert.ok(g, `announcement “${a.text}” at ${a.offset} not found`);
          assert.deepEqual({ target: g.target, count: g.count, matches: g.matches }, { target: a.target, count: a.count, matches: a.matches }, a.text);
        }
        for (const g of got.announced_counts) {
          if (g.target === null) continue;
          assert.ok(
            truth.announced_counts.some((a) => a.target !== null && g.offset < a.offset + a.text.length && a.offset < g.offset + g.text.length),
            `“${g.text}” at ${g.offset} is bound to ${g.target} but announces nothing`,
          );
        }
      });
    }
  });
}
