/**
 * Durable storage of the sync server's Yjs documents, in plain files under `<data>/docs/` (no database, no
 * native module). One folder per document (its name base64url-encoded); in it, each server instance owns two
 * files, named by its instance name, and never writes another instance's files:
 *   `<instance>.log`   every update this instance accepted from a client, appended as a frame
 *                      (4-byte big-endian length, then the update) and fsynced BEFORE Hocuspocus applies the
 *                      update and acknowledges it to the provider;
 *   `<instance>.state` a full snapshot of the document as this instance knew it at its last compaction,
 *                      replaced atomically (temp file, fsync, rename, fsync of the folder).
 * Loading a document merges every instance's snapshot and log (Yjs updates are idempotent and commute), so
 * several instances can share one data folder (scale-out) without locks.
 *
 * Invariants:
 * - an update acknowledged to a client is in a log on disk (fsynced) or in a snapshot: a SIGKILL or power loss
 *   after the acknowledgement loses nothing;
 * - compaction never drops a logged update: the snapshot is built from the live document plus every update this
 *   instance logged since its last compaction (kept in memory until then), so an update logged but not yet
 *   applied by Hocuspocus is in the snapshot too; the log is truncated only after the snapshot is on disk;
 *   appends and compactions of one document run one at a time, in order;
 * - a torn last frame (a crash in the middle of an append, which was then never acknowledged) is ignored;
 * - nothing here creates content: a document with no files loads as nothing (never seed, hocuspocus #344).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';

export interface DocumentStore {
  /** The merged state of every instance's files for this document, or null when it was never stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Appends one accepted update to this instance's log and fsyncs it; resolves to the log's size in bytes. */
  append(name: string, update: Uint8Array): Promise<number>;
  /** Writes this instance's snapshot of the document and empties its log. */
  compact(name: string, document: Y.Doc): Promise<void>;
  /** Waits for every queued append and compaction. */
  flush(): Promise<void>;
}

/** Opens `dir`, fsyncs it (so a created or renamed entry in it survives a power loss), closes it. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `file` atomically: a temp file beside it, fsynced, renamed over it, then the folder fsynced. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
}

/** The updates in a log file's bytes, stopping at a torn (incomplete) last frame. */
export function readLogFrames(bytes: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 4 <= bytes.byteLength) {
    const length = view.getUint32(at);
    if (at + 4 + length > bytes.byteLength) break;
    frames.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return frames;
}

function frame(update: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + update.byteLength);
  new DataView(out.buffer).setUint32(0, update.byteLength);
  out.set(update, 4);
  return out;
}

const instanceNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

export function isInstanceName(name: string): boolean {
  return instanceNamePattern.test(name);
}

export function createFileDocumentStore(dataDir: string, instance: string): DocumentStore {
  if (!isInstanceName(instance)) throw new Error(`instance name must be 1–64 letters, digits, "-" or "_"`);
  const docsDir = path.join(dataDir, 'docs');
  const queues = new Map<string, Promise<void>>();
  const loggedSinceCompaction = new Map<string, Uint8Array[]>();
  const readyFolders = new Set<string>();

  const folderOf = (name: string): string => path.join(docsDir, Buffer.from(name, 'utf8').toString('base64url'));

  async function ensureFolder(name: string): Promise<string> {
    const folder = folderOf(name);
    if (!readyFolders.has(folder)) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await syncDirectory(docsDir);
      await syncDirectory(dataDir);
      readyFolders.add(folder);
    }
    return folder;
  }

  /** Runs `task` after every earlier task of the same document; a failed task does not block later ones. */
  function enqueue<T>(name: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(name) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(name, settled);
    void settled.then(() => {
      if (queues.get(name) === settled) queues.delete(name);
    });
    return run;
  }

  return {
    async load(name) {
      let entries: string[];
      try {
        entries = await readdir(folderOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // Merged as updates (Y.mergeUpdates), not applied to a Y.Doc: no second copy of the document's types in memory.
      const updates: Uint8Array[] = [];
      for (const entry of entries.sort()) {
        if (!entry.endsWith('.state') && !entry.endsWith('.log')) continue;
        const bytes = new Uint8Array(await readFile(path.join(folderOf(name), entry)));
        updates.push(...(entry.endsWith('.log') ? readLogFrames(bytes) : bytes.byteLength > 0 ? [bytes] : []));
      }
      const state = updates.length > 0 ? Y.mergeUpdates(updates) : null;
      return state;
    },

    append(name, update) {
      return enqueue(name, async () => {
        const folder = await ensureFolder(name);
        const file = path.join(folder, `${instance}.log`);
        const handle = await open(file, 'a', 0o600);
        let size: number;
        try {
          await handle.write(frame(update));
          await handle.sync();
          size = (await handle.stat()).size;
        } finally {
          await handle.close();
        }
        const logged = loggedSinceCompaction.get(name) ?? [];
        if (logged.length === 0) await syncDirectory(folder); // the log may have just been created
        logged.push(update);
        loggedSinceCompaction.set(name, logged);
        return size;
      });
    },

    compact(name, document) {
      return enqueue(name, async () => {
        const logged = loggedSinceCompaction.get(name) ?? [];
        const state = logged.length > 0 ? Y.mergeUpdates([Y.encodeStateAsUpdate(document), ...logged]) : Y.encodeStateAsUpdate(document);
        const folder = await ensureFolder(name);
        await writeFileAtomic(path.join(folder, `${instance}.state`), state);
        const log = path.join(folder, `${instance}.log`);
        const handle = await open(log, 'a', 0o600);
        try {
          await handle.truncate(0);
          await handle.sync();
        } finally {
          await handle.close();
        }
        loggedSinceCompaction.set(name, []);
      });
    },

    async flush() {
      await Promise.all([...queues.values()]);
    },
  };
}
