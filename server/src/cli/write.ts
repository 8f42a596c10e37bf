// Writing a fixed file: atomically (a temporary file in the same folder, then
// rename), keeping the file's mode, and never through a symlink that leads
// out of the project.
import { chmod, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';

export class RefusedWrite extends Error {}

/** Where writing [path] really goes: itself, or a symlink's target inside [root]. */
export async function writeTarget(path: string, root: string): Promise<string> {
  const info = await lstat(path);
  if (!info.isSymbolicLink()) return path;
  const target = await realpath(path);
  const realRoot = await realpath(root);
  const rel = relative(realRoot, target);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new RefusedWrite(target);
  return target;
}

export async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  const { mode } = await stat(path);
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
