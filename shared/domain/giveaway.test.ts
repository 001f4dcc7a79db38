import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalEntrants,
  commitSeed,
  DRAW_ALGORITHM,
  drawProblem,
  drawWinners,
  entrantsHash,
  GiveawayDrawError,
  hmacSha256,
  normalizeEntrant,
  parseEntrantLines,
  selectWinners,
  sha256,
  toHex,
  verifyDraw,
  type GiveawayDrawRecord,
} from './giveaway';

// Independent references: Web Crypto (global in Node and browsers), not the module's own SHA-256.
const subtle = globalThis.crypto.subtle;
const bytes = (text: string) => new TextEncoder().encode(text);
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
const fromHexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
async function webSha256(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(data))));
}
async function webHmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await subtle.importKey('raw', new Uint8Array(key.length ? key : new Uint8Array(64)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, new Uint8Array(data)));
}

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b));
const entrantsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 60 });

function record(seed: string, entrants: string[], count: number): GiveawayDrawRecord {
  return drawWinners({
    segmentId: 's1',
    prize: 'Mask',
    entrants,
    winnerCount: count,
    commitment: { seed, seedHash: toHex(sha256(fromHexBytes(seed))) },
    committedAt: '2026-12-01T12:00:00.000Z',
    drawnAt: '2026-12-01T12:00:01.000Z',
  });
}

describe('sha256 and hmac', () => {
  it('match Web Crypto on every length around the block boundaries', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const data = randomBytes(n);
      expect(toHex(sha256(data))).toBe(await webSha256(data));
      const key = randomBytes(1 + (n % 100));
      expect(toHex(hmacSha256(key, data))).toBe(toHex(await webHmac(key, data)));
    }
  });
});

describe('entrants', () => {
  it('normalises: trim, NFKC, a leading @, Latin case', () => {
    expect(normalizeEntrant('  @Alice ')).toBe('alice');
    expect(normalizeEntrant('＠ＡＬＩＣＥ')).toBe('alice');
    expect(normalizeEntrant('小雨Rain')).toBe('小雨rain');
    expect(normalizeEntrant('Ωmega')).toBe('Ωmega'); // only Latin letters fold
    expect(normalizeEntrant('@')).toBe('');
  });

  it('merges duplicates, skips blanks and reports invalid lines by number', () => {
    const list = parseEntrantLines(['@Alice', 'alice', '', 'Bob', '  ＢＯＢ ', '@', 'x'.repeat(101), '小雨'].join('\n'));
    expect(list.entrants).toEqual(['alice', 'bob', '小雨']);
    expect(list.duplicatesMerged).toBe(2);
    expect(list.lines).toBe(7);
    expect(list.invalid.map((p) => [p.row, p.problem])).toEqual([
      [6, 'onlyAt'],
      [7, 'tooLong'],
    ]);
  });
});

