// A unified diff of two texts, line by line (Myers' O(ND) algorithm), for
// --fix-dry-run. Output is what `git apply` / `patch -p1` accept.

/** Lines with their terminators, so a CRLF file diffs as CRLF. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        break outer;
      }
    }
  }
  // Backtrack.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}

/** A diff line; a CRLF line keeps its \r (as git diff does), so the patch applies to the file as it is. */
function show(op: Op): string {
  if (op.line.endsWith('\n')) return op.kind + op.line;
  return `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** `--- a/path` / `+++ b/path` and hunks with [context] lines around each change; '' when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = myers(splitLines(before), splitLines(after));
  const out: string[] = [`--- a/${path}\n`, `+++ b/${path}\n`];
  let i = 0;
  // Line numbers (1-based) of ops[i] in a and b.
  const aLine: number[] = [];
  const bLine: number[] = [];
  let la = 1;
  let lb = 1;
  for (const op of ops) {
    aLine.push(la);
    bLine.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // Extend while changes are within 2*context of each other.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aCount ? aLine[start] : aLine[start] - 1;
    const bStart = bCount ? bLine[start] : bLine[start] - 1;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`);
    for (const op of hunk) out.push(show(op));
    i = stop;
    start = stop;
  }
  return out.join('');
}
