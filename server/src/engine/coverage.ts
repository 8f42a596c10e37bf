// The measure matcher: which item of the draft covers which measure of a
// required-measures schema, with the evidence for each decision.
//
// Scoring (docs/schemas.md, "How matching works"):
//   - Each item is read in full: its marker line, body and child items. Text is
//     normalized (normalize.ts) on both sides, so full-width and half-width
//     forms and Chinese and ASCII punctuation match each other.
//   - Every keyword (`any`, `all`) and pattern found in an item is evidence,
//     weighed by where it stands: in the item's own head (the marker line up to
//     the end of its first sentence) 1.0; in the head of one of its child items
//     0.7; anywhere else in its body 0.5 divided by the number of items of the
//     enumeration that mention the term — a phrase every item uses says nothing
//     about which one covers the measure.
//   - Body evidence is a passing mention when the item's head is about another
//     measure (that measure has head evidence there, this one has none): it
//     counts 40 %.
//   - An item's score for a measure is the sum of its evidence; `all` terms are
//     a gate (an item lacking one scores 0). Each measure lands on its
//     best-scoring item, and is covered when that score reaches the threshold
//     (0.5 by default): one keyword in the head suffices, one in the body only
//     when no other item mentions it and the item is not about something else.
// Invariant: pure; no I/O; never throws on a document (analyze() catches).
import { RE2JS } from 're2js';
import type {
  Announcement,
  CoverageResult,
  Enumeration,
  Evidence,
  EvidenceZone,
  Item,
  ItemRef,
  Measure,
  MeasureCoverage,
  MeasuresSchema,
  MeasureTerms,
  SubRequirementCoverage,
} from './types.js';
import type { ParsedDocument } from './parse.js';
import type { BuiltStructure } from './structure.js';
import { findAll, normalizeRange, normalizeTerm, type NormalizedText } from './normalize.js';

export const DEFAULT_THRESHOLD = 0.5;
export const WEIGHT = { head: 1, 'child-head': 0.7, body: 0.5 } as const;
export const PASSING_MENTION = 0.4;
/** At most this many characters of an item's first sentence are its head. */
const HEAD_MAX = 60;
const MAX_RANGES = 5;
const HEAD_SKIP = /[\s\u3000\u2002，、：:,．.*_]/;
const TITLE_STOP = /[。；;！？!?\r\n]/;
const round = (x: number): number => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------
// Patterns: RE2 (linear time) only; compiled once per process.

const compiled = new Map<string, RE2JS | null>();

