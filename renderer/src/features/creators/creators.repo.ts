/**
 * Creator writes. A creator that content items still reference cannot be deleted (nothing is left
 * dangling); deleting returns an undo that restores the record as it was.
 */
import type { Creator } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { nowIso, stamp } from '../../db/records';

export type CreatorDraft = Omit<Creator, 'id' | 'createdAt' | 'updatedAt'>;

export class CreatorInUseError extends Error {
  constructor(readonly contentItems: number) {
    super(`The creator has ${contentItems} content items.`);
  }
}

export async function saveCreator(db: AppDb, draft: CreatorDraft, id?: string): Promise<string> {
  const existing = id ? await db.creators.get(id) : undefined;
  const record: Creator = existing ? { ...existing, ...draft, updatedAt: nowIso() } : stamp(draft);
  for (const key of ['ownStore', 'email', 'phone', 'wechatId', 'agency'] as const) if (draft[key] === undefined) delete record[key];
  await db.creators.put(record);
  return record.id;
}

export async function duplicateCreator(db: AppDb, id: string, name: string): Promise<string> {
  const source = await db.creators.get(id);
  if (!source) throw new Error('That creator no longer exists.');
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = source;
  const copy = stamp({ ...rest, name });
  await db.creators.put(copy);
  return copy.id;
}

export async function deleteCreator(db: AppDb, id: string): Promise<() => Promise<void>> {
  return db.transaction('rw', db.creators, db.contentItems, async () => {
    const used = await db.contentItems.where('creatorId').equals(id).count();
    if (used > 0) throw new CreatorInUseError(used);
    const creator = await db.creators.get(id);
    if (!creator) return async () => undefined;
    await db.creators.delete(id);
    return async () => {
      await db.creators.put(creator);
    };
  });
}
