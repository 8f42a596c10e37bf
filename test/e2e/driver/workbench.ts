// The VS Code web workbench as a drafter sees it: editor, Problems, Outline, hovers,
// the light bulb, the status bar. Selectors and command ids are those that proved
// robust in VS Code 1.100 (code-server 4.100.3); commands are run by id, so the
// helpers do not depend on the display language.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { ensureDir } from './env';
import { waitFor } from './wait';

export interface Row {
  index: number;
  level: number;
  label: string;
  text: string;
}

export interface Problem {
  severity: 'Error' | 'Warning' | 'Info' | 'Hint' | string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
  label: string;
  text: string;
}

export interface StatusItem {
  id: string;
  text: string;
  label: string;
}

const PROBLEMS = '.markers-panel';
const OUTLINE = '.outline-pane';
const EDITOR = '.editor-group-container.active .monaco-editor';
const PALETTE = '.quick-input-widget';

/** Commands used by the helpers: [id, pattern the palette row's label must match]. */
const CMD = {
  focusProblems: ['workbench.panel.markers.view.focus', /Problems/],
  focusOutline: ['outline.focus', /Outline/],
  save: ['workbench.action.files.save', /Save/],
  closeAll: ['workbench.action.closeAllEditors', /Close All/],
  closeEditor: ['workbench.action.closeActiveEditor', /Close Editor/],
  focusEditor: ['workbench.action.focusActiveEditorGroup', /Focus/],
  quickFix: ['editor.action.quickFix', /Quick Fix/],
  clearNotifications: ['notifications.clearAll', /Clear All Notifications/],
  showNotifications: ['notifications.showList', /Show Notifications/],
  hideNotifications: ['notifications.hideList', /Hide Notifications/],
} as const;

function rowsIn(page: Page, container: string): Promise<Row[]> {
  return page.$$eval(`${container} .monaco-list-row`, (els) => els
    .map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: Number(e.getAttribute('aria-level') || 1),
      label: e.getAttribute('aria-label') || '',
      text: (e as HTMLElement).innerText.replace(/\s*\n\s*/g, ' | ').trim(),
    }))
    .sort((a, b) => a.index - b.index));
}

/** "MESSAGE | source | code | [Ln 5, Col 1]" + aria-label "Error: MESSAGE at line 5 …" → Problem */
export function parseProblem(row: Row): Problem | undefined {
  const sev = /^(Error|Warning|Info|Hint)\b/.exec(row.label);
  if (!sev) return undefined;
  const pos = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
  const parts = row.text.replace(/\s*\|?\s*\[Ln \d+, Col \d+\]\s*$/, '').split(' | ');
  // innerText: message, then source, then code (code may be absent)
  const [message = '', source = '', code = ''] = parts;
  return {
    severity: sev[1], message, source, code,
    line: pos ? Number(pos[1]) : 0, column: pos ? Number(pos[2]) : 0,
    label: row.label, text: row.text,
  };
}

export class Workbench {
  private step = 0;
  readonly screenshots: string[] = [];

  constructor(readonly page: Page, readonly server: CodeServer, readonly shotsDir: string) {
    ensureDir(shotsDir);
  }

  /** Workbench URL: ?folder=… and VS Code's own `payload` list of [key, value] pairs. */
  url(folder?: string, payload: [string, string][] = []): string {
    const q: string[] = [];
    if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
    if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `${this.server.url}/${q.length ? `?${q.join('&')}` : ''}`;
  }

  /** Load the workbench on FOLDER and, when given, open FILE (absolute path) in the editor. */
  async open(folder: string, file?: string, { timeout = 60_000 } = {}): Promise<void> {
    const payload: [string, string][] = file ? [['openFile', this.server.remoteUri(file)]] : [];
    await this.page.goto(this.url(folder, payload));
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    if (file) await this.waitForEditor(path.basename(file), timeout);
  }