/** Compiles a schema pattern with RE2 (case-insensitive); null when RE2 rejects it. */
export function compilePattern(pattern: string): RE2JS | null {
  if (compiled.has(pattern)) return compiled.get(pattern)!;
  let re: RE2JS | null = null;
  try {
    re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch {
    re = null;
  }
  if (compiled.size > 5000) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(pattern: string): { zh: string; en: string } | null {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    const why = String((err as Error).message ?? err);
    return { zh: `正则表达式无效（RE2 语法，不支持回溯引用和环视）：${why}`, en: `Invalid pattern (RE2 syntax: no backreferences or lookaround): ${why}` };
  }
  if (re.testExact('')) return { zh: '正则表达式能匹配空字符串，会匹配任何条目', en: 'The pattern matches the empty string, so it would match every item' };
  // RE2 runs in time linear in the text, times the size of the pattern's program: (.*a){1000}
  // compiles to 5,000 instructions and takes seconds on a long item.
  const size = re.programSize();
  if (size > MAX_PATTERN_PROGRAM) {
    return {
      zh: `正则表达式过于复杂（编译后 ${size} 条指令，上限 ${MAX_PATTERN_PROGRAM}），匹配长文本会很慢；请减少重复次数`,
      en: `The pattern is too complex (${size} instructions compiled, at most ${MAX_PATTERN_PROGRAM}), so matching long text would be slow; use fewer repetitions`,
    };
  }
  return null;
}

/** The largest RE2 program a schema pattern may compile to (ordinary patterns take a few dozen). */
export const MAX_PATTERN_PROGRAM = 2000;

// ---------------------------------------------------------------------------
// Which enumeration a schema checks.

function flatten(list: Enumeration[]): Enumeration[] {
  const out: Enumeration[] = [];
  const walk = (es: Enumeration[]) => {
    for (const e of es) {
      out.push(e);
      for (const it of e.items) walk(it.children);
    }
  };
  walk(list);
  return out;
}

const styleKey = (s: string): string => normalizeTerm(s);

export function selectEnumeration(
  structure: Pick<BuiltStructure, 'enumerations' | 'headings'>,
  announcements: Announcement[],
  schema: Pick<MeasuresSchema, 'appliesTo'>,
): { enumeration: Enumeration; announcement?: Announcement } | null {
  const at = schema.appliesTo ?? { announced: true };
  let candidates = flatten(structure.enumerations);
  if (at.style) {
    const want = styleKey(at.style);
    candidates = candidates.filter((e) => styleKey(e.style) === want || e.stylesUsed.some((s) => styleKey(s) === want));
  }
  if (at.heading) {
    const want = normalizeTerm(at.heading);
    candidates = candidates.filter((e) => {
      const start = e.range.start.offset;
      for (let p = e.parent; p; p = p.enumeration.parent) {
        if (normalizeTerm(p.enumeration.items[p.index].title).includes(want)) return true;
      }
      // Under the heading: after it, within its section (not the heading's own marker).
      return structure.headings.some((h) => h.range.end.offset <= start && start <= h.sectionEnd.offset && normalizeTerm(h.text).includes(want));
    });
  }
  if (!candidates.length) return null;
  const largest = (list: Enumeration[]) => list.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const bound = (e: Enumeration) => announcements.find((a) => a.target === e);
  if (at.announced !== false) {
    const announced = candidates.filter((e) => bound(e));
    if (announced.length) {
      const e = largest(announced);
      return { enumeration: e, announcement: bound(e) };
    }
  }
  const minLevel = candidates.reduce((m, e) => Math.min(m, e.level), Infinity);
  const e = largest(candidates.filter((c) => c.level === minLevel));
  return { enumeration: e, announcement: bound(e) };
}

// ---------------------------------------------------------------------------
// Items as text with zones.

interface ItemText {
  item: Item;
  ref: ItemRef;
  start: number;
  end: number;
  headEnd: number;
  childHeads: Array<[number, number]>;
  norm: NormalizedText;
}

/** Where an item's head ends: its first sentence after the marker, at most HEAD_MAX characters, within its scope. */
export function headEndOf(text: string, item: Item): number {
  const limit = Math.min(item.scopeEnd.offset, text.length);
  let p = item.range.end.offset;
  while (p < limit && HEAD_SKIP.test(text[p])) p++;
  const cap = Math.min(limit, p + HEAD_MAX);
  while (p < cap && !TITLE_STOP.test(text[p])) p++;
  return p;
}

function itemText(doc: ParsedDocument, e: Enumeration, index: number): ItemText {
  const item = e.items[index];
  const start = item.range.start.offset;
  const end = Math.max(start, item.scopeEnd.offset);
  const childHeads: Array<[number, number]> = [];
  const walk = (list: Enumeration[]) => {
    for (const c of list) {
      for (const ci of c.items) {
        childHeads.push([ci.range.start.offset, headEndOf(doc.text, ci)]);
        walk(ci.children);
      }
    }
  };
  walk(item.children);
  const ref: ItemRef = {
    enumerationId: e.id,
    index,
    marker: item.marker,
    title: item.title,
    range: item.range,
    scope: doc.lines.range(start, end),
  };
  return { item, ref, start, end, headEnd: headEndOf(doc.text, item), childHeads, norm: normalizeRange(doc.text, start, end, doc.comments) };
}

function zoneOf(t: ItemText, offset: number): EvidenceZone {
  if (offset >= t.start && offset < t.headEnd) return 'head';
  if (t.childHeads.some(([s, e]) => offset >= s && offset < e)) return 'child-head';
  return 'body';
}

const ZONE_RANK: Record<EvidenceZone, number> = { head: 3, 'child-head': 2, body: 1 };

/** Occurrences of a term in one item: its best zone and where. */
interface Hit {
  zone: EvidenceZone;
  /** Source [start, end) offsets, best zone first. */
  spans: Array<[number, number]>;
}

type TermKey = string; // `k:<normalized keyword>` or `p:<pattern>`

function findTerm(t: ItemText, key: TermKey): Hit | null {
  const spans: Array<[number, number]> = [];
  if (key.startsWith('k:')) {
    const needle = key.slice(2);
    for (const a of findAll(t.norm.lower, needle, 50)) spans.push([t.norm.srcStart[a], t.norm.srcEnd[a + needle.length - 1]]);
  } else {
    const re = compilePattern(key.slice(2));
    if (!re) return null;
    const m = re.matcher(t.norm.text);
    let guard = 0;
    while (guard++ < 200 && m.find()) {
      const a = m.start();
      const b = m.end();
      if (b > a) spans.push([t.norm.srcStart[a], t.norm.srcEnd[b - 1]]);
      if (spans.length >= 50) break;
    }
  }
  if (!spans.length) return null;
  let zone: EvidenceZone = 'body';
  for (const [s] of spans) {
    const z = zoneOf(t, s);
    if (ZONE_RANK[z] > ZONE_RANK[zone]) zone = z;
  }
  spans.sort((x, y) => ZONE_RANK[zoneOf(t, y[0])] - ZONE_RANK[zoneOf(t, x[0])] || x[0] - y[0]);
  return { zone, spans };
}

interface TermRef {
  kind: Evidence['kind'];
  term: string;
  key: TermKey;
}

function termsOf(m: MeasureTerms): TermRef[] {
  const out: TermRef[] = [];
  const seen = new Set<string>();
  const add = (kind: Evidence['kind'], term: string, key: TermKey) => {
    if (key.length <= 2 || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, term, key });
  };
  for (const k of m.all ?? []) add('all', k, `k:${normalizeTerm(k)}`);
  for (const k of m.any ?? []) add('any', k, `k:${normalizeTerm(k)}`);
  for (const p of m.patterns ?? []) add('pattern', p, `p:${p}`);
  return out;
}

