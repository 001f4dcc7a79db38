/**
 * Show and segment writes. Segments are rows ordered by a fractional-index `rank`: moving one segment
 * rewrites only that row; inserting takes a rank between its neighbours. Multi-table writes run in one
 * transaction. Deletes return an undo function that restores exactly what was removed.
 * A new segment is written only when the user saves it (`addSegment`): it goes after the selected segment,
 * or before the (last) Closing segment when none is selected, or at the end when there is no Closing.
 */
import { Dexie } from 'dexie';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Segment, Show } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { newId, nowIso, stamp } from '../../db/records';

export type ShowDraft = Omit<Show, 'id' | 'createdAt' | 'updatedAt'>;
export type SegmentDraft = Omit<Segment, 'id' | 'createdAt' | 'updatedAt' | 'showId' | 'rank'>;

export function orderedSegments(db: AppDb, showId: string): Promise<Segment[]> {
  return db.segments.where('[showId+rank]').between([showId, Dexie.minKey], [showId, Dexie.maxKey]).toArray();
}

export function blankSegment(kind: Segment['kind'] = 'product_pitch', title = 'New segment'): SegmentDraft {
  return {
    kind,
    title,
    plannedSec: 300,
    talkingPoints: [],
    productIds: [],
    sponsored: false,
    overlays: { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false },
    crewNotes: '',
    fanGroupText: '',
  };
}

export async function createShow(db: AppDb, draft: ShowDraft): Promise<string> {
  const show = stamp(draft);
  await db.shows.put(show);
  return show.id;
}

export async function updateShow(db: AppDb, id: string, changes: Partial<ShowDraft>): Promise<void> {
  await db.shows.update(id, { ...changes, updatedAt: nowIso() });
}

/** Copies a show and its segments (new ids, same order). Used for duplicate, save-as-template and from-template. */
export async function copyShow(db: AppDb, sourceId: string, overrides: Partial<ShowDraft>): Promise<string> {
  return db.transaction('rw', db.shows, db.segments, async () => {
    const source = await db.shows.get(sourceId);
    if (!source) throw new Error('That show no longer exists.');
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = source;
    const show = stamp({ ...rest, ...overrides });
    await db.shows.put(show);
    const segments = await orderedSegments(db, sourceId);
    const now = nowIso();
    await db.segments.bulkPut(segments.map((s) => ({ ...s, id: newId(), showId: show.id, createdAt: now, updatedAt: now })));
    return show.id;
  });
}

export async function deleteShow(db: AppDb, id: string): Promise<() => Promise<void>> {
  return db.transaction('rw', db.shows, db.segments, async () => {
    const show = await db.shows.get(id);
    const segments = await orderedSegments(db, id);
    await db.segments.bulkDelete(segments.map((s) => s.id));
    await db.shows.delete(id);
    return async () => {
      if (!show) return;
      await db.transaction('rw', db.shows, db.segments, async () => {
        await db.shows.put(show);
        await db.segments.bulkPut(segments);
      });
    };
  });
}

/** Adds a segment after `afterId` (or at the end). Returns the new segment's id. */
export async function insertSegment(db: AppDb, showId: string, draft: SegmentDraft, afterId?: string): Promise<string> {
  return db.transaction('rw', db.segments, async () => {
    const segments = await orderedSegments(db, showId);
    const index = afterId ? segments.findIndex((s) => s.id === afterId) : segments.length - 1;
    const before = index >= 0 ? segments[index]?.rank ?? null : null;
    const after = segments[index + 1]?.rank ?? null;
    const segment: Segment = { ...stamp(draft), showId, rank: generateKeyBetween(before, after) };
    await db.segments.put(segment);
    return segment.id;
  });
}

/**
 * The index a new segment takes in `ordered`: after `selectedId` when that segment is in the list; else before
 * the last Closing segment; else at the end. Pure and cheap (the editor page says where "Add" will put it).
 */
