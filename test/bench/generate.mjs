// A seeded generator of realistic Chinese directive drafts in Markdown, for the
// benchmark (run.mjs). The same seed gives the same bytes on every machine.
//
// Each draft: an H1 title, an opening paragraph, an announced count (十个方面,
// 以下三点要求) bound to the enumeration after it, sections `## 一、` with
// `### （一）` or paragraph items `（一）…`, items `1.…` and `（1）…`,
// paragraph enumerations 一要…二要…, inline ones 一是…；二是…, 首先/其次/最后,
// Markdown lists (ordered and bulleted), GFM tables, links, emphasis — and some
// mistakes: gaps, duplicates, mixed styles, wrong announced counts.
//
//   node test/bench/generate.mjs [--out DIR] [--quick]   writes the corpus, prints its manifest
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bump when the output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;
export const SEED = 20261130;

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals. */
export function cn(n) {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
}

/** Counts read 两 for 2 (两个方面), as drafts write them. */
const cn2 = (n) => (n === 2 ? '两' : cn(n));

const TOPICS = ['安全生产', '疫情防控', '森林防火', '防汛抗旱', '校园安全', '食品安全', '道路交通安全', '生态环境保护', '乡村振兴', '基层治理', '营商环境', '消防安全', '燃气安全', '文明城市创建', '耕地保护', '安全度汛', '冬春季火灾防控', '农村人居环境整治', '信访维稳', '节假日值班'];
const KINDS = ['通知', '实施方案', '意见', '工作方案', '通知', '会议纪要'];
const ISSUERS = ['各县（市、区）人民政府', '市直各部门', '各乡镇（街道）', '各有关单位', '各级各类学校', '各成员单位'];
const SUBJECTS = ['各地各部门', '各级党委政府', '各有关单位', '各乡镇（街道）', '各成员单位', '各级各类学校', '各责任单位', '全体干部职工'];
const VERBS = ['加强', '压实', '落实', '健全', '完善', '强化', '推进', '深化', '严格', '统筹', '建立', '持续抓好', '扎实开展', '全面做好', '切实加强'];
const OBJECTS = ['组织领导', '主体责任', '监督检查', '隐患排查', '应急处置', '宣传教育', '信息报送', '值班值守', '风险研判', '源头治理', '工作机制', '队伍建设', '督导考核', '物资储备', '联防联控', '网格化管理', '执法检查', '预警发布', '培训演练', '问题整改'];
const RESULTS = ['确保各项工作落到实处', '切实维护人民群众生命财产安全', '坚决防止重特大事故发生', '形成工作合力', '推动工作取得实效', '做到守土有责、守土尽责', '不断提升工作水平', '筑牢安全防线', '确保不发生区域性风险', '以实际行动迎接检查'];
const CLAUSES = ['要高度重视', '要把思想和行动统一到上级决策部署上来', '要坚持问题导向和目标导向', '要以更高标准、更严要求', '要认真对照职责分工', '要切实增强责任感和紧迫感', '要结合本地实际', '要进一步细化工作措施', '要在第一时间报告', '要统一思想、提高认识'];
const FILLERS = ['当前正值汛期，各类风险交织叠加，形势依然严峻复杂。', '近年来，在各级党委政府的坚强领导下，相关工作取得了明显成效。', '但也要清醒地看到，部分地方仍存在责任落实不到位、措施不够有力等问题。', '据统计，2024年全市共排查整治隐患3,215处，整改率达98.6%。', '会议由市政府副秘书长主持，市直有关部门主要负责同志参加会议。', '请各单位于每月5日前将上月工作情况报送市工作专班办公室。', '对工作不力、造成严重后果的，依法依规严肃追究有关单位和人员责任。', '联系人：张某某，联系电话：0755-12345678。'];
const HEADS = ['提高思想认识', '明确工作目标', '突出工作重点', '强化保障措施', '压实工作责任', '加强督导检查', '做好宣传引导', '严格考核问责', '完善工作机制', '加强队伍建设', '抓好隐患整改', '做好应急准备'];
const BULLETS = ['责任单位：市应急管理局、市公安局', '完成时限：2025年6月底前', '牵头单位：市住房城乡建设局', '配合单位：各县（市、区）人民政府', '工作标准：按照国家有关规定执行', '资金保障：列入年度财政预算'];
const LINKS = ['《中华人民共和国安全生产法》', '《关于进一步加强安全生产工作的意见》', '《突发事件应急预案管理办法》', '《党政机关公文处理工作条例》'];

