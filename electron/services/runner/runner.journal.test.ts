/**
 * Journal: atomic writes under a hammering reader, coalescing, corrupt files reported and moved aside, resume
 * after a simulated restart (new monotonic origin, same wall clock), ended shows not offered.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachJournal, findResumableShow, journalDir, journalPath, readJournal, resumeFromJournal, ShowJournal } from './runner.journal';
import { writeFileAtomic } from '../storage/atomic-file';
import { isResumable, recordToCore, type RunnerRecord } from './runner.record';
import { ShowRunner } from './runner.service';
import { FakeClock, sampleSnapshot } from './fixtures/sample-snapshot';

const SEC = 1000;
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kol-journal-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function journaledRunner(clock = new FakeClock()): { runner: ShowRunner; journal: ShowJournal; clock: FakeClock } {
  const runner = new ShowRunner({ clock });
  const journal = new ShowJournal(dataDir);
  attachJournal(runner, journal);
  return { runner, journal, clock };
}

async function settle(journal: ShowJournal): Promise<void> {
  await tick();
  await journal.flush();
}

async function readRecord(): Promise<RunnerRecord> {
  const result = await readJournal(dataDir);
  if (result === null || result.kind === 'corrupt') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result;
}

describe('writing', () => {
  it('writes the runner record on every change and reads it back', async () => {
    const { runner, journal } = journaledRunner();
    expect(await readJournal(dataDir)).toBeNull();
    runner.load(sampleSnapshot(), { rehearsal: true });
    runner.start();
    runner.next();
    await settle(journal);
    const record = await readRecord();
    expect(record).toEqual(JSON.parse(JSON.stringify(runner.toRecord())));
    expect(record).toMatchObject({ status: 'live', currentIndex: 1, rehearsal: true, revision: runner.getState().revision });
  });

  it('coalesces a burst: one write in flight plus one pending, the file ends at the newest state', async () => {
    const { runner, journal } = journaledRunner();
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    await settle(journal);
    const before = journal.written;
    for (let i = 0; i < 50; i++) {
      runner.adjustTime(1);
      await tick(); // each change its own patch, so each reaches the journal
    }
    await journal.flush();
    expect(journal.written - before).toBeLessThan(50);
    expect((await readRecord()).revision).toBe(runner.getState().revision);
    const direct = new ShowJournal(join(dataDir, 'direct'));
    const record = runner.toRecord()!;
    for (let i = 0; i < 100; i++) direct.write({ ...record, revision: i });
    await direct.flush();
    expect(direct.written).toBe(2);
    expect(JSON.parse(await readFile(direct.path, 'utf8')).revision).toBe(99);
  });

  it('never lets a reader see a partial file while writes hammer the journal', async () => {
    const record = journaledRunnerRecord();
    // ~1 MB records so each write takes many write() calls: a non-atomic writer would be caught mid-way.
    const padding = 'x'.repeat(1_000_000);
    const big = (i: number): RunnerRecord => ({ ...record, revision: i, snapshot: { ...record.snapshot, show: { ...record.snapshot.show, title: `${i}` } }, dealLog: [], segmentLog: [{ segmentId: padding, startedAt: record.writtenAt }] });
    const journal = new ShowJournal(dataDir);
    journal.write(big(0));
    await journal.flush();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let i = 1; i <= 150; i++) {
        journal.write(big(i));
        if (i % 3 === 0) await journal.flush();
      }
      await journal.flush();
      written = journal.written;
      writing = false;
    })();
    let reads = 0;
    let lastRevision = -1;
    while (writing) {
      const text = await readFile(journalPath(dataDir), 'utf8');
      const parsed = JSON.parse(text) as RunnerRecord; // throws on a torn read
      expect(parsed.revision).toBeGreaterThanOrEqual(lastRevision);
      lastRevision = parsed.revision;
      reads++;
    }
    await writer;
    expect(reads).toBeGreaterThan(10);
    expect(written).toBeGreaterThan(20);
    expect((await readRecord()).revision).toBe(150);
    // No temp file is left behind.
    expect(await readdir(journalDir(dataDir))).toEqual(['current-show.json']);
  });

  it('the hammer harness does catch a non-atomic writer (control)', async () => {
    const path = join(dataDir, 'plain.json');
    const payload = (i: number) => JSON.stringify({ i, pad: 'x'.repeat(2_000_000) });
    await writeFile(path, payload(0));
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i <= 30; i++) await writeFile(path, payload(i));
      writing = false;
    })();
    let torn = 0;
    while (writing) {
      try {
        JSON.parse(await readFile(path, 'utf8'));
      } catch {
        torn++;
      }
    }
    await writer;
    expect(torn).toBeGreaterThan(0);
    // The same loop against writeFileAtomic sees no torn read.
    writing = true;
    const atomicWriter = (async () => {
      for (let i = 1; i <= 30; i++) await writeFileAtomic(path, payload(i));
      writing = false;
    })();
    let atomicTorn = 0;
    while (writing) {
      try {
        JSON.parse(await readFile(path, 'utf8'));
      } catch {
        atomicTorn++;
      }
    }
    await atomicWriter;
    expect(atomicTorn).toBe(0);
  });

  it('reports a failed write instead of throwing, and keeps going', async () => {
    await writeFile(join(dataDir, 'journal'), 'a file where the directory should be');
    const errors: unknown[] = [];
    const journal = new ShowJournal(dataDir, { onError: (error) => errors.push(error) });
    journal.write(journaledRunnerRecord());
    await journal.flush();
    expect(errors).toHaveLength(1);
    expect(journal.written).toBe(0);
  });
});

function journaledRunnerRecord(): RunnerRecord {
  const runner = new ShowRunner({ clock: new FakeClock() });
  runner.load(sampleSnapshot(), { rehearsal: false });
  runner.start();
  return runner.toRecord()!;
}

describe('corrupt journals', () => {
  async function plant(content: string | Buffer): Promise<void> {
    await ShowJournalDir();
    await writeFile(journalPath(dataDir), content);
  }
  async function ShowJournalDir(): Promise<void> {
    const journal = new ShowJournal(dataDir);
    journal.write(journaledRunnerRecord());
    await journal.flush();
  }

  it('reports a truncated file and moves it aside, keeping its bytes', async () => {
    const full = JSON.stringify(journaledRunnerRecord());
    const truncated = full.slice(0, Math.floor(full.length / 2));
    await plant(truncated);
    const result = await readJournal(dataDir);
    expect(result).toMatchObject({ kind: 'corrupt', path: journalPath(dataDir) });
    if (result?.kind !== 'corrupt') throw new Error('unreachable');
    expect(result.reason).toMatch(/not valid JSON/);
    expect(result.movedTo).not.toBeNull();
    expect(await readFile(result.movedTo!, 'utf8')).toBe(truncated);
    expect(await readJournal(dataDir)).toBeNull();
  });

  it('reads a journal written before images became assets (products with imageDataUrl) as a show, without the images', async () => {
    const record = journaledRunnerRecord();
    const legacy = { ...record, snapshot: { ...record.snapshot, products: record.snapshot.products.map((p) => ({ ...p, imageDataUrl: 'data:image/jpeg;base64,/9j/' })) } };
    await plant(JSON.stringify(legacy));
    const read = await readRecord();
    expect(read.snapshot.products.length).toBeGreaterThan(0);
    expect(read.snapshot.products.some((p) => 'imageDataUrl' in p)).toBe(false);
    // Anything else unknown still makes it corrupt (strict).
    await plant(JSON.stringify({ ...record, snapshot: { ...record.snapshot, extra: 1 } }));
    expect((await readJournal(dataDir))?.kind).toBe('corrupt');
  });

  it('resumes a journal written by the previous release (before orientation, beats, ladders, cues and giveaways)', async () => {
    const record = journaledRunnerRecord() as unknown as Record<string, unknown> & RunnerRecord;
    // The shape the previous release wrote: none of this sprint's fields, images as data: URLs.
    const { orientation: _orientation, ...oldShow } = record.snapshot.show;
    const oldDeals = Object.fromEntries(Object.entries(record.deals).map(([id, deal]) => {
      const { held: _held, step: _step, ...old } = deal;
      return [id, old];
    }));
    const { firedBeats: _fired, beatLog: _beats, giveaways: _giveaways, ...oldRecord } = record;
    const previous = {
      ...oldRecord,
      deals: oldDeals,
      snapshot: {
        ...record.snapshot,
        show: oldShow,
        segments: record.snapshot.segments.map(({ lowerThird: _lt, cues: _cues, beats: _b, pinnedAt: _p, giveaway: _g, reviewedClaimKeys: _r, ...segment }) => segment),
        products: record.snapshot.products.map(({ imageHash: _hash, ...p }) => ({ ...p, imageDataUrl: 'data:image/jpeg;base64,/9j/' })),
      },
    };
    await plant(JSON.stringify(previous));
    const read = await readRecord(); // not moved aside as corrupt
    expect(read.status).toBe(record.status);
    expect(read.currentIndex).toBe(record.currentIndex);
    expect(read.snapshot.show.orientation).toBe('landscape');
    expect(isResumable(read)).toBe(true);
    // Resumed as: nothing held, the first ladder step, nothing fired, nothing drawn.
    const core = recordToCore(read, new FakeClock());
    expect(Object.values(core.deals).every((deal) => deal.held === false && deal.step === 0)).toBe(true);
    expect(core).toMatchObject({ firedBeats: {}, beatLog: [], giveaways: {} });
  });

  it('reports valid JSON that is not a show record', async () => {
    const record = journaledRunnerRecord();
    await plant(JSON.stringify({ ...record, currentIndex: 99 }));
    const result = await readJournal(dataDir);
    expect(result).toMatchObject({ kind: 'corrupt' });
    expect(result?.kind === 'corrupt' && result.reason).toMatch(/currentIndex/);
  });

  it('never throws on garbage', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const samples: Array<string | Buffer> = ['', 'null', '[]', '{"kind":"kol-studio/show-journal"}', '\u0000\u0000', '{"a":'];
    for (let i = 0; i < 10; i++) samples.push(Buffer.from(Array.from({ length: 1 + Math.floor(random() * 500) }, () => Math.floor(random() * 256))));
    for (const sample of samples) {
      await plant(sample);
      const result = await readJournal(dataDir);
      expect(result?.kind).toBe('corrupt');
    }
    const asideFiles = (await readdir(journalDir(dataDir))).filter((name) => name.startsWith('current-show.corrupt-'));
    expect(asideFiles).toHaveLength(samples.length);
  });

  it('is offered as corrupt, not as a show, at start-up', async () => {
    await plant('{"truncated":');
    const found = await findResumableShow(dataDir);
    expect(found.record).toBeNull();
    expect(found.corrupt?.kind).toBe('corrupt');
  });
});

describe('resume after a restart', () => {
  /** The app restarts `downMs` later: a fresh monotonic clock (new process), the same wall clock. */
  function restartClock(clock: FakeClock, downMs: number): FakeClock {
    return new FakeClock(5, clock.wallMs + downMs);
  }

  it('resumes at the journaled segment with elapsed time from the wall clock (downtime counts)', async () => {
    const { runner, journal, clock } = journaledRunner();
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    clock.advance(250 * SEC);
    runner.next();
    clock.advance(100 * SEC);
    runner.next();
    runner.adjustTime(30);
    clock.advance(42 * SEC);
    await settle(journal);
    const after = restartClock(clock, 20 * SEC);
    const resumed = resumeFromJournal(await readRecord(), after);
    const state = resumed.getState();
    expect(state.status).toBe('live');
    expect(state.currentIndex).toBe(2);
    expect(Math.abs(state.timers.segmentElapsedMs - 62 * SEC)).toBeLessThan(1 * SEC);
    expect(Math.abs(state.timers.showElapsedMs - 412 * SEC)).toBeLessThan(1 * SEC);
    expect(state.timers.segmentPlannedMs).toBe(390 * SEC);
    expect(state.segmentLog).toEqual(runner.getState().segmentLog);
    // The resumed runner keeps running and journaling.
    const journal2 = new ShowJournal(dataDir);
    attachJournal(resumed, journal2);
    resumed.next();
    await settle(journal2);
    expect((await readRecord()).currentIndex).toBe(3);
  });

  it('does not count paused time across a restart, and resumes counting after resume', async () => {
    const { runner, journal, clock } = journaledRunner();
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    clock.advance(30 * SEC);
    runner.pause();
    clock.advance(60 * SEC);
    runner.resume();
    clock.advance(10 * SEC);
    runner.pause();
    clock.advance(5 * SEC);
    await settle(journal);
    const after = restartClock(clock, 20 * SEC);
    const resumed = resumeFromJournal(await readRecord(), after);
    expect(resumed.getState()).toMatchObject({ status: 'paused', timers: { segmentElapsedMs: 40 * SEC, showElapsedMs: 40 * SEC } });
    resumed.resume();
    after.advance(2 * SEC);
    expect(resumed.getState().timers).toMatchObject({ segmentElapsedMs: 42 * SEC, showElapsedMs: 42 * SEC });
  });

  it('carries a running countdown and stock across the restart', async () => {
    const { runner, journal, clock } = journaledRunner();
    const snapshot = sampleSnapshot();
    runner.load(snapshot, { rehearsal: false });
    runner.start();
    runner.jumpTo(2);
    runner.startCountdown();
    runner.setStockLeft(77);
    clock.advance(100 * SEC);
    await settle(journal);
    const resumed = resumeFromJournal(await readRecord(), restartClock(clock, 20 * SEC));
    const id = snapshot.segments[2]!.id;
    expect(resumed.getState().deals[id]).toMatchObject({ countdown: 'running', stockLeft: 77 });
    expect(resumed.getState().timers.deals[id]!.remainingMs).toBe(180 * SEC);
    expect(resumed.getState().dealLog.map((entry) => entry.action)).toEqual(['countdown_started', 'stock_set']);
  });

  it('round-trips a record to the same core on an unchanged clock', () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock });
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    clock.advance(10 * SEC);
    runner.jumpTo(2);
    runner.startCountdown();
    clock.advance(3 * SEC);
    runner.pause();
    expect(recordToCore(runner.toRecord()!, clock)).toEqual(runner.getCore());
  });

  it('marks an ended show so the next start does not offer it', async () => {
    const { runner, journal } = journaledRunner();
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    await settle(journal);
    expect((await findResumableShow(dataDir)).record?.status).toBe('live');
    runner.end();
    await settle(journal);
    const record = await readRecord();
    expect(record.status).toBe('ended');
    expect(record.showEndedAt).not.toBeNull();
    expect(await findResumableShow(dataDir)).toEqual({ record: null, corrupt: null });
    expect(() => resumeFromJournal(record, new FakeClock())).toThrow(/ended, not live or paused/);
  });

  it('does not offer a show that was only loaded', async () => {
    const { runner, journal } = journaledRunner();
    runner.load(sampleSnapshot(), { rehearsal: false });
    await settle(journal);
    expect((await readRecord()).status).toBe('idle');
    expect((await findResumableShow(dataDir)).record).toBeNull();
  });
});
