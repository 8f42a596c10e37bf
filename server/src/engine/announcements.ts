// Announced counts: 重点抓好十个方面工作, 提出以下三点要求, “五个到位”, 四项措施.
// An announcement binds to the enumeration that starts right after it (same
// line or the next non-blank line); a count in the H1 title binds to the first
// top-level enumeration.
// Invariant: pure; no I/O; never throws.
import type { Announcement, Enumeration, Item } from './types.js';
import type { BlockDocument, ParsedDocument } from './parse.js';
import { CHINESE_NUMERAL_CHARS, parseArabicNumeral, parseChineseNumeral } from './numerals.js';

const NUM = `[${CHINESE_NUMERAL_CHARS}]{1,4}|[0-9０-９]{1,2}|几|若干`;
const NOUN =
  '方面|要求|意见|建议|措施|举措|任务|重点|原则|环节|目标|明确|到位|必须|坚持|严禁|不准|禁止|确保|一律|强化|提升|注重|做到|机制|工程|行动|抓手|问题|保障|内容|事项|规定|做法|体会|经验|方面工作';

// Order matters: the longest, most specific forms first.
const PATTERNS: RegExp[] = [
  // “五个到位” “四强” — a quoted count phrase.
  // (A classifier, or one character: “五个到位”, “四强”; not “四方责任”, a name.)
  new RegExp(`[“"‘](?<num>${NUM})(?:(?:个|项|大|点)[\\u4e00-\\u9fff]{1,4}|[\\u4e00-\\u9fff])[”"’]`, 'gu'),
  // 以下三点 如下几个方面
  new RegExp(`(?:以下|如下|下列|下述)(?<num>${NUM})(?:个|项|点|条|大|类|方面)(?:${NOUN})?(?:工作)?`, 'gu'),
  // 十个方面工作 6个方面 三个方面
  new RegExp(`(?<num>${NUM})(?:个|大)?方面(?:工作|要求|内容|问题|措施|任务)?`, 'gu'),
  // 四点意见 三项措施 三个明确
  new RegExp(`(?<num>${NUM})(?:个|项|点|条)(?:${NOUN})`, 'gu'),
];

/**
 * What every pattern needs: a quote, or a count's last character right before its
 * classifier or 方面. Spans without it (nearly all prose) skip the four patterns.
 */
const MAY_MATCH = new RegExp(`[“"‘]|[${CHINESE_NUMERAL_CHARS}0-9０-９几干][个项大点方条类]`);

function parseCount(s: string): number | null {
  if (s === '几' || s === '若干') return null;
  return parseChineseNumeral(s) ?? parseArabicNumeral(s);
}

/** Hits are few per span; only the hits of the current block can overlap. */
function overlapsHit(hits: AnnouncementHit[], start: number, end: number): boolean {
  for (let i = hits.length - 1; i >= 0 && hits[i].blockEnd > start; i--) if (hits[i].start < end && start < hits[i].end) return true;
  return false;
}

export interface AnnouncementHit {
  blockEnd: number;
  start: number;
  end: number;
  text: string;
  count: number | null;
  numStart: number;
  numEnd: number;
  inTitle: boolean;
}

/** Count phrases in the text spans of a document's (or a chunk's) blocks. */
export function findAnnouncementHits(doc: BlockDocument): AnnouncementHit[] {
  const { text } = doc;
  const hits: AnnouncementHit[] = [];
  for (const block of doc.blocks) {
    const inTitle = block.kind === 'heading' && block.depth === 1;
    for (const [s, e] of block.textSpans) {
      const span = text.slice(s, e);
      if (!MAY_MATCH.test(span)) continue;
      for (const re of PATTERNS) {
        re.lastIndex = 0;
        for (const m of span.matchAll(re)) {
          const start = s + m.index;
          const end = start + m[0].length;
          if (overlapsHit(hits, start, end)) continue;
          const num = m.groups!.num;
          // “三严三实” is a slogan, not a count: no second numeral inside the quotes.
          if (/^[“"‘]/.test(m[0]) && [...m[0].slice(1 + num.length)].some((ch) => CHINESE_NUMERAL_CHARS.includes(ch))) continue;
          const count = parseCount(num);
          // Before the numeral: not part of a longer number or an ordinal (第三个方面).
          const prev = text[start - 1] ?? '';
          if (prev === '第' || (/[0-9０-９]/.test(prev) && !/[“"‘]/.test(m[0][0]))) continue;
          if (count !== null && (count < 1 || count > 99)) continue;
          const numStart = start + m[0].indexOf(num);
          hits.push({ blockEnd: block.end, start, end, text: m[0], count, numStart, numEnd: numStart + num.length, inTitle });
        }
      }
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

/** A cheap test on raw text: false means no count phrase can be found in it. */
export function mayHoldAnnouncements(text: string): boolean {
  if (!MAY_MATCH.test(text)) return false;
  return PATTERNS.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

/** The innermost item whose extent holds [offset]. */
function innermostItemAt(all: Enumeration[], offset: number): Item | undefined {
  let best: Item | undefined;
  for (const e of all) {
    if (e.range.start.offset > offset || e.range.end.offset < offset) continue;
    for (const item of e.items) {
      if (item.range.start.offset < offset && offset < item.scopeEnd.offset && (!best || item.range.start.offset > best.range.start.offset)) best = item;
    }
  }
  return best;
}

function descendsFrom(e: Enumeration, item: Item): boolean {
  for (let p = e.parent; p; p = p.enumeration.parent) if (p.enumeration.items[p.index] === item) return true;
  return false;
}

export function findAnnouncements(doc: ParsedDocument, topLevel: Enumeration[], all: Enumeration[]): Announcement[] {
  const { text, lines } = doc;
  const hits = doc.announcementHits;

  const byStart = [...all].sort((a, b) => a.items[0].range.start.offset - b.items[0].range.start.offset);
  const used = new Set<Enumeration>();
  const result: Announcement[] = [];
  for (const h of hits) {
    let target: Enumeration | null = null;
    if (h.inTitle) {
      target = topLevel[0] ?? null;
    } else {
      const hLine = lines.lineOf(h.end);
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byStart[mid].items[0].range.start.offset < h.end) lo = mid + 1;
        else hi = mid;
      }
      const next = byStart[lo];
      if (next && !used.has(next)) {
        const fl = next.items[0].range.start.line;
        let l = hLine + 1;
        while (l < fl && text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() === '') l++;
        // Nothing but blank lines between the announcement and the first item, and no
        // other marker in between on the announcement's line.
        // On the same line, only clause-final punctuation (or 如下) may separate them: 四点意见：一要…
        const between = text.slice(h.end, next.items[0].range.start.offset);
        if ((fl === hLine && /^(?:工作|如下|要求|意见)?[：:。，,；;]?\s*$/.test(between)) || (fl !== hLine && l === fl && next.items[0].atLineStart)) target = next;
        // A phrase inside an item announces that item's own sub-items, nothing outside it.
        const holder = innermostItemAt(all, h.start);
        if (target && holder && !descendsFrom(target, holder)) target = null;
      }
    }
    if (target) used.add(target);
    const matches = target && h.count !== null ? h.count === target.items.length : null;
    // Unbound phrases that are not clearly announcements are noise: keep only the clear ones.
    if (!target && !/方面|点|以下|如下|下列|下述|项措施/.test(h.text)) continue;
    result.push({
      text: h.text,
      count: h.count,
      range: lines.range(h.start, h.end),
      target,
      matches,
      numeralRange: h.count === null ? null : lines.range(h.numStart, h.numEnd),
    });
  }
  return result;
}