export function newSegmentIndex(ordered: readonly Pick<Segment, 'id' | 'kind'>[], selectedId?: string | null): number {
  const after = selectedId ? ordered.findIndex((s) => s.id === selectedId) + 1 : 0;
  if (after > 0) return after;
  const closing = ordered.findLastIndex((s) => s.kind === 'closing');
  return closing >= 0 ? closing : ordered.length;
}

/**
 * A rank for position `index` of `ordered` (sorted by rank, then id): between its neighbours. Two machines in a team
 * workspace can give two segments the same rank (both inserted between the same neighbours while apart); nothing
 * renumbers them, so when the neighbours tie the new rank goes after the tied run, before the next greater rank.
 */
export function rankAt(ordered: readonly Pick<Segment, 'rank'>[], index: number): string {
  const before = ordered[index - 1]?.rank ?? null;
  let next = index;
  while (before !== null && next < ordered.length && (ordered[next] as Pick<Segment, 'rank'>).rank <= before) next += 1;
  return generateKeyBetween(before, ordered[next]?.rank ?? null);
}

/** The index and rank of a new segment (see `newSegmentIndex`): a rank between its two neighbours. */
export function newSegmentSlot(ordered: readonly Pick<Segment, 'id' | 'rank' | 'kind'>[], selectedId?: string | null): { index: number; rank: string } {
  const index = newSegmentIndex(ordered, selectedId);
  return { index, rank: rankAt(ordered, index) };
}

/** Saves a new segment of `showId` at its slot (see `newSegmentIndex`). Returns the new segment's id. */
export async function addSegment(db: AppDb, showId: string, draft: SegmentDraft, selectedId?: string | null): Promise<string> {
  return db.transaction('rw', db.segments, async () => {
    const { rank } = newSegmentSlot(await orderedSegments(db, showId), selectedId);
    const segment: Segment = { ...stamp(draft), showId, rank };
    await db.segments.put(segment);
    return segment.id;
  });
}

export async function updateSegment(db: AppDb, id: string, changes: Partial<SegmentDraft>): Promise<void> {
  await db.segments.update(id, { ...changes, updatedAt: nowIso() });
}

export async function duplicateSegment(db: AppDb, id: string): Promise<string> {
  const source = await db.segments.get(id);
  if (!source) throw new Error('That segment no longer exists.');
  const { id: _id, createdAt: _c, updatedAt: _u, showId, rank: _r, ...draft } = source;
  return insertSegment(db, showId, { ...draft, title: `${draft.title} (copy)` }, id);
}

export async function deleteSegment(db: AppDb, id: string): Promise<() => Promise<void>> {
  const segment = await db.segments.get(id);
  await db.segments.delete(id);
  return async () => {
    if (segment) await db.segments.put(segment);
  };
}

/**
 * The rank that puts a segment at `toIndex` of `orderedIds` once it is moved there (the list as it was
 * before the move). Pure, so the UI can reorder optimistically with the same answer the database gets.
 */
export function rankForMove(ordered: readonly Pick<Segment, 'id' | 'rank'>[], movingId: string, toIndex: number): string {
  const rest = ordered.filter((s) => s.id !== movingId);
  return rankAt(rest, Math.max(0, Math.min(toIndex, rest.length)));
}

export async function moveSegment(db: AppDb, id: string, rank: string): Promise<void> {
  await db.segments.update(id, { rank, updatedAt: nowIso() });
}

/** Writes many segments at once in order (used by templates and tests). */
export async function appendSegments(db: AppDb, showId: string, drafts: SegmentDraft[]): Promise<void> {
  await db.transaction('rw', db.segments, async () => {
    const last = (await orderedSegments(db, showId)).at(-1)?.rank ?? null;
    const ranks = generateNKeysBetween(last, null, drafts.length);
    await db.segments.bulkPut(drafts.map((d, i) => ({ ...stamp(d), showId, rank: ranks[i]! })));
  });
}
