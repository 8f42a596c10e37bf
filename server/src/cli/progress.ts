// A progress bar on stderr for long runs: only on a terminal, never in CI
// (CI or GITHUB_ACTIONS set) unless --progress asks for it, and only when
// there are more than a few hundred files.
export const PROGRESS_THRESHOLD = 300;

export interface ProgressDecision {
  flag: boolean | undefined;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  files: number;
}

export function wantProgress({ flag, stderrIsTTY, env, files }: ProgressDecision): boolean {
  if (flag !== undefined) return flag;
  if (!stderrIsTTY || env.CI || env.GITHUB_ACTIONS || env.GITLAB_CI || env.TERM === 'dumb') return false;
  return files > PROGRESS_THRESHOLD;
}

export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(private readonly write: (s: string) => void, private readonly columns: number, private readonly tty: boolean) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (done < total && now - this.last < 80) return;
    this.last = now;
    const label = ` ${done}/${total}`;
    const width = Math.max(10, Math.min(40, this.columns - label.length - 4));
    const filled = Math.round((done / Math.max(1, total)) * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${label}`;
    if (this.tty) this.write(`\r${bar}`);
    else if (done === total || done % 100 === 0) this.write(`${bar}\n`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown && this.tty) this.write('\r\u001b[2K');
  }
}
