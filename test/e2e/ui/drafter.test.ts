// UI suite: the packaged .vsix installed into a fresh extensions folder of real VS Code
// (code-server in chromium), used as a drafter uses it. Screenshots of every step land
// in test/e2e/.artifacts/<run>/screenshots/<session>/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useSession } from '../driver/session';
import { waitFor } from '../driver/wait';
import { serverPids } from '../driver/processes';
import type { Workbench } from '../driver/workbench';

const HAN = /[\u4e00-\u9fff]/;
/** copies of examples/ in the fixture workspace, with .gongwenrc.yaml and schemas/campus-epidemic.yaml */
const DRAFT = 'campus-epidemic-draft-with-errors.md';

describe('a drafter in VS Code, Chinese (gongwen.locale = zh-CN)', function () {
  this.timeout(120_000);
  const session = useSession({ name: 'ui-zh', file: 'faulty.md', settings: { 'gongwen.locale': 'zh-CN' } });

  it('sees squiggles on the faulty draft', async () => {
    const { wb } = session();
    await wb.waitForSquiggle('error');
    await wb.waitForSquiggle('warning');
    await wb.shot('squiggles');
  });

  it('reads rule codes and Chinese messages in the Problems view', async () => {
    const { wb } = session();
    const problems = await wb.waitForProblems((p) => p.filter((x) => x.source === 'gongwen').length >= 3);
    const ours = problems.filter((p) => p.source === 'gongwen')
      .sort((a, b) => a.line - b.line || a.column - b.column) // the view sorts by severity first
      .map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);
    assert.deepEqual(ours, ['6:39 Error announced-count', '8:1 Warning mixed-style', '9:1 Error sequence-gap']);
    const gap = problems.find((p) => p.code === 'sequence-gap')!;
    assert.match(gap.message, /缺少/);
    assert.ok(problems.filter((p) => p.source === 'gongwen').every((p) => HAN.test(p.message)));
    await wb.shot('problems');
  });

  it('reads the items in order in the Outline', async () => {
    const { wb } = session();
    const rows = await wb.waitForOutline((r) => r.length >= 9);
    const markers = rows.map((r) => r.label.slice(0, 2));
    assert.deepEqual(markers, ['一要', '二是', '四要', '五要', '六要', '七要', '八要', '九要', '十要']);
    await wb.shot('outline');
  });

  it('hovers a marker and sees its place in the enumeration', async () => {
    const { wb } = session();
    const text = await wb.hover(8, '二是', /第 2 项/);
    assert.match(text, /第 2 项 \/ 共 9 项/);
    assert.match(text, /mixed-style/, 'the hover also shows the finding on the marker');
    await wb.shot('hover');
    await wb.page.keyboard.press('Escape');
  });

  it('renumbers from the light bulb and the file reads back renumbered', async () => {
    const { wb, workspace } = session();
    const offered = await wb.applyQuickFix(9, 1, /重新编号/);
    assert.ok(offered.some((l) => /停用规则 sequence-gap/.test(l)), JSON.stringify(offered));
    await wb.save();
    const lines = fs.readFileSync(path.join(workspace, 'faulty.md'), 'utf8').split('\n');
    assert.deepEqual(lines.slice(8, 15).map((l) => l.slice(0, 2)), ['三要', '四要', '五要', '六要', '七要', '八要', '九要']);
    await wb.waitForProblems((p) => !p.some((x) => x.code === 'sequence-gap'));
    await wb.shot('renumbered');
  });

  it('nests the Outline of a notice under its headings', async () => {
    const { wb } = session();
    await wb.openFile('notice.md');
    const rows = await wb.waitForOutline((r) => r.some((x) => x.label.startsWith('（一） 区政府分管副区长')));
    const level = (prefix: string) => {
      const row = rows.find((r) => r.label.startsWith(prefix));
      assert.ok(row, `${prefix} in ${JSON.stringify(rows.map((r) => `${r.level} ${r.label}`))}`);
      return row.level;
    };
    assert.ok(level('（一） 区政府分管副区长') > level('二、参会人员'));
    await wb.shot('outline-notice');
  });

  it('shows the client\'s own strings in Chinese (l10n bundle)', async () => {
    const { wb } = session();
    const page = wb.page;
    await wb.runCommand('gongwen.chooseSchema', /Gongwen|公文/);
    const placeholder = page.locator('.quick-input-widget input.input');
    const text = await waitFor('schema picker', async () => {
      const p = await placeholder.getAttribute('placeholder').catch(() => null);
      // the palette's own placeholder first, then the command's quick pick
      return p && !/command to run/.test(p) ? p : undefined;
    }, { timeout: 15_000 });
    await wb.shot('choose-schema');
    await page.keyboard.press('Escape');
    assert.equal(text, '为本文档选择措施清单');
  });

  // campus-epidemic-draft-with-errors.md is checked against schemas/campus-epidemic.yaml
  // (.gongwenrc.yaml); it lacks 三要 加强核酸检测: nine of ten required measures.
  it('sees the coverage in the status bar, and the code lens above the enumeration', async () => {
    const { wb } = session();
    await wb.openFile(DRAFT);
    const item = await wb.waitForStatus((i) => /公文 9\/10/.test(i.text), '公文 9/10');
    await wb.waitForCodeLens(/^9 项 · 覆盖 9\/10 项必需措施$/);
    await wb.waitForProblems((p) => p.some((x) => x.code === 'missing-measure' && /加强核酸检测/.test(x.message)));
    await wb.waitForOutline((r) => r.some((x) => x.label.startsWith('十要')));
    await wb.gotoLine(13); // 一要, under the code lens, in view
    await wb.clearHovers();
    await wb.shot('coverage-status-bar');
    // for the README (docs/images/): the editor with the Problems view, and the Outline,
    // in a smaller window (smaller pictures)
    await wb.withViewport({ width: 1180, height: 760 }, async () => {
      await wb.gotoLine(13);
      await wb.clearHovers();
      await wb.shot('docs-editor-problems', await wb.boxOf('.part.editor', '.part.panel'));
      await wb.setPaneExpanded(/workspace/i, false); // the Outline takes the side bar
      await wb.waitForOutline((r) => r.some((x) => x.label.startsWith('十要')));
      await wb.clearHovers();
      await wb.shot('docs-outline', await wb.boxOf('.part.sidebar'));
      await wb.setPaneExpanded(/workspace/i, true);
    });
    const tooltip = await wb.statusTooltip(item, /必需措施/);
    assert.match(tooltip, /必需措施已覆盖 9\/10 项（清单：校园疫情防控工作部署）/);
    // hidden where no schema applies
    await wb.openFile('faulty.md');
    await waitFor('no coverage in the status bar for faulty.md', async () =>
      !(await wb.statusItems()).some((i) => /公文 \d+\/\d+/.test(i.text)), { timeout: 30_000 });
  });

  it('runs "show coverage report" and sees the table', async () => {
    const { wb } = session();
    await wb.openFile(DRAFT);
    await wb.waitForStatus((i) => /公文 9\/10/.test(i.text), '公文 9/10');
    await wb.runCommand('gongwen.showCoverage', /coverage report|覆盖报告/i);
    const rows = await wb.waitForWebviewTable((r) => r.some((c) => /加强核酸检测/.test(c[0] ?? '')));
    assert.match(rows[0].join(' | '), /措施 Measure \| 状态 Status \| 条目 Item/);
    const row = (title: string) => rows.find((c) => c[0]?.startsWith(title)) ?? [];
    assert.match(row('加强核酸检测')[1] ?? '', /缺失/, JSON.stringify(rows));
    assert.match(row('加强形势研判')[1] ?? '', /已覆盖/);
    assert.match(row('加强形势研判')[2] ?? '', /^一要/);
    assert.equal(rows.length, 12, 'a header and eleven measures');
    assert.match(await wb.webviewText(/必备措施覆盖/), /1 项必备缺失/);
    await wb.shot('coverage-report');
    await wb.shot('docs-coverage-report', await wb.boxOf('.part.editor'));
    await wb.closeTabs(/^Preview /);
  });

  it('opens the same report by clicking the code lens', async () => {
    const { wb } = session();
    await wb.openFile(DRAFT);
    await wb.gotoLine(13); // the code lens stands above 一要: bring it on screen
    await wb.clickCodeLens(/覆盖 9\/10 项必需措施/);
    await wb.waitForWebviewTable((r) => r.some((c) => /加强核酸检测/.test(c[0] ?? '') && /缺失/.test(c[1] ?? '')));
    await wb.shot('coverage-report-from-lens');
    await wb.closeTabs(/^Preview /);
  });

  // Last in this session: these kill the real language server (SIGKILL, as a crash).
  const RESTARTED = /公文语言服务器意外停止，已重新启动/;
  const GAVE_UP = /公文语言服务器反复停止，已不再重新启动/;
  const ours = async (wb: Workbench, pattern: RegExp) => (await wb.notifications()).filter((t) => pattern.test(t));
  /** Kill the running server; resolve with the next server's pid, or null once none is started. */
  const crash = async (extensionsDir: string, gaveUp: () => Promise<boolean>): Promise<number | null> => {
    const [pid] = await waitFor('one running language server', () => {
      const p = serverPids(extensionsDir);
      return p.length === 1 && p;
    }, { timeout: 30_000 }, () => JSON.stringify(serverPids(extensionsDir)));
    process.kill(pid, 'SIGKILL');
    return waitFor('a restarted server, or the notice that it was not restarted', async () => {
      const next = serverPids(extensionsDir).find((p) => p !== pid);
      if (next) return { next };
      return (await gaveUp()) && { next: null };
    }, { timeout: 30_000 }).then((r) => r.next);
  };
  /** A hover from the server that runs now (retried while a restarted server starts). */
  const hoverServed = async (wb: Workbench) => {
    await waitFor('a hover answered by the language server', () => wb.hover(8, '二是', /第 2 项/).catch(() => undefined), { timeout: 60_000 });
    await wb.page.keyboard.press('Escape');
  };

  it('keeps working when the language server crashes, and says so once', async () => {
    const { wb, extensionsDir } = session();
    await wb.openFile('faulty.md');
    await hoverServed(wb);
    await wb.clearNotifications();
    const first = await crash(extensionsDir, async () => false);
    assert.ok(first, 'restarted after the first crash');
    await waitFor('the restart notice', async () => (await ours(wb, RESTARTED)).length > 0, { timeout: 30_000 });
    await wb.shot('server-restarted');
    await hoverServed(wb); // the new server answers the editor
    const history = (await wb.notificationHistory()).filter((t) => /公文语言服务器/.test(t));
    assert.equal(history.length, 1, JSON.stringify(history));
    assert.match(history[0], RESTARTED);
    // A second crash, the notice dismissed: restarted again, and no new notice.
    await wb.clearNotifications();
    assert.ok(await crash(extensionsDir, async () => false), 'restarted after the second crash');
    await hoverServed(wb);
    await waitFor('problems from the restarted server', () => wb.waitForProblems((p) => p.some((x) => x.source === 'gongwen')), { timeout: 30_000 });
    assert.deepEqual((await wb.notificationHistory()).filter((t) => /公文语言服务器/.test(t)), []);
  });

  it('stops restarting a server that keeps crashing, and says so once', async () => {
    const { wb, extensionsDir } = session();
    const gaveUp = async () => (await ours(wb, GAVE_UP)).length > 0;
    let crashes = 0;
    // each server is killed only once it serves the editor, i.e. after it has started
    while ((await crash(extensionsDir, gaveUp)) !== null) {
      crashes++;
      await hoverServed(wb);
      assert.ok(crashes < 10, 'still restarting after 10 crashes in a row');
    }
    // four crashes within three minutes are restarted (two in the test before), the fifth is not
    assert.equal(crashes, 2);
    await wb.shot('server-not-restarted');
    const history = (await wb.notificationHistory()).filter((t) => /公文语言服务器/.test(t));
    assert.equal(history.length, 1, JSON.stringify(history));
    assert.match(history[0], GAVE_UP);
    assert.deepEqual(serverPids(extensionsDir), []);
  });
});

