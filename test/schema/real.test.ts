// Hand-written schemas (test/fixtures/schemas, written as a user would) against
// documents of the real corpus (test/fixtures/real): the coverage a person
// reading the document would expect, loaded through the config layer as the
// CLI and the editor load them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisResult } from 'gongwen-server';
import { createConfigResolver } from 'gongwen-server/config';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}.md`, import.meta.url));
const schemaFile = (name: string) => fileURLToPath(new URL(`../../fixtures/schemas/${name}.yaml`, import.meta.url));

async function check(doc: string, schema: string): Promise<AnalysisResult> {
  const res = await createConfigResolver({ schemaFile: schemaFile(schema) }).resolve(real(doc));
  assert.deepEqual(res.errors, []);
  return analyze(readFileSync(real(doc), 'utf8'), res.options);
}

/** `id → marker` for covered measures, `id → -` for the others. */
const where = (r: AnalysisResult) => Object.fromEntries(r.coverage!.measures.map((m) => [m.id, m.item?.marker ?? '-']));
const rules = (r: AnalysisResult) => r.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

describe('hand-written schemas on the real corpus', () => {
  describe('a generic meeting notice (meeting-notice.yaml)', () => {
    it('010: time, place, attendees and agenda each in their own section; no leave rule (optional)', async () => {
      const r = await check('010-jintan-kaixue-yiqing-huiyi', 'meeting-notice');
      assert.deepEqual(where(r), { time: '一、', place: '二、', attendees: '三、', content: '四、', leave: '-' });
      assert.equal(r.coverage!.measures.find((m) => m.id === 'leave')!.status, 'optional-missing');
      assert.deepEqual(rules(r), []);
    });

    it('011: time and place merged in 一、时间地点; the leave rule in a child item of 三、有关要求', async () => {
      const r = await check('011-cangnan-jichu-jiaoyu-dahui', 'meeting-notice');
      assert.deepEqual(where(r), { time: '一、', place: '一、', attendees: '二、', content: '-', leave: '三、' });
      const leave = r.coverage!.measures.find((m) => m.id === 'leave')!;
      assert.deepEqual(leave.evidence.map((e) => [e.term, e.zone]), [['请假', 'child-head']]);
      assert.deepEqual(rules(r), []);
    });

    it('finds the date by pattern (RE2) in the body of 一、', async () => {
      const r = await check('010-jintan-kaixue-yiqing-huiyi', 'meeting-notice');
      const time = r.coverage!.measures.find((m) => m.id === 'time')!;
      const byPattern = time.evidence.find((e) => e.kind === 'pattern')!;
      assert.equal(byPattern.zone, 'body');
      assert.deepEqual([byPattern.ranges[0].start.line + 1, byPattern.ranges[0].start.character + 1], [9, 6]);
    });
  });

  describe('extending it for a safety meeting (huidong-safety-meeting.yaml extends meeting-notice)', () => {
    it('012: the committee units and key enterprises are covered by 三、参会人员 through words only its child items use', async () => {
      const r = await check('012-huidong-anquan-shengchan-huiyi', 'huidong-safety-meeting');
      assert.deepEqual(where(r), {
        time: '一、',
        place: '一、',
        attendees: '三、',
        content: '二、',
        leave: '四、',
        'committee-units': '三、',
        enterprises: '三、',
        publicity: '四、',
      });
      const enterprises = r.coverage!.measures.find((m) => m.id === 'enterprises')!;
      assert.equal(enterprises.evidence[0].zone, 'child-head');
      // （四）部分重点企业主要负责人 — line 21 of the document.
      assert.equal(enterprises.evidence[0].ranges[0].start.line + 1, 21);
      assert.deepEqual(rules(r), []);
    });
  });

  describe('four opinions on campus safety (campus-safety-opinions.yaml, order: strict)', () => {
    it('001: the four opinions covered in order by 一要…四要; the drill measure missing, reported at 四点意见', async () => {
      const r = await check('001-yuan-xiaoyuan-anquan', 'campus-safety-opinions');
      assert.deepEqual(where(r), { awareness: '一要', system: '二要', disputes: '三要', surroundings: '四要', drills: '-' });
      assert.deepEqual(rules(r), ['missing-measure@7']);
      const f = r.findings[0];
      assert.equal(r.coverage!.announcement?.text, '四点意见');
      assert.equal(f.range.start.offset, r.coverage!.announcement!.range.start.offset);
      assert.match(f.message.zh, /缺少必备措施“应急疏散演练”（drills）/);
    });
  });

  describe('a straw-burning campaign (straw-burning.yaml)', () => {
    it('007: four measures by 一是…四是, with the reporting sub-requirement; utilization only in passing, fire-fighting absent', async () => {
      const r = await check('007-dameng-jiegan-jinshao', 'straw-burning');
      assert.deepEqual(where(r), { leadership: '一是', publicity: '二是', responsibility: '三是', inspection: '四是', utilization: '-', 'fire-fighting': '-' });
      assert.deepEqual(r.coverage!.measures.find((m) => m.id === 'inspection')!.requirements.map((q) => [q.id, q.covered]), [['reporting', true]]);
      // 秸秆还田、秸秆青贮 appear once, in the body of 二是强化宣传教育: a passing mention.
      const utilization = r.coverage!.measures.find((m) => m.id === 'utilization')!;
      assert.equal(utilization.nearest?.item.marker, '二是');
      assert.ok(utilization.score < 0.5);
      assert.deepEqual(rules(r), ['missing-measure@3', 'missing-measure@3']);
    });
  });

  describe('the priorities of a provincial work report (shaanxi-2026-priorities.yaml, applies-to heading)', () => {
    it('015: checks （一）…（九） under 三、2026年重点工作, all nine in order', async () => {
      const r = await check('015-shaanxi-zhengfu-gongzuo-baogao', 'shaanxi-2026-priorities');
      assert.equal(r.coverage!.enumeration?.id, 'E1.4');
      assert.equal(r.coverage!.enumeration?.itemCount, 9);
      assert.deepEqual(Object.values(where(r)), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）']);
      assert.deepEqual(r.findings.filter((f) => ['missing-measure', 'measure-order', 'item-count', 'duplicate-measure'].includes(f.ruleId)), []);
    });
  });
});
