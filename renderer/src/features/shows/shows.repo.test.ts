/** Show and segment writes on fake-indexeddb: order by rank, moves, copies, deletes with undo. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { loadSampleWorkspace } from '../../db/workspace.repo';
import { addSegment, appendSegments, blankSegment, newSegmentSlot, copyShow, createShow, deleteSegment, deleteShow, duplicateSegment, insertSegment, moveSegment, orderedSegments, rankAt, rankForMove } from './shows.repo';

const dbs: AppDb[] = [];
async function sampleDb(): Promise<{ db: AppDb; showId: string }> {
  const db = new AppDb(`shows-${crypto.randomUUID()}`);
  dbs.push(db);
  await loadSampleWorkspace(db);
  const [show] = await db.shows.toArray();
  return { db, showId: show!.id };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const titles = async (db: AppDb, showId: string) => (await orderedSegments(db, showId)).map((s) => s.title);

describe('segments in order', () => {
  it('moves the last segment to the top by rewriting one rank', async () => {
    const { db, showId } = await sampleDb();
    const before = await orderedSegments(db, showId);
    const last = before.at(-1)!;
    await moveSegment(db, last.id, rankForMove(before, last.id, 0));
    const after = await orderedSegments(db, showId);
    expect(after.map((s) => s.id)).toEqual([last.id, ...before.slice(0, -1).map((s) => s.id)]);
    const changed = after.filter((s, i) => before.find((b) => b.id === s.id)!.rank !== s.rank || i < 0);
    expect(changed.map((s) => s.id)).toEqual([last.id]);
  });

  it('moves a segment down into the middle', async () => {
    const { db, showId } = await sampleDb();
    const before = await orderedSegments(db, showId);
    const first = before[0]!;
    await moveSegment(db, first.id, rankForMove(before, first.id, 3));
    const ids = (await orderedSegments(db, showId)).map((s) => s.id);
    expect(ids.indexOf(first.id)).toBe(3);
    expect(ids.slice(0, 3)).toEqual(before.slice(1, 4).map((s) => s.id));
  });

  it('inserts after a given segment and duplicates right below the original', async () => {
    const { db, showId } = await sampleDb();
    const before = await orderedSegments(db, showId);
    await insertSegment(db, showId, blankSegment('break', 'Water break'), before[1]!.id);
    expect((await titles(db, showId))[2]).toBe('Water break');
    await duplicateSegment(db, before[0]!.id);
    const after = await titles(db, showId);
    expect(after[1]).toBe(`${before[0]!.title} (copy)`);
    expect(after).toHaveLength(10);
  });

  it('deletes with an undo that restores the same segment in the same place', async () => {
    const { db, showId } = await sampleDb();
    const before = await titles(db, showId);
    const target = (await orderedSegments(db, showId))[4]!;
    const undo = await deleteSegment(db, target.id);
    expect(await titles(db, showId)).not.toContain(target.title);
    await undo();
    expect(await titles(db, showId)).toEqual(before);
  });

  it('keeps 200 appended segments in order', async () => {
    const db = new AppDb(`shows-${crypto.randomUUID()}`);
    dbs.push(db);
    const showId = await createShow(db, { title: 'Marathon', platforms: ['douyin'], startAt: '2026-12-01T12:00:00.000Z', zone: 'Asia/Shanghai', hostIds: [], targetDurationSec: 36000, isTemplate: false });
    await appendSegments(db, showId, Array.from({ length: 200 }, (_, i) => blankSegment('product_pitch', `Segment ${i + 1}`)));
    const list = await titles(db, showId);
    expect(list).toHaveLength(200);
    expect(list[0]).toBe('Segment 1');
    expect(list[199]).toBe('Segment 200');
  });
});

describe('shows', () => {
  it('duplicates a show with its segments under new ids, and saves it as a template', async () => {
    const { db, showId } = await sampleDb();
    const copyId = await copyShow(db, showId, { title: 'Copy', isTemplate: true });
    const copy = await db.shows.get(copyId);
    expect(copy).toMatchObject({ title: 'Copy', isTemplate: true });
    expect(await titles(db, copyId)).toEqual(await titles(db, showId));
    const originalIds = new Set((await orderedSegments(db, showId)).map((s) => s.id));
    expect((await orderedSegments(db, copyId)).some((s) => originalIds.has(s.id))).toBe(false);
  });

  it('deletes a show and its segments, and undo brings both back', async () => {
    const { db, showId } = await sampleDb();
    const undo = await deleteShow(db, showId);
    // The sample's other show (the vertical Douyin one, 7 segments) is untouched.
    expect(await db.shows.count()).toBe(1);
    expect(await db.shows.get(showId)).toBeUndefined();
    expect(await db.segments.where('showId').equals(showId).count()).toBe(0);
    expect(await db.segments.count()).toBe(7);
    await undo();
    expect(await db.shows.count()).toBe(2);
    expect(await titles(db, showId)).toHaveLength(8);
  });
});

describe('a new segment, written on save', () => {
  it('goes after the selected segment', async () => {
    const { db, showId } = await sampleDb();
    const before = await orderedSegments(db, showId);
    const selected = before[1]!;
    const id = await addSegment(db, showId, blankSegment('product_pitch', 'Added'), selected.id);
    const after = (await orderedSegments(db, showId)).map((s) => s.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.indexOf(id)).toBe(2);
  });

  it('goes before Closing when nothing is selected (or the selection is gone), and at the end without a Closing', async () => {
    const { db, showId } = await sampleDb();
    const before = await orderedSegments(db, showId);
    expect(before.at(-1)?.kind).toBe('closing');
    for (const selected of [null, 'deleted-segment']) {
      const id = await addSegment(db, showId, blankSegment('product_pitch', 'Added'), selected);
      const after = await orderedSegments(db, showId);
      expect(after.at(-2)?.id).toBe(id);
      expect(after.at(-1)?.kind).toBe('closing');
    }
    const plain = [{ id: 'a', rank: 'a0', kind: 'opening' as const }, { id: 'b', rank: 'a1', kind: 'qa' as const }];
    expect(newSegmentSlot(plain).index).toBe(2);
    expect(newSegmentSlot([]).index).toBe(0);
  });

  it('the slot rank sorts between its neighbours', () => {
    const list = [
      { id: 'a', rank: 'a0', kind: 'opening' as const },
      { id: 'b', rank: 'a1', kind: 'product_pitch' as const },
      { id: 'c', rank: 'a2', kind: 'closing' as const },
    ];
    const afterA = newSegmentSlot(list, 'a');
    expect(afterA.index).toBe(1);
    expect(afterA.rank > 'a0' && afterA.rank < 'a1').toBe(true);
    const beforeClosing = newSegmentSlot(list);
    expect(beforeClosing.index).toBe(2);
    expect(beforeClosing.rank > 'a1' && beforeClosing.rank < 'a2').toBe(true);
    expect(newSegmentSlot(list, 'c').index).toBe(3);
  });
});

describe('rankAt with ranks two machines made equal (team workspaces never renumber)', () => {
  const tied = [
    { id: 'a', rank: 'a0' },
    { id: 'b', rank: 'a1' },
    { id: 'c', rank: 'a1' },
    { id: 'd', rank: 'a2' },
  ];
  it('places a segment between tied neighbours after the tied run, before the next rank, without failing', () => {
    const rank = rankAt(tied, 2);
    expect(rank > 'a1' && rank < 'a2').toBe(true);
  });
  it('moves a segment between tied neighbours the same way', () => {
    const rank = rankForMove(tied, 'a', 2);
    expect(rank > 'a1' && rank < 'a2').toBe(true);
  });
  it('still puts a segment between distinct neighbours', () => {
    const rank = rankAt(tied, 1);
    expect(rank > 'a0' && rank < 'a1').toBe(true);
  });
});