function sentence(r) {
  const s = r.pick(SUBJECTS);
  const k = r.int(0, 19);
  if (k === 0) return `对照[${r.pick(LINKS)}](https://www.example.gov.cn/zcwj/${r.int(1000, 9999)}.html)要求，${r.pick(VERBS)}${r.pick(OBJECTS)}，${r.pick(RESULTS)}。`;
  if (k === 1) return `对照${r.pick(LINKS)}要求，${r.pick(VERBS)}${r.pick(OBJECTS)}，**${r.pick(RESULTS)}**。`;
  if (k <= 5) return `对照${r.pick(LINKS)}要求，${r.pick(VERBS)}${r.pick(OBJECTS)}，${r.pick(RESULTS)}。`;
  if (k <= 9) return `${s}${r.pick(CLAUSES)}，${r.pick(VERBS)}${r.pick(OBJECTS)}，${r.pick(VERBS)}${r.pick(OBJECTS)}，${r.pick(RESULTS)}。`;
  if (k <= 12) return `${r.pick(VERBS)}${r.pick(OBJECTS)}和${r.pick(OBJECTS)}，${r.pick(RESULTS)}。`;
  if (k <= 15) return r.pick(FILLERS);
  return `${s}${r.pick(CLAUSES)}，把${r.pick(OBJECTS)}作为当前工作的重中之重，${r.pick(VERBS)}${r.pick(OBJECTS)}。`;
}

const prose = (r, lo, hi) => Array.from({ length: r.int(lo, hi) }, () => sentence(r)).join('');
const head = (r) => `${r.pick(VERBS)}${r.pick(OBJECTS)}`;

/** Numbers of an enumeration of [count] items, with a mistake now and then. */
function numbers(r, count, mistakes) {
  const ns = Array.from({ length: count }, (_, i) => i + 1);
  if (count >= 3 && r.chance(mistakes)) {
    const k = r.int(1, count - 1);
    switch (r.int(0, 2)) {
      case 0: // gap
        for (let i = k; i < count; i++) ns[i]++;
        break;
      case 1: // duplicate
        ns[k] = ns[k - 1];
        break;
      default: // out of order
        [ns[k - 1], ns[k]] = [ns[k], ns[k - 1]];
    }
  }
  return ns;
}

/** A run-in enumeration inside one paragraph: 一是…；二是…；三是…。 */
function inlineEnumeration(r, mistakes) {
  const suffix = r.pick(['是', '是', '要']);
  const ns = numbers(r, r.int(2, 5), mistakes);
  const parts = ns.map((n) => `${cn(n)}${suffix}${r.pick(VERBS)}${r.pick(OBJECTS)}，${r.pick(RESULTS)}`);
  return `${r.pick(SUBJECTS)}要${r.pick(VERBS)}${r.pick(OBJECTS)}：${parts.join('；')}。`;
}

/** Paragraph items: 一要…, 1.…, （1）…, or a Markdown list. */
function itemBlocks(r, style, mistakes, budget) {
  const count = r.int(2, Math.max(2, Math.min(9, Math.round(budget / 350))));
  const ns = numbers(r, count, mistakes);
  const mixed = r.chance(mistakes / 2) ? r.int(1, count - 1) : -1;
  const out = [];
  ns.forEach((n, k) => {
    const body = `${head(r)}。${prose(r, 1, 4)}`;
    switch (style) {
      case 'yao':
        out.push(`${cn(n)}要${body}`);
        break;
      case 'arabic':
        out.push(`${n}${k === mixed ? '、' : '.'}${body}`);
        break;
      case 'paren':
        out.push(`${k === mixed ? `(${n})` : `（${n}）`}${body}`);
        break;
      case 'list':
        out.push(`${n}. ${body}`);
        break;
      case 'bullets':
        out.push(`- ${r.pick(BULLETS)}；${prose(r, 0, 1)}`);
        break;
    }
  });
  // Markdown lists: tight or loose.
  return style === 'list' || style === 'bullets' ? [out.join(r.chance(0.5) ? '\n' : '\n\n')] : out;
}

function table(r) {
  const rows = r.int(3, 8);
  const lines = ['| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- |'];
  for (let i = 1; i <= rows; i++) lines.push(`| ${i} | ${head(r)} | ${r.pick(BULLETS).split('：')[1]} | 2025年${r.int(1, 12)}月 |`);
  return lines.join('\n');
}

