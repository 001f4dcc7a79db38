/**
 * Crash recovery: the runner's durable record at `<dataDir>/journal/current-show.json`.
 *
 * Invariants:
 * - writes are atomic: a temp file in the same directory is written, fsynced, then renamed over the journal
 *   (and the directory fsynced, where the platform allows), so a reader or a restarted app sees either the
 *   previous complete record or the new one, never a partial file, whatever moment the process dies;
 * - writes are serialized and coalesced: at most one write in flight plus one pending record (the latest wins),
 *   so a burst of cues costs at most two writes and the file always ends at the newest state;
 * - a write failure is reported (onError) and never throws into the runner; the next change retries;
 * - readJournal never throws on what it finds: no file → null; unreadable, truncated, not JSON or not a record →
 *   a `JournalCorrupt` report, and the file is moved aside (renamed, never deleted) so it can be inspected;
 * - a record whose status is 'ended' (or 'idle') is not resumable: the next start does not offer it.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file';
import { isResumable, recordSchema, type RunnerRecord } from './runner.record';
import { ShowRunner, type ShowRunnerOptions } from './runner.service';

export const JOURNAL_DIR = 'journal';
export const JOURNAL_FILE = 'current-show.json';

export function journalDir(dataDir: string): string {
  return join(dataDir, JOURNAL_DIR);
}

export function journalPath(dataDir: string): string {
  return join(journalDir(dataDir), JOURNAL_FILE);
}

export interface ShowJournalOptions {
  onError?: (error: unknown) => void;
}

/** Serialized, coalescing, atomic writer of one journal file. */
export class ShowJournal {
  readonly path: string;
  private pending: RunnerRecord | null = null;
  private draining: Promise<void> | null = null;
  private dirReady: Promise<unknown> | null = null;
  private readonly onError: (error: unknown) => void;
  /** Completed writes (for tests and diagnostics). */
  written = 0;

  constructor(
    readonly dataDir: string,
    options: ShowJournalOptions = {},
  ) {
    this.path = journalPath(dataDir);
    this.onError = options.onError ?? ((error) => console.error('show journal write failed', error));
  }

  /** Queues `record`; replaces any record still waiting (never more than one in flight plus one pending). */
  write(record: RunnerRecord): void {
    this.pending = record;
    this.draining ??= this.drain();
  }

  /** Resolves once every queued record is on disk (or failed and was reported). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const record = this.pending;
        this.pending = null;
        try {
          this.dirReady ??= mkdir(journalDir(this.dataDir), { recursive: true });
          await this.dirReady;
          await writeFileAtomic(this.path, JSON.stringify(record));
          this.written++;
        } catch (error) {
          this.dirReady = null;
          this.onError(error);
        }
      }
    } finally {
      this.draining = null;
    }
  }
}

/** Journals every change of `runner` (its snapshot on attach, then each patch). Returns a detach function. */
export function attachJournal(runner: ShowRunner, journal: ShowJournal): () => void {
  return runner.subscribe(() => {
    const record = runner.toRecord();
    if (record) journal.write(record);
  });
}

export interface JournalCorrupt {
  kind: 'corrupt';
  path: string;
  /** Why it cannot be used, for the user and the log. */
  reason: string;
  /** Where the file was moved; null when moving failed (reason says why). */
  movedTo: string | null;
}

export type JournalReadResult = RunnerRecord | JournalCorrupt | null;

/** The journal's record, null when there is none, or a corruption report (the file is then moved aside). */
export async function readJournal(dataDir: string): Promise<JournalReadResult> {
  const path = journalPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { kind: 'corrupt', path, reason: `cannot read the journal: ${(error as Error).message}`, movedTo: null };
  }
  let reason: string;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    reason = `the journal is not a show record (${issues.join('; ')})`;
  } catch (error) {
    reason = `the journal is not valid JSON (${text.length} bytes; ${(error as Error).message})`;
  }
  const movedTo = join(journalDir(dataDir), `current-show.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.json`);
  try {
    await rename(path, movedTo);
    return { kind: 'corrupt', path, reason, movedTo };
  } catch (error) {
    return { kind: 'corrupt', path, reason: `${reason}; moving it aside failed: ${(error as Error).message}`, movedTo: null };
  }
}

/** The record to offer for resume at start-up: only a show that was live or paused. */
export async function findResumableShow(dataDir: string): Promise<{ record: RunnerRecord | null; corrupt: JournalCorrupt | null }> {
  const result = await readJournal(dataDir);
  if (result === null) return { record: null, corrupt: null };
  if (result.kind === 'corrupt') return { record: null, corrupt: result };
  return { record: isResumable(result) ? result : null, corrupt: null };
}

/**
 * A runner at the journaled segment, elapsed times recomputed from the wall clock (time the app was down counts,
 * paused time does not). Throws when the record is not resumable (ended or never started).
 */
export function resumeFromJournal(record: RunnerRecord, clock?: ShowRunnerOptions['clock'], options: Omit<ShowRunnerOptions, 'clock'> = {}): ShowRunner {
  if (!isResumable(record)) throw new Error(`the journaled show is ${record.status}, not live or paused: nothing to resume`);
  return ShowRunner.fromRecord(record, { ...options, ...(clock ? { clock } : {}) });
}