  async waitForEditor(fileName: string, timeout = 30_000): Promise<void> {
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ timeout });
    await this.page.locator(`${EDITOR} .view-lines`).waitFor({ timeout });
  }

  /** Open another file of the workspace through Quick Open (Ctrl+P). */
  async openFile(fileName: string): Promise<void> {
    const input = this.page.locator(`${PALETTE} input.input`);
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(fileName); // without the '>' prefix F1's box is Quick Open
    await waitFor(`quick open row for ${fileName}`, async () => {
      const label = await this.focusedPaletteLabel();
      return label !== null && label.includes(fileName);
    }, { timeout: 15_000, interval: 100 });
    await this.page.keyboard.press('Enter');
    await this.page.locator(PALETTE).waitFor({ state: 'hidden', timeout: 10_000 });
    await this.waitForEditor(fileName);
  }

  private focusedPaletteLabel(): Promise<string | null> {
    return this.page.locator(`${PALETTE} .monaco-list-row.focused`).first()
      .getAttribute('aria-label', { timeout: 250 }).catch(() => null);
  }

  /**
   * Run a command from the palette (F1) by its id; the focused row must match EXPECT
   * (a label pattern) before Enter is pressed, so a half-filtered list never runs the
   * wrong command.
   */
  async runCommand(id: string, expect: RegExp, { timeout = 15_000 } = {}): Promise<void> {
    const input = this.page.locator(`${PALETTE} input.input`);
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${id}`);
    await waitFor(`palette row ${expect} for ${id}`, async () => {
      const label = await this.focusedPaletteLabel();
      return label !== null && expect.test(label);
    }, { timeout, interval: 100 }, () => `${id}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(PALETTE).waitFor({ state: 'hidden', timeout });
  }

  private cmd(c: readonly [string, RegExp]): Promise<void> {
    return this.runCommand(c[0], c[1]);
  }

  /** Move the cursor of the active editor to LINE[:COLUMN] (1-based) via ":" in quick open. */
  async gotoLine(line: number, column?: number): Promise<void> {
    const input = this.page.locator(`${PALETTE} input.input`);
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}${column ? `:${column}` : ''}`);
    await waitFor(`go to line ${line}`, async () => {
      const label = await this.focusedPaletteLabel();
      return label !== null && label.includes(String(line));
    }, { timeout: 10_000, interval: 100 });
    await this.page.keyboard.press('Enter');
    await this.page.locator(PALETTE).waitFor({ state: 'hidden', timeout: 10_000 });
    const want = `Ln ${line}, Col ${column ?? 1}`;
    await waitFor(`cursor at ${want}`, async () => (await this.cursor()) === want, { timeout: 10_000, interval: 100 });
  }

  /** "Ln 6, Col 1" from the status bar. */
  async cursor(): Promise<string> {
    return (await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '')).trim();
  }

  // ---- squiggles -------------------------------------------------------------

  async squiggleCount(kind: 'error' | 'warning' | 'info' | 'hint' = 'error'): Promise<number> {
    return this.page.locator(`${EDITOR} .squiggly-${kind}`).count();
  }

  async waitForSquiggle(kind: 'error' | 'warning' | 'info' = 'error', timeout = 60_000): Promise<void> {
    await this.page.locator(`${EDITOR} .squiggly-${kind}`).first().waitFor({ timeout });
  }

  // ---- Problems ----------------------------------------------------------------

  /** All rows of the Problems view (file rows and marker rows), focusing it first. */
  async problemRows(): Promise<Row[]> {
    await this.cmd(CMD.focusProblems);
    await this.page.locator(PROBLEMS).waitFor({ state: 'visible' });
    return this.readTree(PROBLEMS);
  }

  /** Poll the Problems view until PREDICATE holds for its marker rows. */
  async waitForProblems(predicate: (p: Problem[]) => boolean, { timeout = 60_000 } = {}): Promise<Problem[]> {
    await this.cmd(CMD.focusProblems);
    await this.page.locator(PROBLEMS).waitFor({ state: 'visible' });
    let last: Problem[] = [];
    return waitFor('problems', async () => {
      const visible = (await rowsIn(this.page, PROBLEMS)).map(parseProblem).filter((p): p is Problem => !!p);
      last = visible;
      if (!predicate(visible)) return undefined;
      // the list is virtualized: walk it by keyboard to read rows below the fold too
      const all = (await this.readTree(PROBLEMS)).map(parseProblem).filter((p): p is Problem => !!p);
      last = all;
      return predicate(all) ? all : undefined;
    }, { timeout, interval: 300 }, () => JSON.stringify(last.map((p) => p.text)));
  }

  // ---- Outline -------------------------------------------------------------------

  /** Poll the Outline view until PREDICATE holds for its rows (all rows, read by keyboard). */
  async waitForOutline(predicate: (rows: Row[]) => boolean, { timeout = 60_000 } = {}): Promise<Row[]> {
    await this.cmd(CMD.focusOutline);
    await this.page.locator(OUTLINE).waitFor({ state: 'visible' });
    let last: Row[] = [];
    return waitFor('outline rows', async () => {
      last = await rowsIn(this.page, OUTLINE);
      if (last.length === 0) return undefined;
      last = await this.readTree(OUTLINE);
      return predicate(last) ? last : undefined;
    }, { timeout, interval: 300 }, () => JSON.stringify(last.map((r) => `${r.level}:${r.label}`)));
  }

  /**
   * Read every row of a virtualized tree or list (rows outside the viewport are not
   * in the DOM): scroll it from the top with the mouse wheel, collecting rows by
   * their index, until scrolling brings no new row. No clicks, no focus changes.
   */
  async readTree(container: string, maxPages = 60): Promise<Row[]> {
    const list = this.page.locator(`${container} .monaco-list`).first();
    if (!(await list.count())) return [];
    const box = await list.boundingBox();
    if (!box || box.height < 5) return [];
    const seen = new Map<number, Row>();
    const collect = async () => {
      const rows = await rowsIn(this.page, container);
      for (const r of rows) seen.set(r.index, r);
      return rows;
    };
    const maxIndex = (rows: Row[]) => rows.reduce((m, r) => Math.max(m, r.index), -1);
    await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
    await this.page.mouse.wheel(0, -1e6);
    await waitFor(`${container} scrolled to the top`, async () => {
      const rows = await rowsIn(this.page, container);
      return rows.length === 0 || rows.some((r) => r.index === 0);
    }, { timeout: 5000, interval: 50 });
    let rows = await collect();
    for (let i = 0; i < maxPages && rows.length; i++) {
      const before = maxIndex(rows);
      await this.page.mouse.wheel(0, Math.max(40, box.height * 0.7));
      const moved = await waitFor('more rows', async () => {
        const now = await collect();
        return maxIndex(now) > before ? now : undefined;
      }, { timeout: 600, interval: 50 }).catch(() => undefined);
      if (!moved) break;
      rows = moved;
    }
    await this.page.mouse.wheel(0, -1e6);
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  // ---- hover ---------------------------------------------------------------------

  /** Screen point of TEXT on LINE of the active editor (the line is revealed first). */
  async pointOf(line: number, text: string): Promise<{ x: number; y: number }> {
    await this.gotoLine(line);
    return waitFor(`"${text}" on screen`, () => this.page.$$eval(`${EDITOR} .view-line`, (els, t) => {
      for (const el of els) {
        const full = el.textContent ?? '';
        const at = full.indexOf(t);
        if (at < 0) continue;
        // find the text node and offset holding character AT
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (seen + len > at) {
            const range = document.createRange();
            range.setStart(n, at - seen);
            range.setEnd(n, Math.min(len, at - seen + 1));
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          seen += len;
        }
      }
      return null;
    }, text), { timeout: 10_000 });
  }

  /** Hover the mouse over TEXT on LINE and return the hover widget's text. */
  async hover(line: number, text: string, expect?: RegExp): Promise<string> {
    await this.page.mouse.move(5, 5); // close a hover left open
    const p = await this.pointOf(line, text);
    // move in two steps: monaco shows a hover on mouse movement over the word
    await this.page.mouse.move(p.x - 3, p.y);
    await this.page.mouse.move(p.x, p.y);
    const hover = this.page.locator(`${EDITOR} .monaco-hover:not(.hidden)`).first();
    return waitFor('hover text', async () => {
      if (!(await hover.isVisible())) return undefined;
      const t = await hover.innerText();
      return (!expect || expect.test(t)) ? t : undefined;
    }, { timeout: 15_000, interval: 150 });
  }

  // ---- quick fix -----------------------------------------------------------------

  /**
   * Put the cursor at LINE:COLUMN, click the light bulb, pick the action whose
   * label matches TITLE. Returns the labels offered.
   */
  async applyQuickFix(line: number, column: number, title: RegExp): Promise<string[]> {
    await this.gotoLine(line, column);
    // VS Code 1.100 shows the bulb either in the glyph margin (a decoration, when the
    // line's text starts at the cursor's column) or as a content widget beside the text.
    const bulbs = this.page.locator(
      `${EDITOR} .lightBulbWidget:visible, ${EDITOR} .glyph-margin-widgets [class*="codicon-gutter-lightbulb"]`);
    const lineNumber = this.page.locator(`${EDITOR} .margin-view-overlays .line-numbers`, { hasText: new RegExp(`^${line}$`) });
    // the bulb must stand on LINE: one left from the previous cursor line may still be shown
    const bulb = await waitFor(`light bulb on line ${line}`, async () => {
      const lb = await lineNumber.first().boundingBox();
      if (!lb) return undefined;
      for (let i = 0; i < await bulbs.count(); i++) {
        const b = await bulbs.nth(i).boundingBox();
        if (b && b.y + b.height / 2 >= lb.y && b.y + b.height / 2 <= lb.y + lb.height) return bulbs.nth(i);
      }
      return undefined;
    }, { timeout: 30_000, interval: 100 });
    await bulb.click();
    const menu = this.page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const rows = menu.locator('.monaco-list-row.action');
    await rows.first().waitFor({ timeout: 10_000 });
    const labels = await rows.evaluateAll((els) => els.map((e) =>
      (e.getAttribute('aria-label') || (e as HTMLElement).innerText || '').trim()));
    if (!labels.some((l) => title.test(l))) {
      await this.page.keyboard.press('Escape');
      throw new Error(`no quick fix matching ${title}; offered: ${JSON.stringify(labels)}`);
    }
    // choose by keyboard: a pointer block lies over the menu right after it opens
    const focusedLabel = () => menu.locator('.monaco-list-row.action.focused').first()
      .getAttribute('aria-label', { timeout: 250 }).catch(() => null);
    for (let i = 0; i <= labels.length; i++) {
      const label = await waitFor('a focused quick fix', focusedLabel, { timeout: 5000, interval: 50 });
      if (title.test(label)) break;
      await this.page.keyboard.press('ArrowDown');
      await waitFor('focus to move', async () => (await focusedLabel()) !== label, { timeout: 2000, interval: 50 })
        .catch(() => undefined);
    }
    const chosen = await focusedLabel();
    if (!chosen || !title.test(chosen)) throw new Error(`could not focus quick fix ${title}; offered: ${JSON.stringify(labels)}`);
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    return labels;
  }

  async save(): Promise<void> {
    await this.cmd(CMD.save);
    await waitFor('editor saved', async () =>
      !(await this.page.locator('.tabs-container .tab.active.dirty').count()), { timeout: 10_000 });
  }

  // ---- status bar ------------------------------------------------------------------

  async statusItems(): Promise<StatusItem[]> {
    return this.page.$$eval('.part.statusbar .statusbar-item', (els) => els.map((e) => ({
      id: e.id,
      text: (e as HTMLElement).innerText.trim(),
      label: e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? e.getAttribute('aria-label') ?? '',
    })));
  }

  async waitForStatus(predicate: (item: StatusItem) => boolean, what: string, timeout = 30_000): Promise<StatusItem> {
    let last: StatusItem[] = [];
    return waitFor(`status bar item: ${what}`, async () => {
      last = await this.statusItems();
      return last.find(predicate);
    }, { timeout }, () => JSON.stringify(last.filter((i) => i.text)));
  }

  /** Hover the status bar item ITEM and return its tooltip's text once it matches EXPECT. */
  async statusTooltip(item: StatusItem, expect: RegExp): Promise<string> {
    await this.page.mouse.move(5, 5);
    const el = this.page.locator(`.part.statusbar .statusbar-item[id="${item.id}"]`);
    const box = await waitFor(`status bar item ${item.id} on screen`, () => el.boundingBox(), { timeout: 10_000 });
    await this.page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let last: string[] = [];
    const text = await waitFor(`tooltip of ${item.id}`, async () => {
      last = await this.page.$$eval('.workbench-hover, .monaco-hover:not(.hidden)', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText.trim()));
      return last.find((t) => expect.test(t));
    }, { timeout: 15_000, interval: 150 }, () => JSON.stringify(last));
    await this.page.mouse.move(5, 5);
    return text;
  }

  // ---- code lenses -----------------------------------------------------------------

  /** Titles of the code lenses on screen in the active editor. */
  async codeLenses(): Promise<string[]> {
    return this.page.$$eval(`${EDITOR} .codelens-decoration a, ${EDITOR} .codelens-decoration span`, (els) =>
      [...new Set(els.map((e) => (e as HTMLElement).innerText.trim()).filter(Boolean))]);
  }

  async waitForCodeLens(title: RegExp, timeout = 30_000): Promise<string> {
    let last: string[] = [];
    return waitFor(`code lens ${title}`, async () => {
      last = await this.codeLenses();
      return last.find((t) => title.test(t));
    }, { timeout, interval: 200 }, () => JSON.stringify(last));
  }

  /** Click the code lens whose title matches TITLE (it must be on screen). */
  async clickCodeLens(title: RegExp): Promise<void> {
    await this.waitForCodeLens(title);
    await this.page.locator(`${EDITOR} .codelens-decoration a`, { hasText: title }).first().click();
  }

  // ---- webviews (Markdown preview) -------------------------------------------------

  /**
   * The rows of the first table rendered in a webview (e.g. the Markdown preview),
   * as cell texts, once PREDICATE holds. Webviews are nested iframes: every frame
   * of the page is searched.
   */
  async waitForWebviewTable(predicate: (rows: string[][]) => boolean, { timeout = 30_000 } = {}): Promise<string[][]> {
    let last: string[][] = [];
    return waitFor('a table in a webview', async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const rows = await frame.evaluate(() => {
          const table = document.querySelector('table');
          if (!table) return null;
          return Array.from(table.querySelectorAll('tr')).map((tr) =>
            Array.from(tr.querySelectorAll('th, td')).map((c) => (c as HTMLElement).innerText.trim()));
        }).catch(() => null);
        if (!rows) continue;
        last = rows;
        if (predicate(rows)) return rows;
      }
      return undefined;
    }, { timeout, interval: 250 }, () => JSON.stringify(last));
  }

  /** The text of the first webview frame whose body matches EXPECT. */
  async webviewText(expect: RegExp): Promise<string> {
    return waitFor(`webview text ${expect}`, async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (expect.test(text)) return text;
      }
      return undefined;
    }, { timeout: 30_000, interval: 250 });
  }

  /** Close every editor tab whose label matches LABEL (one at a time: activate it, close it). */
  async closeTabs(label: RegExp): Promise<void> {
    const tabs = () => this.page.$$eval('.tabs-container .tab', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (let i = 0; i < 10; i++) {
      const all = await tabs();
      const at = all.findIndex((l) => label.test(l));
      if (at < 0) return;
      const tab = this.page.locator('.tabs-container .tab').nth(at);
      await tab.click();
      await waitFor(`tab ${all[at]} active`, async () => /\bactive\b/.test((await tab.getAttribute('class')) ?? ''), { timeout: 10_000, interval: 100 });
      await this.cmd(CMD.closeEditor);
      await waitFor(`tab ${all[at]} closed`, async () => (await tabs()).filter((l) => label.test(l)).length < all.filter((l) => label.test(l)).length,
        { timeout: 10_000, interval: 100 });
    }
  }

  // ---- screenshots and failure dumps ---------------------------------------------

  /**
   * Screenshot NN-NAME.png into the run's screenshot folder; with CLIP, of that part
   * of the page only, e.g. the union of some parts' boxes (see boxOf).
   */
  async shot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
    this.step++;
    const file = path.join(this.shotsDir, `${String(this.step).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file, clip }).catch(() => undefined);
    if (fs.existsSync(file)) this.screenshots.push(file);
    return file;
  }

  /**
   * Run FN with the browser window at SIZE (smaller windows make smaller pictures for
   * the docs), then restore it; each resize waits until the workbench has laid out anew.
   */
  async withViewport<T>(size: { width: number; height: number }, fn: () => Promise<T>): Promise<T> {
    const before = this.page.viewportSize() ?? { width: 1440, height: 900 };
    const resize = async (to: { width: number; height: number }) => {
      await this.page.setViewportSize(to);
      await waitFor(`workbench at ${to.width}x${to.height}`, async () => {
        const statusbar = await this.boxOf('.part.statusbar');
        return !!statusbar && Math.round(statusbar.width) === to.width && Math.round(statusbar.y + statusbar.height) === to.height;
      }, { timeout: 10_000, interval: 100 });
    };
    await resize(size);
    try {
      return await fn();
    } finally {
      await resize(before);
    }
  }

  /** Texts of the notification toasts on screen. */
  async notifications(): Promise<string[]> {
    return this.page.$$eval('.notifications-toasts .notification-toast',
      (els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  /**
   * Texts of every notification since the last clearNotifications(), read from the
   * notification center: toasts of warnings hide by themselves after a while.
   */
  async notificationHistory(): Promise<string[]> {
    const center = this.page.locator('.notifications-center');
    await this.cmd(CMD.showNotifications);
    await center.waitFor({ state: 'visible', timeout: 10_000 });
    const texts = await this.page.$$eval('.notifications-center .notification-list-item',
      (els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    await this.cmd(CMD.hideNotifications);
    await center.waitFor({ state: 'hidden', timeout: 10_000 });
    return texts;
  }

  /** Dismiss every notification, so that a later one shows as a new toast. */
  async clearNotifications(): Promise<void> {
    await this.cmd(CMD.clearNotifications);
    await waitFor('no notification toast', async () => (await this.notifications()).length === 0, { timeout: 10_000 });
  }

  /** Move the mouse out of the way and wait until no hover or tooltip is left on screen. */
  async clearHovers(): Promise<void> {
    await this.page.mouse.move(900, 5); // the title bar's empty middle
    await waitFor('no hover or tooltip on screen', async () => !(await this.page.$$eval(
      '.workbench-hover, .monaco-hover:not(.hidden), .custom-hover, .monaco-hover-content',
      (els) => els.some((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height > 0))),
    { timeout: 10_000, interval: 100 });
  }

  /** Expand or collapse the side bar's pane whose header reads TITLE (e.g. the Explorer's folder). */
  async setPaneExpanded(title: RegExp, expanded: boolean): Promise<void> {
    const header = this.page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    const state = async () => (await header.getAttribute('aria-expanded')) === String(expanded);
    if (!(await state())) await header.click();
    await waitFor(`side bar pane ${title} ${expanded ? 'expanded' : 'collapsed'}`, state, { timeout: 10_000, interval: 100 });
  }

  /** The smallest box around every element matching one of SELECTORS (visible ones only). */
  async boxOf(...selectors: string[]): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
    const boxes = await this.page.$$eval(selectors.join(', '), (els) => els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left, y: r.top, r: r.right, b: r.bottom })));
    if (!boxes.length) return undefined;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    return { x, y, width: Math.max(...boxes.map((b) => b.r)) - x, height: Math.max(...boxes.map((b) => b.b)) - y };
  }

  /** What is on screen, for a failed test: Problems rows, Outline rows, status bar, notifications. */
  async describeScreen(): Promise<string> {
    const parts: string[] = [];
    const safe = async (title: string, fn: () => Promise<string>) => {
      try { parts.push(`--- ${title}\n${await fn()}`); } catch (e) { parts.push(`--- ${title}: (unreadable: ${String(e).split('\n')[0]})`); }
    };
    await this.page.keyboard.press('Escape').catch(() => undefined);
    await safe('Problems', async () => (await this.problemRows()).map((r) => `${r.label} || ${r.text}`).join('\n'));
    await safe('Outline', async () => {
      await this.cmd(CMD.focusOutline);
      return (await this.readTree(OUTLINE)).map((r) => `${'  '.repeat(r.level - 1)}${r.label}`).join('\n');
    });
    await safe('Status bar', async () => (await this.statusItems()).filter((i) => i.text).map((i) => `${i.id}: ${i.text}`).join('\n'));
    await safe('Notifications', async () => (await this.notifications()).join('\n'));
    return parts.join('\n');
  }
}