/** The body of one level-2 item (（一）…): prose and lower-level items. */
function subsection(r, budget, mistakes) {
  const blocks = [prose(r, 1, 4)];
  let used = blocks[0].length * 3;
  while (used < budget) {
    const kind = r.int(0, 9);
    let add;
    if (kind <= 2) add = itemBlocks(r, r.pick(['arabic', 'arabic', 'paren', 'list']), mistakes, budget - used);
    else if (kind <= 4) add = [inlineEnumeration(r, mistakes)];
    else if (kind === 5) add = itemBlocks(r, 'bullets', mistakes, budget - used);
    else if (kind === 6) add = [table(r)];
    else if (kind === 7) add = [`首先，${prose(r, 1, 2)}其次，${prose(r, 1, 2)}最后，${prose(r, 1, 1)}`];
    else add = [prose(r, 2, 6)];
    blocks.push(...add);
    used += add.join('').length * 3;
  }
  return blocks;
}

/**
 * One draft of about [target] bytes (UTF-8). Big drafts (≥ 200 kB) are split
 * into parts (# 第一部分 …), each with its own 一、二、… sections.
 */
export function makeDraft(r, target, mistakes = 0.15) {
  const topic = r.pick(TOPICS);
  const out = [];
  if (r.chance(0.05)) out.push(`---\ntitle: 关于做好${topic}工作的${r.pick(KINDS)}\ndate: 2025-0${r.int(1, 9)}-1${r.int(0, 9)}\n---`);
  out.push(`# 关于${r.pick(['做好', '加强', '进一步做好', '切实做好'])}${topic}工作的${r.pick(KINDS)}`);
  out.push(`${r.pick(ISSUERS)}：`);
  out.push(prose(r, 2, 5));
  const bytes = () => Buffer.byteLength(out.join('\n\n'));
  const big = target >= 200_000;
  let part = 0;
  while (bytes() < target) {
    const remaining = target - bytes();
    if (big) out.push(`# 第${cn(++part)}部分 ${topic}工作${r.pick(HEADS)}`);
    // Sections per part, sized so that small drafts still have two or more.
    const partBudget = big ? Math.min(remaining, r.int(80_000, 200_000)) : remaining;
    const sections = Math.max(2, Math.min(big ? 20 : 12, Math.round(partBudget / r.int(1500, 4000))));
    const sectionBudget = partBudget / sections;
    const ns = numbers(r, sections, mistakes);
    // The announced count (sometimes wrong) binds to the enumeration after it.
    const announced = sections + (r.chance(mistakes / 2) ? r.pick([-1, 1]) : 0);
    out.push(r.pick([`会议强调，要重点抓好${cn2(announced)}个方面工作。`, `现就有关事项提出以下${cn2(announced)}点要求：`, `${prose(r, 1, 2)}具体从${cn2(announced)}个方面抓好落实。`]));
    const paragraphItems = r.chance(0.3); // 一要… paragraphs instead of headings
    for (const n of ns) {
      if (paragraphItems) {
        out.push(`${cn(n)}要${head(r)}，${r.pick(RESULTS)}。${prose(r, 2, 6)}`);
        let used = 300;
        while (used < sectionBudget) {
          const b = r.chance(0.3) ? inlineEnumeration(r, mistakes) : prose(r, 2, 6);
          out.push(b);
          used += b.length * 3;
        }
        continue;
      }
      out.push(`${'#'.repeat(big ? 2 : 2)} ${cn(n)}、${r.pick(HEADS)}`);
      const subs = sectionBudget < 1200 ? 0 : r.int(2, Math.max(2, Math.min(8, Math.round(sectionBudget / 1200))));
      if (!subs) {
        out.push(...subsection(r, sectionBudget, mistakes));
        continue;
      }
      const asHeadings = r.chance(0.5);
      for (const m of numbers(r, subs, mistakes)) {
        const title = `${r.pick(VERBS)}${r.pick(OBJECTS)}`;
        const body = subsection(r, sectionBudget / subs, mistakes);
        if (asHeadings) out.push(`### （${cn(m)}）${title}`, ...body);
        else out.push(`（${cn(m)}）${title}。${body[0]}`, ...body.slice(1));
      }
    }
    if (!big) break;
  }
  out.push(`${r.pick(ISSUERS).replace(/^各/, '')}办公室\n\n2025年${r.int(1, 12)}月${r.int(1, 28)}日`);
  return out.join('\n\n') + '\n';
}

