// Inline configuration in HTML comments:
//   <!-- gongwen-disable rule-a rule-b -->   … <!-- gongwen-enable rule-a -->
//   <!-- gongwen-disable-next-line rule-a --> the next non-blank line
//   <!-- gongwen-disable-line rule-a -->      the comment's own line(s)
// No rule id means every rule. Ids may be separated by spaces or commas; text
// after `--` is a reason and is ignored (`gongwen-disable sequence-gap -- quoted text`).
// Invariant: pure; no I/O; never throws.
import type { Finding, Range } from './types.js';
import type { ParsedDocument } from './parse.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  ruleIds: Array<{ id: string; range: Range }>;
  /** The whole comment. */
  range: Range;
}

const DIRECTIVE = /^\s*gongwen-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

export function parseDirectives(doc: ParsedDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.value);
    if (!m) continue;
    const valueStart = c.start + 4; // after `<!--`
    let rest = c.value.slice(m[0].length);
    const reason = rest.search(/\s--(\s|$)/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const ruleIds: Directive['ruleIds'] = [];
    const restStart = valueStart + m[0].length;
    for (const id of rest.matchAll(/[^\s,]+/g)) {
      const s = restStart + id.index;
      ruleIds.push({ id: id[0], range: doc.lines.range(s, s + id[0].length) });
    }
    out.push({ kind: m[1] as DirectiveKind, ruleIds, range: doc.lines.range(c.start, c.end) });
  }
  return out;
}

interface State {
  all: boolean;
  disabled: Set<string>;
  /** Enabled by name while all rules are disabled. */
  exempt: Set<string>;
}

const isOff = (s: State, rule: string) => s.disabled.has(rule) || (s.all && !s.exempt.has(rule));

/** Removes the findings that directives turn off. */
export function applyDirectives(doc: ParsedDocument, directives: Directive[], findings: Finding[]): Finding[] {
  if (!directives.length) return findings;
  const { lines, text } = doc;
  // The disable/enable state from each directive on, in text order.
  const segments: Array<{ start: number; state: State }> = [{ start: 0, state: { all: false, disabled: new Set(), exempt: new Set() } }];
  // Line directives: [start, end) offsets per rule id ('*' for all rules).
  const spans: Array<{ rule: string; start: number; end: number }> = [];
  for (const d of directives) {
    const prev = segments[segments.length - 1].state;
    const state: State = { all: prev.all, disabled: new Set(prev.disabled), exempt: new Set(prev.exempt) };
    const ids = d.ruleIds.map((r) => r.id);
    switch (d.kind) {
      case 'disable':
        if (!ids.length) state.all = true;
        for (const id of ids) {
          state.disabled.add(id);
          state.exempt.delete(id);
        }
        segments.push({ start: d.range.end.offset, state });
        break;
      case 'enable':
        if (!ids.length) {
          state.all = false;
          state.disabled.clear();
          state.exempt.clear();
        }
        for (const id of ids) {
          state.disabled.delete(id);
          if (state.all) state.exempt.add(id);
        }
        segments.push({ start: d.range.end.offset, state });
        break;
      case 'disable-line':
      case 'disable-next-line': {
        let l0 = d.range.start.line;
        let l1 = d.range.end.line;
        if (d.kind === 'disable-next-line') {
          let l = d.range.end.line + 1;
          while (l < lines.lineCount && text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() === '') l++;
          if (l >= lines.lineCount) break;
          l0 = l1 = l;
        }
        for (const id of ids.length ? ids : ['*']) spans.push({ rule: id, start: lines.lineStart(l0), end: lines.lineEnd(l1) + 1 });
        break;
      }
    }
  }
  return findings.filter((f) => {
    const o = f.range.start.offset;
    if (spans.some((s) => (s.rule === f.ruleId || s.rule === '*') && s.start <= o && o < s.end)) return false;
    let seg = segments[0];
    for (const s of segments) {
      if (s.start <= o) seg = s;
      else break;
    }
    return !isOff(seg.state, f.ruleId);
  });
}
