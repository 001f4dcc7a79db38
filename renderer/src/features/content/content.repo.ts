/**
 * Content item (deliverable) writes.
 * Invariants: every status change appends {status, by, at} to statusHistory (a new item starts with its first
 * status); rescheduling keeps the planning zone; duplicating starts the copy over as an idea with a fresh
 * history; deleting returns an undo that restores the item exactly; a save that would put a sponsored item at
 * Approved or later without a fit disclosure is refused with `DisclosureGateError` (shared/domain/disclosure.ts
 * disclosureGateOnSave), so no door (form, quick status change) can skip the check.
 */
import { disclosureGateOnSave } from '../../../../shared/domain/disclosure';
import type { ContentItem, ContentStatus, StatusChange } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { editedFields, nowIso, stamp } from '../../db/records';
import { localDate, clockTime, zonedTimeToInstant } from '../../../../shared/domain/timing';

export type ContentDraft = Omit<ContentItem, 'id' | 'createdAt' | 'updatedAt' | 'statusHistory'>;

/** A save refused: the item would reach `status` (Approved or later) with a missing or unfit disclosure. */
export class DisclosureGateError extends Error {
  constructor(
    readonly reason: 'missing' | 'unfit',
    readonly status: ContentStatus,
  ) {
    super(`A sponsored item needs a disclosure label fit for its platform before it can be ${status}.`);
    this.name = 'DisclosureGateError';
  }
}

/** The fields a content item may lack (an editor leaves them out when cleared). */
const optionalContentFields = ['title', 'link', 'promoCode', 'disclosure'] as const;

/**
 * Saves a content item. With `base` (the item as the editor opened it), only the fields the user changed from it are
 * written over the item as it is now, so an edit made meanwhile elsewhere (a teammate) survives.
 */
export async function saveContentItem(db: AppDb, edited: ContentDraft, options: { id?: string; by: string; base?: ContentItem }): Promise<string> {
  return db.transaction('rw', db.contentItems, async () => {
    const existing = options.id ? await db.contentItems.get(options.id) : undefined;
    const draft: ContentDraft = existing && options.base ? { ...existing, ...editedFields<ContentDraft>(options.base, edited, optionalContentFields) } : edited;
    const gate = disclosureGateOnSave(existing, draft);
    if (gate) throw new DisclosureGateError(gate, draft.status);
    const at = nowIso();
    const change: StatusChange = { status: draft.status, by: options.by, at };
    const record: ContentItem = existing
      ? { ...existing, ...draft, statusHistory: existing.status === draft.status ? existing.statusHistory : [...existing.statusHistory, change], updatedAt: at }
      : stamp({ ...draft, statusHistory: [change] });
    for (const key of optionalContentFields) if (draft[key] === undefined) delete record[key];
    await db.contentItems.put(record);
    return record.id;
  });
}

export async function rescheduleContentItem(db: AppDb, id: string, scheduledAt: string): Promise<void> {
  await db.contentItems.update(id, { scheduledAt, updatedAt: nowIso() });
}

/** The instant `days` calendar days later in the item's own zone, at the same wall-clock time there. */
export function shiftDaysInZone(instant: string, zone: string, days: number): string {
  const date = localDate(instant, zone);
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
  return zonedTimeToInstant(shifted, clockTime(instant, zone), zone);
}

export async function duplicateContentItem(db: AppDb, id: string, by: string): Promise<string> {
  const source = await db.contentItems.get(id);
  if (!source) throw new Error('That content item no longer exists.');
  // A copy is a new deliverable: it starts as an idea, without the source's results.
  const { id: _id, createdAt: _c, updatedAt: _u, results: _results, ...rest } = source;
  const copy = stamp({ ...rest, status: 'idea' as const, statusHistory: [{ status: 'idea' as const, by, at: nowIso() }] });
  await db.contentItems.put(copy);
  return copy.id;
}

export async function deleteContentItem(db: AppDb, id: string): Promise<() => Promise<void>> {
  const item = await db.contentItems.get(id);
  if (!item) return async () => undefined;
  await db.contentItems.delete(id);
  return async () => {
    await db.contentItems.put(item);
  };
}
