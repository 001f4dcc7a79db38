/** Helpers for new and changed records: string ids and timestamps (see the invariants in app-db.ts). */
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
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || (a === undefined && b === undefined);
  const out: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (!same(canonical(base[key]), canonical(draft[key]))) out[key] = draft[key];
  }
  for (const key of optional) if (!(key in draft) && base[key] !== undefined) out[key] = undefined;
  return out;
}

/** A value with its object keys sorted, so two equal values stringify the same whatever order their fields were set. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
