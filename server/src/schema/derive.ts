// Deriving a schema from a reference directive (上级要求逐条落实): the items of
// the reference's main enumeration become measures, their key phrases become
// keywords. Phrases come from splitting each item's head and body on
// punctuation, on the typical verbs of directives (加强 强化 做好 落实 抓好 完善
// 健全 推进 压实 …) and on function words; noun phrases of 2–8 characters are
// kept, stop phrases dropped. The head's phrases are the measure's name and
// are always kept; body phrases are kept only when distinctive — mentioned by
// this item of the reference and no other — so a measure lands on the item
// that covers it, not on a passing mention elsewhere.
// Invariant: pure; no I/O; never throws.
import { Document, isMap, isSeq } from 'yaml';
import { analyze } from '../engine/analyze.js';
import { headEndOf, selectEnumeration } from '../engine/coverage.js';
import { normalizeTerm } from '../engine/normalize.js';
import type { AnalysisResult, Enumeration, Item, LocalizedText } from '../engine/types.js';

/** The typical verbs of directives: a clause is split before and after each (加强|核酸检测). */
export const SPLIT_VERBS = [
  '加强', '强化', '做好', '落实', '抓好', '完善', '健全', '推进', '压实', '压紧',
  '提高', '提升', '增强', '加大', '加快', '开展', '建立', '确保', '坚持', '严格', '做到', '实现',
  '注重', '推广', '采取', '推动', '促进', '守牢', '筑牢', '把好', '巩固', '绷紧', '履行',
];

/** Verbs and adverbs dropped where they open a phrase (but not split on inside one: 党政主要负责人). */
const LEADING_WORDS = [
  '加密', '规范', '深化', '统筹', '严控', '防止', '避免', '降低', '了解', '鼓励', '增加', '运用', '提供',
  '负责', '发布', '报送', '协同', '守护', '明确', '制定', '组织', '突出', '狠抓', '认真', '切实', '全面',
  '积极', '及时', '按照', '针对', '结合', '根据', '围绕', '聚焦', '着力', '扎实', '持续', '不断', '进一步',
  '始终', '继续', '坚决', '高度重视', '重视', '保障', '保持', '形成', '引导', '从严从紧', '从严从细', '不折不扣',
];

/** Function words dropped from the ends of a phrase (and split on inside it). */
const FUNCTION_CHARS = '的和与及或并对把在从为以将向由于被让使其之等了着过要是也都又再还就才更最很';
const EDGE_WORDS = ['以及', '或者', '并且', '同时', '各地', '各校', '各级', '各地各校', '全体', '进一步', '有关', '相关', '一切', '各项', '各类', '所有', '有效'];

/** Phrases too general to tell items apart. */
export const STOP_PHRASES = new Set([
  '工作', '要求', '措施', '能力', '水平', '情况', '方面', '问题', '作用', '意见', '任务', '重点', '目标', '机制', '制度',
  '有效措施', '各项工作', '工作要求', '相关工作', '有关工作', '具体措施', '工作方案', '工作机制', '责任', '落实',
  '我们', '全体', '各地', '各校', '各级', '各地各校', '各部门', '各单位', '同志', '干部', '群众', '人员',
  '领导', '组织', '部署', '会议', '通知', '文件', '精神', '第一时间', '一刻', '决策部署', '来之不易',
  '疫情防控', '防控措施', '防控工作', '疫情防控工作', '新冠肺炎', '疫情', '防控', '常态化', '全面落实',
  '从严从紧', '从严从细', '比较严峻', '十分严峻', '严峻复杂', '原则不动摇', '不动摇', '总方针不动摇', '方案要求', '防控规定', '工作制度', '各项考试', '入校',
]);

