/**
 * Partnership terms writes and reads. One terms row per creator and scope (show, campaign or default): saving
 * terms for a creator and scope that already has terms replaces them in place (same id), so a creator never has
 * two competing terms for the same scope. Deleting returns an undo that puts the row back.
 */
import type { Id, PartnershipTerms } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { editedFields, nowIso, stamp } from '../../db/records';

export type TermsDraft = Omit<PartnershipTerms, 'id' | 'createdAt' | 'updatedAt'>;

const sameScope = (a: Pick<PartnershipTerms, 'showId' | 'campaignId'>, b: Pick<PartnershipTerms, 'showId' | 'campaignId'>) =>
  (a.showId ?? '') === (b.showId ?? '') && (a.campaignId ?? '') === (b.campaignId ?? '');

/** The creator's terms for exactly this scope (undefined ids: the default). */
export async function termsAt(db: AppDb, creatorId: Id, scope: Pick<PartnershipTerms, 'showId' | 'campaignId'>): Promise<PartnershipTerms | undefined> {
  const mine = await db.partnershipTerms.where('creatorId').equals(creatorId).toArray();
  return mine.find((t) => sameScope(t, scope));
}

/** The fields terms may lack (the editor leaves them out when cleared; no show or campaign is the default scope). */
const optionalTermsFields = ['showId', 'campaignId', 'slotFee', 'productRates', 'flatFee', 'bonusTiers', 'notes'] as const;

/**
 * Saves a creator's terms for their scope (one row per creator and scope). With `base` (the terms as the editor
 * opened them), only the fields the user changed are written over the terms as they are now, so an edit made
 * meanwhile elsewhere (a teammate in finance) survives.
 */
export async function saveTerms(db: AppDb, edited: TermsDraft, id?: Id, base?: PartnershipTerms): Promise<Id> {
  return db.transaction('rw', db.partnershipTerms, async () => {
    const existing = (id ? await db.partnershipTerms.get(id) : undefined) ?? (await termsAt(db, edited.creatorId, edited));
    const draft: TermsDraft = existing && base ? { ...existing, ...editedFields<TermsDraft>(base, edited, optionalTermsFields) } : edited;
    // Another row of the creator already at the new scope (the scope was changed while editing): replaced by this one.
    const clash = existing && !sameScope(existing, draft) ? await termsAt(db, draft.creatorId, draft) : undefined;
    if (clash && clash.id !== existing?.id) await db.partnershipTerms.delete(clash.id);
    const record: PartnershipTerms = existing ? { ...draft, id: existing.id, createdAt: existing.createdAt, updatedAt: nowIso() } : stamp(draft);
    for (const key of optionalTermsFields) if (record[key] === undefined) delete record[key];
    await db.partnershipTerms.put(record);
    return record.id;
  });
}

export async function deleteTerms(db: AppDb, id: Id): Promise<() => Promise<void>> {
  const row = await db.partnershipTerms.get(id);
  await db.partnershipTerms.delete(id);
  return async () => {
    if (row) await db.partnershipTerms.put(row);
  };
}
