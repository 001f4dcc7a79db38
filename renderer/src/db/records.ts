/** Helpers for new and changed records: string ids and timestamps (see the invariants in app-db.ts). */
import { equalityDeep } from 'lib0/function';
import { storedValue } from '../../../shared/domain/stored-value';

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function stamp<T extends object>(fields: T): T & { id: string; createdAt: string; updatedAt: string } {
  const now = nowIso();
  return { id: newId(), createdAt: now, updatedAt: now, ...fields };
}

/**
 * The fields of `draft` that the user changed from `base` (the record as the editor opened it), compared by value.
 * An editor that saves only these on top of the record as it is now never writes an old value back over an edit
 * made meanwhile elsewhere (another window, a teammate). A key present in `draft` with `undefined`, or one of
 * `optional` that `draft` leaves out, is returned as `undefined` when `base` had a value (the user cleared it).
 */
export function editedFields<T extends object>(base: Partial<T>, draft: T, optional: readonly (keyof T)[] = []): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (!equalityDeep(storedValue(base[key]), storedValue(draft[key]))) out[key] = draft[key];
  }
  for (const key of optional) if (!(key in draft) && base[key] !== undefined) out[key] = undefined;
  return out;
}
