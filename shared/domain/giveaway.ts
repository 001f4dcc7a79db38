/**
 * Giveaways (福袋): entrants, and a fair draw anyone can check again.
 *
 * The draw, algorithm `kol-giveaway-draw/1` (what `verifyDraw` recomputes; a third party can re-implement it):
 * 1. Entrants. Each raw line is normalised (`normalizeEntrant`): trimmed, Unicode NFKC, one leading "@" (or "＠")
 *    removed, Latin letters lower-cased; empty results are dropped. The list is de-duplicated and sorted by UTF-16
 *    code units (JavaScript's default `sort()`; in Python `sorted(xs, key=lambda s: s.encode('utf-16-be'))`).
 *    Input order and repeats never change the draw.
 * 2. Commitment. The seed is 32 bytes from `crypto.getRandomValues`; `seedHash` = hex SHA-256(seed) is shown and
 *    recorded BEFORE the winners are computed. `entrantsHash` = hex SHA-256 of the sorted list joined by "\n"
 *    (UTF-8) pins the list the draw ran over.
 * 3. Random stream. Block i (i = 0, 1, 2, …) = HMAC-SHA256(key = seed, message = UTF-8 "kol-giveaway-draw/1" ‖
 *    uint32 big-endian i); the stream is the blocks' bytes read as uint32 big-endian words.
 * 4. Selection: a partial Fisher–Yates shuffle over the sorted list. For j = 0 … count−1: n = N − j; take words
 *    until one w < 2^32 − (2^32 mod n) (rejection sampling, so no bias); r = w mod n; swap positions j and j + r;
 *    winner j is the entrant now at position j. Winners are listed in draw order, distinct by construction.
 *
 * Invariants: pure and synchronous (SHA-256 and HMAC are implemented here, checked against node:crypto in the
 * tests), no I/O; the same (seed, entrants as a set, count) always gives the same winners; a draw with fewer
 * entrants than winners, or no winners, is refused with a `GiveawayDrawError` whose code the UI translates.
 */

export const DRAW_ALGORITHM = 'kol-giveaway-draw/1';
export const SEED_BYTES = 32;
/** Bounds every door uses (editor, import, contract). */
export const MAX_ENTRANTS = 200_000;
export const MAX_WINNERS = 1_000;
export const MAX_ENTRANT_LENGTH = 100;


// ---------------------------------------------------------------------------------------------
// Entrants
// ---------------------------------------------------------------------------------------------

const LATIN = /\p{Script=Latin}+/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The identity of an entrant: trimmed, NFKC, no leading "@", Latin letters lower-cased. "" when nothing is left. */
export function normalizeEntrant(raw: string): string {
  let s = raw.normalize('NFKC').trim();
  if (s.startsWith('@')) s = s.slice(1).trim();
  return s.replace(LATIN, (m) => m.toLowerCase());
}

export type EntrantProblem = 'tooLong' | 'control' | 'onlyAt';

export interface EntrantLineProblem {
  /** 1-based line (or spreadsheet row) number. */
  row: number;
  problem: EntrantProblem;
  value: string;
}

export interface EntrantList {
  /** Unique normalised entrants, sorted (the draw's canonical list). */
  entrants: string[];
  /** Non-blank lines read. */
  lines: number;
  /** Lines that repeated an earlier entrant (after normalising) and were merged into it. */
  duplicatesMerged: number;
  /** Lines that are not an entrant, with their row numbers (blank lines are skipped silently). */
  invalid: EntrantLineProblem[];
}

/**
 * Entrants from values with their row numbers (pasted lines: row = line number; CSV: the spreadsheet row).
 * Blank values are skipped; invalid ones are reported, never drawn.
 */
export function collectEntrants(values: Iterable<{ row: number; value: string }>): EntrantList {
  const seen = new Set<string>();
  const invalid: EntrantLineProblem[] = [];
  let lines = 0;
  let duplicatesMerged = 0;
  for (const { row, value } of values) {
    if (value.trim() === '') continue;
    lines += 1;
    const normal = normalizeEntrant(value);
    if (normal === '') {
      invalid.push({ row, problem: 'onlyAt', value });
    } else if (CONTROL.test(normal)) {
      invalid.push({ row, problem: 'control', value });
    } else if ([...normal].length > MAX_ENTRANT_LENGTH) {
      invalid.push({ row, problem: 'tooLong', value: value.slice(0, 40) });
    } else if (seen.has(normal)) {
      duplicatesMerged += 1;
    } else {
      seen.add(normal);
    }
  }
  return { entrants: [...seen].sort(), lines, duplicatesMerged, invalid };
}