const PUNCT_SPLIT = /[\s\u3000，。；：、,.;:!?！？“”"'‘’（）()《》〈〉【】[\]{}<>—…·\-_*`#|/\\~～]+/u;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
const LONG_SPLIT = /等|时|必须|需要|应当|进行|情况下|第一|以上|以下|之间|期间|方面/u;

const len = (s: string) => [...s].length;

const OPENERS = [...EDGE_WORDS, ...SPLIT_VERBS, ...LEADING_WORDS].sort((a, b) => b.length - a.length);

function stripEdges(p: string): string {
  let s = p;
  for (let changed = true; changed && s; ) {
    changed = false;
    for (const w of OPENERS) {
      if (s.startsWith(w) && len(s) - len(w) >= 2) {
        s = s.slice(w.length);
        changed = true;
      }
    }
    while (s && FUNCTION_CHARS.includes(s[0])) {
      s = s.slice(1);
      changed = true;
    }
    while (s && FUNCTION_CHARS.includes(s[s.length - 1])) {
      s = s.slice(0, -1);
      changed = true;
    }
    for (const tail of ['工作', '问题', '方面']) {
      if (s.endsWith(tail) && len(s) - len(tail) >= 2) {
        s = s.slice(0, -tail.length);
        changed = true;
      }
    }
  }
  return s;
}

/** Splits at every occurrence of a verb that has at least two characters after it. */
function splitOnVerbs(clause: string): string[] {
  const cuts = new Set<number>();
  for (const v of SPLIT_VERBS) {
    let at = clause.indexOf(v);
    while (at >= 0) {
      if (clause.length - (at + v.length) >= 2) {
        cuts.add(at);
        cuts.add(at + v.length);
      }
      at = clause.indexOf(v, at + 1);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    if (p > last) out.push(clause.slice(last, p));
    last = Math.max(last, p);
  }
  out.push(clause.slice(last));
  // A verb piece on its own is not a phrase.
  return out.filter((s) => s && !SPLIT_VERBS.includes(s));
}

/** Candidate key phrases of a text, in order of appearance. */
export function keyPhrases(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(PUNCT_SPLIT)) {
    if (!clause) continue;
    for (const piece of splitOnVerbs(clause)) {
      for (const part of piece.split('的')) {
        if (STOP_PHRASES.has(part)) continue;
        const p = stripEdges(part);
        if (!p || !CJK.test(p)) continue;
        // A long run: split once more on words that join noun phrases (等 时 第一 …), and after 化 (常态化|核酸检测).
        const pieces = len(p) > 8 ? p.split(LONG_SPLIT).flatMap((x) => x.split(/(?<=[\u4e00-\u9fff]{2}化)/u)) : [p];
        for (const q0 of pieces) {
          const q = stripEdges(q0);
          // A verb with one character after it (坚持人) is a broken phrase, not a noun phrase.
          if (OPENERS.some((w) => q.startsWith(w) && len(q) - len(w) < 2)) continue;
          if (q && CJK.test(q) && len(q) >= 2 && len(q) <= 8) out.push(q);
        }
      }
    }
  }
  return out.filter((p) => !STOP_PHRASES.has(p) && len(p) >= 2);
}

export interface DerivedMeasure {
  id: string;
  title: string;
  marker: string;
  any: string[];
}

export interface DeriveOptions {
  /** The schema's id (default: from the title). */
  id?: string;
  title?: string;
  /** Where the reference came from, for the header comment. */
  source?: string;
  /** Keywords per measure (default 6). */
  maxKeywords?: number;
}

export interface DeriveResult {
  /** The schema as YAML, with the reference's item titles as comments; empty when nothing could be derived. */
  yaml: string;
  /** The same as plain data (validates against the JSON Schema). */
  value: Record<string, unknown> | null;
  measures: DerivedMeasure[];
  errors: LocalizedText[];
}

const ID_OK = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

function documentTitle(text: string, result: AnalysisResult): string | undefined {
  const h1 = result.headings.find((h) => h.depth === 1);
  if (h1) return h1.text;
  const first = text
    .slice(result.bodyStart)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l);
  return first && len(first) <= 40 && !/[。；;]/.test(first) ? first.replace(/^#+\s*/, '') : undefined;
}

function itemParts(text: string, item: Item): { head: string; body: string } {
  const headEnd = headEndOf(text, item);
  return { head: text.slice(item.range.end.offset, headEnd), body: text.slice(headEnd, item.scopeEnd.offset) };
}

export function deriveSchema(text: string, options: DeriveOptions = {}): DeriveResult {
  try {
    return deriveUnsafe(text, options);
  } catch (err) {
    return { yaml: '', value: null, measures: [], errors: [{ zh: `无法生成清单：${String(err)}`, en: `Could not derive a schema: ${String(err)}` }] };
  }
}

function deriveUnsafe(text: string, options: DeriveOptions): DeriveResult {
  const result = analyze(text);
  const target = selectEnumeration({ enumerations: result.enumerations, headings: result.headings }, result.announcements, {
    appliesTo: { announced: true },
  });
  if (!target) {
    return {
      yaml: '',
      value: null,
      measures: [],
      errors: [{ zh: '参考文件中没有编号结构，无法生成清单', en: 'The reference has no enumeration to derive measures from' }],
    };
  }
  const e: Enumeration = target.enumeration;
  const maxKeywords = options.maxKeywords ?? 6;
  const parts = e.items.map((it) => itemParts(text, it));
  const normTexts = parts.map((p) => normalizeTerm(p.head + p.body));
  const df = (phrase: string) => {
    const n = normalizeTerm(phrase);
    return normTexts.filter((t) => t.includes(n)).length;
  };
  const headLimit = Math.max(2, Math.floor(e.items.length / 3));

  const usedIds = new Set<string>();
  const measures: DerivedMeasure[] = e.items.map((item, k) => {
    const { head, body } = parts[k];
    const headPhrases = unique(keyPhrases(head)).filter((p) => df(p) <= headLimit);
    const counts = new Map<string, number>();
    for (const p of keyPhrases(body)) counts.set(p, (counts.get(p) ?? 0) + 1);
    const bodyPhrases = [...counts.entries()]
      .filter(([p]) => !headPhrases.includes(p) && df(p) === 1)
      .sort((a, b) => b[1] - a[1] || Math.abs(len(a[0]) - 4) - Math.abs(len(b[0]) - 4))
      .map(([p]) => p);
    const chosen: string[] = [];
    for (const p of [...headPhrases, ...bodyPhrases]) {
      if (chosen.length >= Math.max(maxKeywords, headPhrases.length)) break;
      const np = normalizeTerm(p);
      // Keep the shorter of two phrases where one contains the other: it matches more wordings.
      const k2 = chosen.findIndex((c) => normalizeTerm(c).includes(np) || np.includes(normalizeTerm(c)));
      if (k2 >= 0) {
        if (len(p) < len(chosen[k2]) && !headPhrases.includes(chosen[k2])) chosen[k2] = p;
        continue;
      }
      chosen.push(p);
    }
    if (!chosen.length) {
      // Nothing distinctive: fall back to the head's longest phrase, or the title itself.
      const fallback = unique(keyPhrases(head)).sort((a, b) => len(b) - len(a))[0] ?? item.title.slice(0, 8);
      if (fallback) chosen.push(fallback);
    }
    let id = chosen.find((c) => headPhrases.includes(c) && ID_OK.test(c) && !usedIds.has(c)) ?? `item-${k + 1}`;
    if (usedIds.has(id)) id = `item-${k + 1}`;
    usedIds.add(id);
    return { id, title: cleanTitle(item.title) || `${item.marker}`, marker: item.marker, any: chosen };
  });

  const title = options.title ?? documentTitle(text, result);
  const schemaId = options.id && ID_OK.test(options.id) ? options.id : undefined;
  const value: Record<string, unknown> = {};
  if (schemaId) value.id = schemaId;
  if (title) value.title = title;
  if (target.announcement) value['applies-to'] = { announced: true };
  value.order = 'free';
  value.measures = measures.map((m) => ({ id: m.id, title: m.title, any: m.any }));

  const doc = new Document(value);
  doc.commentBefore = [
    ` 必备措施清单：由 gongwen schema derive 从${options.source ? ` ${options.source} ` : '参考文件'}生成，请人工核对关键词。`,
    ` Required-measures schema derived by \`gongwen schema derive\`${options.source ? ` from ${options.source}` : ''}; review the keywords.`,
    ` 关键词写在 any 中：条目标题中出现一个即可覆盖；正文中只出现在一条里的短语也算数。`,
    ` Keywords go under any: one in an item's head covers the measure; a phrase in the body counts when no other item uses it.`,
  ].join('\n');
  const seq = doc.get('measures');
  if (isSeq(seq)) {
    seq.items.forEach((node, k) => {
      if (!isMap(node)) return;
      const it = e.items[k];
      node.commentBefore = ` ${it.marker}${it.title}`;
      const any = node.get('any', true);
      if (isSeq(any)) any.flow = true;
    });
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { yaml, value, measures, errors: [] };
}

const cleanTitle = (t: string) => t.replace(/…$/, '').replace(/[。；;，,]+$/, '').trim();

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
