// A small table-driven runner for rule tests (in the manner of ESLint's RuleTester):
// `valid` documents must give no finding of the rule; `invalid` documents give
// exactly the listed findings (`rule@line:col`, 1-based, UTF-16 columns), and,
// for fixable rules, each finding's fix gives the expected text, which has no
// finding of the rule left.
import assert from 'node:assert/strict';
import type { AnalyzeOptions } from 'gongwen-server';
import { applyFix, findingKeys, findingsOf, joinLines } from '../../helpers.js';

/** Lines joined with CRLF, as a Windows editor saves them. */
export const crlf = (...lines: string[]): string => lines.join('\r\n');

export interface ValidCase {
  /** What the document is, as a phrase: `a complete inline 一要…三要 enumeration`. */
  name: string;
  text: string;
  options?: AnalyzeOptions;
}

export interface InvalidCase {
  /** What the document is, as a phrase: `an inline N要 enumeration that skips 三要`. */
  name: string;
  text: string;
  /** The rule's findings, in text order: `rule@line:col`. */
  expected: string[];
  /**
   * The text after applying a finding's fix: one string when every finding's
   * fix gives the same text, else one string per finding.
   */
  fixed?: string | string[];
  options?: AnalyzeOptions;
}

export function assertNoFinding(ruleId: string, c: ValidCase): void {
  assert.deepEqual(findingKeys(c.text, c.options, ruleId), []);
}

export function assertFindings(ruleId: string, c: InvalidCase): void {
  assert.deepEqual(findingKeys(c.text, c.options, ruleId), c.expected);
}

export function assertFix(ruleId: string, c: InvalidCase): void {
  const findings = findingsOf(c.text, ruleId, c.options);
  assert.equal(findings.length, c.expected.length, 'number of findings');
  findings.forEach((f, k) => {
    const want = Array.isArray(c.fixed) ? c.fixed[k] : c.fixed;
    assert.ok(f.fix, `finding ${k + 1} (${c.expected[k]}) has a fix`);
    const out = applyFix(c.text, f.fix);
    assert.equal(out, want, `text after the fix of finding ${k + 1}`);
    assert.deepEqual(findingKeys(out, c.options, ruleId), [], `no ${ruleId} finding after the fix of finding ${k + 1}`);
  });
}

/** Registers describe/it blocks for the rule's valid and invalid documents. */
export function ruleTests(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[]; fixable: boolean }): void {
  describe('valid documents', () => {
    for (const c of cases.valid) it(`gives no ${ruleId} finding for ${c.name}`, () => assertNoFinding(ruleId, c));
  });
  describe('invalid documents', () => {
    for (const c of cases.invalid) it(`reports ${c.name}`, () => assertFindings(ruleId, c));
  });
  if (cases.fixable) {
    describe('fixes', () => {
      for (const c of cases.invalid) {
        if (c.fixed === undefined) continue;
        it(`fixes ${c.name}, leaving no ${ruleId} finding`, () => assertFix(ruleId, c));
      }
      it('has an expected fixed text for every invalid document', () => {
        assert.deepEqual(
          cases.invalid.filter((c) => c.fixed === undefined).map((c) => c.name),
          [],
        );
      });
    });
  }
}

/** A regulation with the given articles in chapters 第一章, 第二章, …. */
export const regulation = (...articlesByChapter: string[][]): string =>
  joinLines(
    '# 某市管理办法',
    '',
    ...articlesByChapter.flatMap((articles, k) => [
      `## 第${'一二三四五'[k]}章 ${k === 0 ? '总则' : '管理'}`,
      '',
      ...articles.flatMap((a) => [a, '']),
    ]),
  );
