// The CLI's connection to the world: output streams, standard input, the
// environment and the working directory. main() takes one, so tests and other
// hosts can run the CLI in-process.
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw bytes to standard output (the fixed document of --stdin --fix, in its own encoding). */
  outBytes?: (b: Uint8Array) => void;
  /** Reads all of standard input (for --stdin). */
  stdin?: () => Promise<Uint8Array>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** stderr columns, for the progress bar. */
  columns?: number;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  outBytes: (b) => process.stdout.write(b),
  err: (s) => process.stderr.write(s),
  stdin: () => readAll(process.stdin),
  get env() {
    return process.env;
  },
  get cwd() {
    return process.cwd();
  },
  get stdoutIsTTY() {
    return Boolean(process.stdout.isTTY);
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get columns() {
    return process.stderr.columns;
  },
};

/** Fills in what a partial Io leaves out from the process. */
export function withDefaults(io: Io): Required<Io> {
  return {
    out: io.out,
    err: io.err,
    outBytes: io.outBytes ?? ((b) => io.out(Buffer.from(b).toString('utf8'))),
    stdin: io.stdin ?? defaultIo.stdin!,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    stdoutIsTTY: io.stdoutIsTTY ?? (io === defaultIo ? Boolean(process.stdout.isTTY) : false),
    stderrIsTTY: io.stderrIsTTY ?? (io === defaultIo ? Boolean(process.stderr.isTTY) : false),
    columns: io.columns ?? process.stderr.columns ?? 80,
  };
}