// ---------------------------------------------------------------------------

interface Scored {
  score: number;
  evidence: Evidence[];
  missingAll: string[];
  hasHead: boolean;
}

export function computeCoverage(
  doc: ParsedDocument,
  structure: BuiltStructure,
  announcements: Announcement[],
  schema: MeasuresSchema,
): CoverageResult {
  const threshold = typeof schema.threshold === 'number' && schema.threshold > 0 ? schema.threshold : DEFAULT_THRESHOLD;
  const measures: Measure[] = Array.isArray(schema.measures) ? schema.measures : [];
  const target = selectEnumeration(structure, announcements, schema);
  const texts = target ? target.enumeration.items.map((_, k) => itemText(doc, target.enumeration, k)) : [];

  // Every term of every measure, found in every item.
  const hits = new Map<TermKey, Array<Hit | null>>();
  const termLists = measures.map((m) => termsOf(m));
  const hitsOf = (key: TermKey): Array<Hit | null> => {
    let h = hits.get(key);
    if (!h) {
      h = texts.map((t) => findTerm(t, key));
      hits.set(key, h);
    }
    return h;
  };
  const df = (key: TermKey) => hitsOf(key).filter(Boolean).length;

  // Head claims: which measures each item's own head is about.
  const headClaims = texts.map(() => new Set<number>());
  termLists.forEach((terms, mi) => {
    const hasEvidenceTerms = terms.some((tr) => tr.kind !== 'all');
    for (const tr of terms) {
      if (tr.kind === 'all' && hasEvidenceTerms) continue;
      hitsOf(tr.key).forEach((h, ii) => h?.zone === 'head' && headClaims[ii].add(mi));
    }
  });

  const evidenceOf = (tr: TermRef, h: Hit, t: ItemText, weight: number): Evidence => ({
    kind: tr.kind,
    term: tr.term,
    zone: h.zone,
    ranges: h.spans.slice(0, MAX_RANGES).map(([s, e]) => doc.lines.range(s, e)),
    itemsMentioning: df(tr.key),
    weight: round(weight),
  });

  const score = (mi: number, ii: number): Scored => {
    const t = texts[ii];
    const found = termLists[mi].map((tr) => ({ tr, hit: hitsOf(tr.key)[ii] }));
    const hasHead = headClaims[ii].has(mi);
    // A passing mention: the item's head is about another measure, and this one shows up only in its body.
    const strong = hasHead || found.some((f) => f.hit?.zone === 'child-head');
    const passing = !strong && [...headClaims[ii]].some((o) => o !== mi);
    // `all` terms are a gate; they count as evidence only for a measure that has nothing else.
    const hasEvidenceTerms = found.some((f) => f.tr.kind !== 'all');
    const evidence: Evidence[] = [];
    const missingAll: string[] = [];
    let total = 0;
    let anyHit = !hasEvidenceTerms;
    for (const { tr, hit } of found) {
      if (!hit) {
        if (tr.kind === 'all') missingAll.push(tr.term);
        continue;
      }
      let w: number = WEIGHT[hit.zone];
      if (hit.zone === 'body') w = (w / Math.max(1, df(tr.key))) * (passing ? PASSING_MENTION : 1);
      if (tr.kind === 'all' && hasEvidenceTerms) w = 0;
      else anyHit = true;
      total += w;
      evidence.push(evidenceOf(tr, hit, t, w));
    }
    evidence.sort((a, b) => b.weight - a.weight);
    return { score: missingAll.length || !anyHit ? 0 : round(total), evidence, missingAll, hasHead };
  };

  const table: Scored[][] = measures.map((_, mi) => texts.map((_, ii) => score(mi, ii)));

  const results: MeasureCoverage[] = measures.map((m, mi) => {
    const row = table[mi];
    let best = -1;
    row.forEach((s, ii) => {
      if (best < 0 || s.score > row[best].score) best = ii;
    });
    const required = m.required !== false;
    const base = {
      id: m.id,
      title: m.title || m.id,
      required,
      duplicates: [] as ItemRef[],
      requirements: [] as SubRequirementCoverage[],
      source: m.source,
    };
    if (best >= 0 && row[best].score >= threshold) {
      const s = row[best];
      const requirements = (m.requirements ?? []).map((r) => subRequirement(r, texts[best], hitsOfTerms(r, texts[best])));
      const partial = requirements.some((r) => r.required && !r.covered);
      return { ...base, covered: true, status: partial ? 'partial' : 'covered', item: texts[best].ref, score: s.score, evidence: s.evidence, requirements };
    }
    // Not covered: the closest candidate, for the message and the editor.
    let near = -1;
    row.forEach((s, ii) => {
      const value = s.missingAll.length ? s.evidence.reduce((a, e) => a + e.weight, 0) : s.score;
      const nearValue = near < 0 ? -1 : row[near].missingAll.length ? row[near].evidence.reduce((a, e) => a + e.weight, 0) : row[near].score;
      if (value > 0 && value > nearValue) near = ii;
    });
    const nearest =
      near >= 0
        ? { item: texts[near].ref, score: round(row[near].evidence.reduce((a, e) => a + e.weight, 0)), missingAll: row[near].missingAll }
        : undefined;
    return {
      ...base,
      covered: false,
      status: required ? 'missing' : 'optional-missing',
      score: nearest?.score ?? 0,
      evidence: near >= 0 ? row[near].evidence : [],
      nearest,
      requirements: (m.requirements ?? []).map((r) => ({ id: r.id, title: r.title || r.id, required: r.required !== false, covered: false, evidence: [], missingAll: [] })),
    };
  });

  // The measure each item is most about.
  const topMeasure = texts.map((_, ii) => {
    let top = -1;
    measures.forEach((_, mi) => {
      if (top < 0 || table[mi][ii].score > table[top][ii].score) top = mi;
    });
    return top;
  });
  // Duplicates: another item whose own head is about the measure and whose best measure it is.
  results.forEach((r, mi) => {
    if (!r.item) return;
    texts.forEach((t, ii) => {
      const s = table[mi][ii];
      if (ii !== r.item!.index && s.hasHead && s.score >= threshold && topMeasure[ii] === mi) r.duplicates.push(t.ref);
    });
  });

  const items = texts.map((t, ii) => ({
    item: t.ref,
    measures: results.filter((r) => r.item?.index === ii).map((r) => r.id),
    bestScore: measures.length ? Math.max(...measures.map((_, mi) => table[mi][ii].score)) : 0,
  }));

  const requiredCount = results.filter((r) => r.required).length;
  return {
    schemaId: schema.id,
    schemaTitle: schema.title,
    schemaFile: schema.file,
    order: schema.order === 'strict' ? 'strict' : 'free',
    threshold,
    enumeration: target
      ? { id: target.enumeration.id, style: target.enumeration.style, itemCount: target.enumeration.items.length, range: target.enumeration.range }
      : null,
    announcement: target?.announcement ? { text: target.announcement.text, range: target.announcement.range } : undefined,
    measures: results,
    items,
    summary: {
      total: results.length,
      required: requiredCount,
      covered: results.filter((r) => r.covered).length,
      requiredCovered: results.filter((r) => r.required && r.covered).length,
      missingRequired: results.filter((r) => r.required && !r.covered).length,
    },
  };

  function hitsOfTerms(terms: MeasureTerms, t: ItemText): Array<{ tr: TermRef; hit: Hit | null }> {
    return termsOf(terms).map((tr) => ({ tr, hit: findTerm(t, tr.key) }));
  }

  function subRequirement(
    r: Measure['requirements'][number],
    t: ItemText,
    found: Array<{ tr: TermRef; hit: Hit | null }>,
  ): SubRequirementCoverage {
    const evidence: Evidence[] = [];
    const missingAll: string[] = [];
    for (const { tr, hit } of found) {
      if (!hit) {
        if (tr.kind === 'all') missingAll.push(tr.term);
        continue;
      }
      evidence.push({
        kind: tr.kind,
        term: tr.term,
        zone: hit.zone,
        ranges: hit.spans.slice(0, MAX_RANGES).map(([s, e]) => doc.lines.range(s, e)),
        itemsMentioning: df(tr.key),
        weight: WEIGHT[hit.zone],
      });
    }
    return { id: r.id, title: r.title || r.id, required: r.required !== false, covered: evidence.length > 0 && missingAll.length === 0, evidence, missingAll };
  }
}