describe('a drafter in VS Code, English (gongwen.locale = en)', function () {
  this.timeout(120_000);
  const session = useSession({ name: 'ui-en', file: 'faulty.md', settings: { 'gongwen.locale': 'en' } });

  it('reads English messages in the Problems view', async () => {
    const { wb } = session();
    const problems = await wb.waitForProblems((p) => p.filter((x) => x.source === 'gongwen').length >= 3);
    const gap = problems.find((p) => p.code === 'sequence-gap');
    assert.ok(gap, JSON.stringify(problems));
    assert.match(gap.message, /gap|missing/i);
    await wb.shot('problems-en');
  });

  it('hovers a marker in English', async () => {
    const { wb } = session();
    const text = await wb.hover(8, '二是', /item 2 of 9/);
    assert.match(text, /item 2 of 9/);
    await wb.shot('hover-en');
  });

  it('sees the coverage in the status bar in English', async () => {
    const { wb } = session();
    await wb.openFile(DRAFT);
    const item = await wb.waitForStatus((i) => /Gongwen 9\/10/.test(i.text), 'Gongwen 9/10');
    await wb.waitForCodeLens(/^9 items · 9\/10 required measures covered$/);
    const tooltip = await wb.statusTooltip(item, /required measures/);
    assert.match(tooltip, /9 of 10 required measures covered/);
    await wb.shot('coverage-en');
  });
});