/** Entrants pasted one per line (row = line number, from 1). */
export function parseEntrantLines(text: string): EntrantList {
  const lines = text.split(/\r\n|\n|\r/);
  return collectEntrants(lines.map((value, i) => ({ row: i + 1, value })));
}

/** The canonical list of a draw: unique and sorted (input order and exact repeats do not matter). */
export function canonicalEntrants(entrants: readonly string[]): string[] {
  // The console hands over a list that is canonical already (collectEntrants): one pass checks it, no sort.
  let canonical = true;
  for (let i = 1; i < entrants.length && canonical; i++) canonical = entrants[i - 1]! < entrants[i]!;
  if (canonical) return [...entrants];
  const sorted = [...entrants].sort();
  const out: string[] = [];
  for (const e of sorted) if (out.length === 0 || out[out.length - 1] !== e) out.push(e);
  return out;
}

// ---------------------------------------------------------------------------------------------
// SHA-256 and HMAC (sync, FIPS 180-4 / RFC 2104)
// ---------------------------------------------------------------------------------------------

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

/** HMAC-SHA256(key, message). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

const encoder = new TextEncoder();

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commitment and draw
// ---------------------------------------------------------------------------------------------

export interface DrawCommitment {
  /** 32 random bytes, lowercase hex (revealed with the winners). */
  seed: string;
  /** SHA-256 of the seed bytes, lowercase hex: shown before the draw. */
  seedHash: string;
}

/** A fresh commitment: a cryptographically random seed and its hash. */
export function commitSeed(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): DrawCommitment {
  const seed = random(new Uint8Array(SEED_BYTES));
  return { seed: toHex(seed), seedHash: toHex(sha256(seed)) };
}

/** hex SHA-256 of a canonical entrant list joined by "\n" (UTF-8). */
export function entrantsHash(canonical: readonly string[]): string {
  return toHex(sha256(encoder.encode(canonical.join('\n'))));
}

export type GiveawayDrawErrorCode = 'tooFewEntrants' | 'noWinners' | 'tooManyWinners' | 'badSeed';

export class GiveawayDrawError extends Error {
  constructor(
    readonly code: GiveawayDrawErrorCode,
    readonly entrants: number,
    readonly winners: number,
  ) {
    super(
      code === 'tooFewEntrants'
        ? `A draw of ${winners} winners needs at least ${winners} entrants; there are ${entrants}.`
        : code === 'noWinners'
          ? 'A draw needs at least one winner.'
          : code === 'tooManyWinners'
            ? `A draw can have at most ${MAX_WINNERS} winners.`
            : 'The seed must be 32 bytes as lowercase hex.',
    );
    this.name = 'GiveawayDrawError';
  }
}

/** Why a draw of `winners` over `entrants` would be refused, or null when it can run. */
export function drawProblem(entrants: number, winners: number): GiveawayDrawErrorCode | null {
  if (!Number.isInteger(winners) || winners < 1) return 'noWinners';
  if (winners > MAX_WINNERS) return 'tooManyWinners';
  if (entrants < winners) return 'tooFewEntrants';
  return null;
}

/** The uint32 words of the HMAC counter-mode stream keyed by the seed. */
function wordStream(seed: Uint8Array): () => number {
  const label = encoder.encode(DRAW_ALGORITHM);
  const message = new Uint8Array(label.length + 4);
  message.set(label);
  const counterView = new DataView(message.buffer, label.length, 4);
  let counter = 0;
  let block: DataView = new DataView(new ArrayBuffer(0));
  let index = 8;
  return () => {
    if (index === 8) {
      counterView.setUint32(0, counter++);
      const bytes = hmacSha256(seed, message);
      block = new DataView(bytes.buffer, bytes.byteOffset, 32);
      index = 0;
    }
    return block.getUint32(4 * index++);
  };
}

const TWO_32 = 0x100000000;