describe('draw', () => {
  it('is reproducible: the same seed and entrants give the same winners', () => {
    fc.assert(
      fc.property(seedArb, entrantsArb, fc.nat(), (seed, entrants, c) => {
        const count = 1 + (c % entrants.length);
        expect(selectWinners(seed, canonicalEntrants(entrants), count)).toEqual(selectWinners(seed, canonicalEntrants(entrants), count));
      }),
    );
  });

  it('does not depend on the order (or repeats) of the entrants', () => {
    fc.assert(
      fc.property(seedArb, entrantsArb, fc.nat(), fc.nat(), (seed, entrants, c, shift) => {
        const count = 1 + (c % entrants.length);
        const rotated = [...entrants.slice(shift % entrants.length), ...entrants.slice(0, shift % entrants.length)].reverse();
        expect(record(seed, [...rotated, ...entrants], count).winners).toEqual(record(seed, entrants, count).winners);
      }),
    );
  });

  it('gives exactly `count` distinct winners, all entrants, and verifies', () => {
    fc.assert(
      fc.property(seedArb, entrantsArb, fc.nat(), (seed, entrants, c) => {
        const count = 1 + (c % entrants.length);
        const r = record(seed, entrants, count);
        expect(r.winners).toHaveLength(count);
        expect(new Set(r.winners).size).toBe(count);
        for (const w of r.winners) expect(entrants).toContain(w);
        expect(verifyDraw(r)).toEqual({ ok: true, problems: [], expectedWinners: r.winners });
      }),
    );
  });

  it('draws everyone when the count equals the entrants', () => {
    const r = record('ab'.repeat(32), ['c', 'a', 'b'], 3);
    expect([...r.winners].sort()).toEqual(['a', 'b', 'c']);
  });

  it('is a fixed function of the record (test vector: the algorithm may never change silently)', async () => {
    const r = record('00'.repeat(32), ['alice', 'bob', 'carol', 'dave', 'erin'], 2);
    expect(r.algorithm).toBe(DRAW_ALGORITHM);
    expect(r.seedHash).toBe(await webSha256(new Uint8Array(32)));
    expect(r.entrantsHash).toBe(await webSha256(bytes('alice\nbob\ncarol\ndave\nerin')));
    // Recomputed here with Web Crypto, independently of the module's own SHA-256.
    const words: number[] = [];
    for (let i = 0; words.length < 16; i++) {
      const msg = new Uint8Array([...bytes(DRAW_ALGORITHM), 0, 0, 0, i]);
      const block = new DataView((await webHmac(new Uint8Array(32), msg)).buffer);
      for (let k = 0; k < 8; k++) words.push(block.getUint32(k * 4));
    }
    const list = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const expected: string[] = [];
    let w = 0;
    for (let j = 0; j < 2; j++) {
      const n = list.length - j;
      const limit = 2 ** 32 - (2 ** 32 % n);
      let word = words[w++]!;
      while (word >= limit) word = words[w++]!;
      const k = j + (word % n);
      [list[j], list[k]] = [list[k]!, list[j]!];
      expected.push(list[j]!);
    }
    expect(r.winners).toEqual(expected);
  });

  it('verifyDraw detects a changed seed, entrant or winner', () => {
    fc.assert(
      fc.property(seedArb, seedArb, fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 3, maxLength: 40 }), fc.nat(), (seed, other, entrants, c) => {
        fc.pre(seed !== other);
        const count = 1 + (c % (entrants.length - 1));
        const r = record(seed, entrants, count);
        expect(verifyDraw({ ...r, seed: other }).problems).toContain('seedHash');
        const swapped = [...r.entrants];
        swapped[0] = `${swapped[0]}~changed`;
        expect(verifyDraw({ ...r, entrants: canonicalEntrants(swapped) }).ok).toBe(false);
        const loser = r.entrants.find((e) => !r.winners.includes(e))!;
        expect(verifyDraw({ ...r, winners: [loser, ...r.winners.slice(1)] }).problems).toContain('winners');
        expect(verifyDraw({ ...r, winners: [...r.winners].reverse() }).ok).toBe(count === 1);
      }),
    );
  });

  it('is refused when there are fewer entrants than winners, or no winners', () => {
    expect(() => record('11'.repeat(32), ['a', 'b'], 3)).toThrow(GiveawayDrawError);
    expect(() => record('11'.repeat(32), ['a', 'b'], 3)).toThrow('A draw of 3 winners needs at least 3 entrants; there are 2.');
    expect(drawProblem(2, 3)).toBe('tooFewEntrants');
    expect(drawProblem(5, 0)).toBe('noWinners');
    expect(drawProblem(5, 5)).toBeNull();
    expect(() => selectWinners('zz', ['a'], 1)).toThrow(GiveawayDrawError);
  });

  it('commits a fresh random seed whose hash is SHA-256 of its bytes', async () => {
    const a = commitSeed();
    const b = commitSeed();
    expect(a.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(a.seed).not.toBe(b.seed);
    expect(a.seedHash).toBe(await webSha256(fromHexBytes(a.seed)));
    expect(entrantsHash([])).toBe(await webSha256(new Uint8Array(0)));
  });

  it('draws 100,000 entrants quickly', () => {
    const entrants = Array.from({ length: 100_000 }, (_, i) => `user${(i * 7919) % 100_000}`);
    const t0 = performance.now();
    const r = record(commitSeed().seed, entrants, 50);
    expect(r.winners).toHaveLength(50);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
