/**
 * The runner records a giveaway draw made on a console (`giveawayDrawn`): on air, giveaway segments only, once per
 * segment, winners exactly the count and distinct; the record survives the journal (crash resume); the command's
 * schema is strict.
 */
import { describe, expect, it } from 'vitest';
import { runnerCommandSchema } from '../../../shared/contract/runner.schema';
import { applyPatch } from '../../../shared/runner/runner.client';
import type { GiveawayDrawnArgs, RunnerMessage, RunnerState } from '../../../shared/runner/runner.types';
import { coreToRecord, recordSchema, recordToCore } from './runner.record';
import { RunnerCommandError, ShowRunner } from './runner.service';
import { FakeClock, sampleSnapshot } from './fixtures/sample-snapshot';

const HASH = 'ab'.repeat(32);

function live() {
  const clock = new FakeClock();
  const runner = new ShowRunner({ clock });
  const snapshot = sampleSnapshot();
  runner.load(snapshot, { rehearsal: true });
  runner.start();
  const giveawayIndex = snapshot.segments.findIndex((s) => s.kind === 'giveaway');
  const giveaway = snapshot.segments[giveawayIndex]!;
  return { runner, clock, snapshot, giveaway, giveawayIndex };
}

function args(segmentId: string, winners = ['alice', 'bob']): GiveawayDrawnArgs {
  return { segmentId, prize: 'Cica masks', winnerCount: winners.length, entrantCount: 5, seedHash: HASH, winners };
}

function rejectedCode(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RunnerCommandError);
    return (error as RunnerCommandError).code;
  }
  throw new Error('expected the command to be refused');
}

describe('giveawayDrawn', () => {
  it('carries the giveaway terms in the snapshot', () => {
    const { giveaway } = live();
    expect(giveaway.giveaway).toMatchObject({ prize: expect.stringContaining('Cica'), winnerCount: 10, entry: { kind: 'comment_keyword', text: '补水' } });
  });

  it('records the winners and the hash, and clients see it in a patch', async () => {
    const { runner, clock, giveaway } = live();
    const messages: RunnerMessage[] = [];
    runner.subscribe((m) => messages.push(m));
    runner.giveawayDrawn(args(giveaway.id));
    expect(runner.getCore().giveaways[giveaway.id]).toEqual({ ...args(giveaway.id), drawnAt: clock.wallNow() });
    await Promise.resolve();
    let client = (messages[0] as { state: RunnerState }).state;
    for (const m of messages.slice(1)) if (m.kind === 'patch') client = applyPatch(client, m);
    expect(client.giveaways).toEqual(runner.getCore().giveaways);
  });

  it('refuses what would not be a fair record, changing nothing', () => {
    const { runner, snapshot, giveaway } = live();
    const before = runner.getCore();
    expect(rejectedCode(() => runner.giveawayDrawn(args(snapshot.segments[0]!.id)))).toBe('not_giveaway');
    expect(rejectedCode(() => runner.giveawayDrawn(args('nope')))).toBe('not_giveaway');
    expect(rejectedCode(() => runner.giveawayDrawn({ ...args(giveaway.id), winnerCount: 3 }))).toBe('bad_argument');
    expect(rejectedCode(() => runner.giveawayDrawn(args(giveaway.id, ['a', 'a'])))).toBe('bad_argument');
    expect(rejectedCode(() => runner.giveawayDrawn({ ...args(giveaway.id), entrantCount: 1 }))).toBe('out_of_range');
    expect(rejectedCode(() => runner.giveawayDrawn({ ...args(giveaway.id), seedHash: 'xyz' }))).toBe('bad_argument');
    expect(runner.getCore()).toBe(before);
    runner.giveawayDrawn(args(giveaway.id));
    expect(rejectedCode(() => runner.giveawayDrawn(args(giveaway.id)))).toBe('already_drawn');
    runner.end();
    expect(rejectedCode(() => runner.giveawayDrawn(args(giveaway.id)))).toBe('wrong_status');
  });

  it('survives the journal, and journals from before giveaways still load', () => {
    const { runner, clock, giveaway } = live();
    runner.giveawayDrawn(args(giveaway.id));
    const record = coreToRecord(runner.getCore(), clock)!;
    const parsed = recordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(recordToCore(parsed, clock).giveaways).toEqual(runner.getCore().giveaways);
    const { giveaways: _g, ...old } = record;
    expect(recordToCore(recordSchema.parse(old), clock).giveaways).toEqual({});
  });

  it('is a strict command at the contract', () => {
    expect(runnerCommandSchema.safeParse({ type: 'giveawayDrawn', ...args('s') }).success).toBe(true);
    expect(runnerCommandSchema.safeParse({ type: 'giveawayDrawn', ...args('s'), seed: '00' }).success).toBe(false);
    expect(runnerCommandSchema.safeParse({ type: 'giveawayDrawn', ...args('s'), winners: [] }).success).toBe(false);
  });
});
