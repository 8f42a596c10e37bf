// UI suite: the packaged .vsix installed into a fresh extensions folder of real VS Code
// (code-server in chromium), used as a drafter uses it. Screenshots of every step land
// in test/e2e/.artifacts/<run>/screenshots/<session>/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useSession } from '../driver/session';
import { waitFor } from '../driver/wait';

const HAN = /[\u4e00-\u9fff]/;

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

  it('sees the coverage in the status bar');
  it('runs "show coverage report" and sees the table');
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
});
