/**
 * A draw record saved during the show is copied into the run when the run is saved (and saving again changes
 * nothing); the run, with its draw, round-trips the backup schema.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { commitSeed, drawWinners, verifyDraw } from '../../../../shared/domain/giveaway';
import { showRunSchema } from '../../../../shared/exchange/entity.schemas';
import { buildShowSnapshot } from '../../../../shared/runner/runner.snapshot';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import { buildSampleWorkspace } from '../../../../shared/sample/sample-workspace';
import { AppDb } from '../../db/app-db';
import { drawRecordsOfRun, runIdOf, saveDrawRecord, savedDrawRecord } from './giveaway-draws.repo';
import { saveShowRun } from './reports.repo';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

it('keeps a draw with its run, verifiable from what was saved', async () => {
  const name = `giveaway-${crypto.randomUUID()}`;
  names.push(name);
  const db = new AppDb(name);
  const workspace = buildSampleWorkspace(new Date('2026-11-20T04:00:00.000Z'));
  const show = workspace.shows[0]!;
  const snapshot = buildShowSnapshot({ show, segments: workspace.segments, products: workspace.products, creators: workspace.creators });
  const giveaway = snapshot.segments.find((s) => s.kind === 'giveaway')!;
  const startedAt = '2026-11-29T12:00:05.000Z';
  const record = drawWinners({
    segmentId: giveaway.id,
    prize: giveaway.giveaway!.prize,
    entrants: ['b', 'a', 'c', 'd'],
    winnerCount: 2,
    commitment: commitSeed(),
    committedAt: '2026-11-29T12:20:00.000Z',
    drawnAt: '2026-11-29T12:20:01.000Z',
  });
  const runId = runIdOf(show.id, startedAt);
  await saveDrawRecord(db, runId, record);
  // Another run's draw stays with that run.
  await saveDrawRecord(db, runIdOf(show.id, '2026-11-28T12:00:00.000Z'), { ...record, drawnAt: '2026-11-28T12:20:01.000Z' });
  expect(await drawRecordsOfRun(db, runId)).toEqual([record]);
  // One draw per segment and run: a second draw cannot replace the first; the console reads the saved one back.
  await expect(saveDrawRecord(db, runId, { ...record, seed: 'f'.repeat(64), winners: [...record.winners].reverse() })).rejects.toThrow();
  expect(await savedDrawRecord(db, runId, record.segmentId)).toEqual(record);
  expect(await savedDrawRecord(db, runId, 'another-segment')).toBeUndefined();

  const state = {
    snapshot,
    status: 'ended',
    rehearsal: true,
    showStartedAt: startedAt,
    showEndedAt: '2026-11-29T12:30:00.000Z',
    segmentLog: [{ segmentId: giveaway.id, startedAt, endedAt: '2026-11-29T12:30:00.000Z' }],
    dealLog: [],
    beatLog: [],
    firedBeats: {},
    giveaways: {},
  } as unknown as RunnerState;
  await saveShowRun(db, state);
  await saveShowRun(db, state);
  const runs = await db.showRuns.toArray();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.giveaways).toEqual([record]);
  expect(verifyDraw(runs[0]!.giveaways![0]!).ok).toBe(true);
  expect(showRunSchema.safeParse(JSON.parse(JSON.stringify(runs[0]))).success).toBe(true);
  db.close();
});
