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
