// Writing a fixed file: atomically (a temporary file in the same folder, then
// rename), keeping the file's mode, and never through a symlink that leads
// out of the project.
import { chmod, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export class RefusedWrite extends Error {}

/**
 * Where writing [path] really goes: itself, or — when a symlink lies on the way, the file's
 * or a folder's (`linkdir/a.md`, linkdir → elsewhere) — its real path, which must be inside [root].
 */
export async function writeTarget(path: string, root: string): Promise<string> {
  const target = await realpath(path);
  if (target === resolve(path)) return path;
  const realRoot = await realpath(root);
  const rel = relative(realRoot, target);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new RefusedWrite(target);
  return target;
}

/** A temporary file of writeAtomic: `.<name>.gongwen-<pid>-<8 hex digits>.tmp`. */
const TEMP_FILE = /^\..+\.gongwen-(\d+)-[0-9a-f]{8}\.tmp$/;
const swept = new Map<string, Promise<void>>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed between writing a temporary file and renaming it (SIGKILL, power loss) leaves
 * the temporary file behind (the draft itself is whole: old or new). The first write of a
 * later run into the folder removes such files of processes that are no longer running.
 */
function sweepStaleTemps(dir: string): Promise<void> {
  let done = swept.get(dir);
  if (!done) {
    done = (async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const m = TEMP_FILE.exec(name);
        if (m && Number(m[1]) !== process.pid && !isRunning(Number(m[1]))) await unlink(join(dir, name)).catch(() => undefined);
      }
    })();
    swept.set(dir, done);
  }
  return done;
}

export async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const { mode } = await stat(path);
  await sweepStaleTemps(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.gongwen-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', mode & 0o7777);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await chmod(tmp, mode & 0o7777); // open()'s mode is filtered by the umask
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
