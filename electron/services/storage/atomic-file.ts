/**
 * Atomic file writes for the services' small durable files (show journal, OBS connection, overlay theme):
 * a reader or a restarted app sees either the previous complete file or the new one, never a partial one.
 */
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `data` to `path` atomically: temp file in the same directory, fsync, rename, fsync the directory. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, tempPath = `${path}.${process.pid}.tmp`): Promise<void> {
  const handle = await open(tempPath, 'w');
  try {
    await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, path);
  await syncDirectory(join(path, '..'));
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on Linux/macOS; Windows cannot open a directory: best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here
  }
}