/** Winners, in draw order, of a canonical (unique, sorted) list. Throws GiveawayDrawError when refused. */
export function selectWinners(seedHex: string, canonical: readonly string[], count: number): string[] {
  const seed = fromHex(seedHex);
  if (!seed || seed.length !== SEED_BYTES) throw new GiveawayDrawError('badSeed', canonical.length, count);
  const problem = drawProblem(canonical.length, count);
  if (problem) throw new GiveawayDrawError(problem, canonical.length, count);
  const next = wordStream(seed);
  // Partial Fisher–Yates over positions 0…N−1; only moved positions are stored.
  const moved = new Map<number, number>();
  const at = (i: number) => moved.get(i) ?? i;
  const winners: string[] = [];
  const n0 = canonical.length;
  for (let j = 0; j < count; j++) {
    const n = n0 - j;
    const limit = TWO_32 - (TWO_32 % n);
    let w = next();
    while (w >= limit) w = next();
    const k = j + (w % n);
    const picked = at(k);
    moved.set(k, at(j));
    moved.set(j, picked);
    winners.push(canonical[picked]!);
  }
  return winners;
}

/** Everything needed to check a draw again. */
export interface GiveawayDrawRecord {
  algorithm: typeof DRAW_ALGORITHM;
  segmentId: string;
  prize: string;
  /** The entry rule as the show had it (for the record; not part of the computation). */
  entryRule?: string;
  winnerCount: number;
  seed: string;
  seedHash: string;
  /** Canonical list: unique, normalised, sorted. */
  entrants: string[];
  entrantsHash: string;
  winners: string[];
  /** UTC instant the hash was shown (committed). */
  committedAt: string;
  /** UTC instant the winners were computed. */
  drawnAt: string;
}

export interface DrawInput {
  segmentId: string;
  prize: string;
  entryRule?: string;
  entrants: readonly string[];
  winnerCount: number;
  commitment: DrawCommitment;
  committedAt: string;
  drawnAt: string;
}

/** The draw and its record (entrants made canonical first, so their order does not matter). */
export function drawWinners(input: DrawInput): GiveawayDrawRecord {
  const entrants = canonicalEntrants(input.entrants);
  const winners = selectWinners(input.commitment.seed, entrants, input.winnerCount);
  return {
    algorithm: DRAW_ALGORITHM,
    segmentId: input.segmentId,
    prize: input.prize,
    ...(input.entryRule ? { entryRule: input.entryRule } : {}),
    winnerCount: input.winnerCount,
    seed: input.commitment.seed,
    seedHash: input.commitment.seedHash,
    entrants,
    entrantsHash: entrantsHash(entrants),
    winners,
    committedAt: input.committedAt,
    drawnAt: input.drawnAt,
  };
}

export type VerifyProblem = 'algorithm' | 'seedHash' | 'entrants' | 'entrantsHash' | 'winners' | 'refused';

export interface VerifyResult {
  ok: boolean;
  /** What did not match (empty when ok). */
  problems: VerifyProblem[];
  /** The winners recomputed from the record (empty when the draw is refused). */
  expectedWinners: string[];
}

/** Recomputes a draw from its record: the seed matches its hash, the list is canonical and hashed, the winners follow. */
export function verifyDraw(record: Pick<GiveawayDrawRecord, 'algorithm' | 'seed' | 'seedHash' | 'entrants' | 'entrantsHash' | 'winnerCount' | 'winners'>): VerifyResult {
  const problems: VerifyProblem[] = [];
  if (record.algorithm !== DRAW_ALGORITHM) problems.push('algorithm');
  const seed = fromHex(record.seed);
  if (!seed || seed.length !== SEED_BYTES || toHex(sha256(seed)) !== record.seedHash) problems.push('seedHash');
  const canonical = canonicalEntrants(record.entrants);
  if (canonical.length !== record.entrants.length || canonical.some((e, i) => e !== record.entrants[i])) problems.push('entrants');
  if (entrantsHash(record.entrants) !== record.entrantsHash) problems.push('entrantsHash');
  let expectedWinners: string[] = [];
  try {
    expectedWinners = selectWinners(record.seed, canonical, record.winnerCount);
    if (expectedWinners.length !== record.winners.length || expectedWinners.some((w, i) => w !== record.winners[i])) problems.push('winners');
  } catch {
    problems.push('refused');
  }
  return { ok: problems.length === 0, problems, expectedWinners };
}