/** Inverse of the standard normal CDF (Acklam's approximation). */
function probit(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(p, 1 - p);
  let x;
  if (q < 0.02425) {
    const u = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0] * u + c[1]) * u + c[2]) * u + c[3]) * u + c[4]) * u + c[5]) / ((((d[0] * u + d[1]) * u + d[2]) * u + d[3]) * u + 1);
    return p < 0.5 ? x : -x;
  }
  const u = p - 0.5;
  const t = u * u;
  return ((((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * u) / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1);
}

/**
 * Target sizes: log-normal with the given median, the largest set to [largest],
 * the spread chosen so that the sizes add up to [total].
 */
export function targetSizes(files, total, median, largest) {
  const sizesFor = (sigma) => {
    const s = Array.from({ length: files }, (_, i) => Math.round(median * Math.exp(sigma * probit((i + 0.5) / files))));
    s[files - 1] = largest;
    return s;
  };
  let lo = 0.1;
  let hi = 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sizesFor(mid).reduce((a, b) => a + b, 0) < total) lo = mid;
    else hi = mid;
  }
  return sizesFor(lo);
}

/**
 * A draft close to [size] bytes: a draft ends at the first block past its
 * target, so aim lower by the overshoot and try again (deterministic per seed).
 */
export function draftOfSize(seed, size, mistakes) {
  let aim = size;
  let best = '';
  for (let k = 0; k < 6; k++) {
    const text = makeDraft(rng(seed), Math.max(400, aim), mistakes);
    const bytes = Buffer.byteLength(text);
    if (!best || Math.abs(bytes - size) < Math.abs(Buffer.byteLength(best) - size)) best = text;
    if (Math.abs(bytes - size) <= size * 0.03) break;
    aim -= bytes - size;
  }
  return best;
}

export const CORPUS = { files: 2000, totalBytes: 20_000_000, median: 7_000, largest: 160_000 };

/** Writes the corpus (cached by version and seed) and returns its manifest. */
export function ensureCorpus(dir = defaultDir()) {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (m.version === GENERATOR_VERSION && m.seed === SEED) return m;
    } catch {
      // regenerate
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const r = rng(SEED);
  const sizes = targetSizes(CORPUS.files, CORPUS.totalBytes, CORPUS.median, CORPUS.largest);
  // Shuffle, so that folders hold a mix of sizes.
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [sizes[i], sizes[j]] = [sizes[j], sizes[i]];
  }
  const corpusDir = join(dir, 'corpus');
  const files = [];
  sizes.forEach((size, i) => {
    const sub = join(corpusDir, `d${String(i % 20).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `draft-${String(i).padStart(4, '0')}.md`);
    const text = draftOfSize(SEED + 7 * i, size);
    writeFileSync(path, text);
    files.push({ path, bytes: Buffer.byteLength(text) });
  });
  const singles = {};
  for (const [name, size] of [['draft-20k', 20_000], ['draft-1m', 1_000_000], ['draft-5m', 5_000_000]]) {
    const path = join(dir, `${name}.md`);
    const text = draftOfSize(SEED + size, size, 0.1);
    writeFileSync(path, text);
    singles[name] = { path, bytes: Buffer.byteLength(text) };
  }
  // 100 drafts of about 50 kB, to hold open in the language server.
  const openDir = join(dir, 'open50k');
  mkdirSync(openDir, { recursive: true });
  const open = [];
  for (let i = 0; i < 100; i++) {
    const path = join(openDir, `draft-${String(i).padStart(3, '0')}.md`);
    const text = draftOfSize(SEED + 100_000 + i, 50_000);
    writeFileSync(path, text);
    open.push(path);
  }
  const bytes = files.map((f) => f.bytes).sort((a, b) => a - b);
  const manifest = {
    version: GENERATOR_VERSION,
    seed: SEED,
    corpusDir,
    files: files.length,
    totalBytes: bytes.reduce((a, b) => a + b, 0),
    medianBytes: bytes[Math.floor(bytes.length / 2)],
    largestBytes: bytes[bytes.length - 1],
    singles,
    open50k: open,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

export function defaultDir() {
  return join(tmpdir(), 'gongwen-bench', `v${GENERATOR_VERSION}-${SEED}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--out');
  const m = ensureCorpus(i > 0 ? process.argv[i + 1] : defaultDir());
  const { open50k, ...rest } = m;
  console.log(JSON.stringify({ ...rest, open50k: `${open50k.length} files` }, null, 2));
}
