/**
 * Run-of-show order: by fractional rank, then by id. Two machines of a team can give two segments the same rank
 * (both inserted between the same neighbours while apart) and nothing renumbers them, so the id breaks the tie,
 * the same way everywhere (it is also the order of Dexie's [showId+rank] index). Ranks compare by code unit, never
 * by locale (fractional keys mix upper and lower case).
 */
export function compareByRank(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
