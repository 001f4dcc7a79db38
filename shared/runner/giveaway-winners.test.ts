import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giveawayWinnersCard, giveawayWinnersView, giveawayWinnersWords, shortHash, type GiveawayWinnersWords } from './giveaway-winners';
import type { GiveawayOnAir, RunnerCore, ShowSnapshot } from './runner.types';

const words: GiveawayWinnersWords = { title: 'Giveaway winners', more: (n) => `+${n} more`, hash: (h) => `Draw hash ${h}` };
const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);

function drawn(winners: string[]): GiveawayOnAir {
  return { segmentId: 'g', prize: 'Cica masks', winnerCount: winners.length, entrantCount: 100, seedHash: hash, winners, drawnAt: '2026-12-01T12:00:00.000Z' };
}

const overlays = { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false };
const snapshot = {
  show: { id: 's', title: 'Show', zone: 'Asia/Shanghai', startAt: '2026-12-01T12:00:00.000Z', targetDurationSec: 600, platforms: [], orientation: 'landscape' as const, hosts: [] },
  segments: [
    { id: 'p', kind: 'product_pitch', title: 'Pitch', plannedSec: 60, productIds: [], sponsored: false, overlays, talkingPoints: [], crewNotes: '', fanGroupText: '' },
    { id: 'g', kind: 'giveaway', title: 'Giveaway', plannedSec: 60, productIds: [], sponsored: false, overlays, talkingPoints: [], crewNotes: '', fanGroupText: '', giveaway: { prize: 'Cica masks', winnerCount: 3 } },
  ],
  products: [],
} satisfies ShowSnapshot;

describe('giveaway winners overlay', () => {
  it('lists the winners in draw order with the prize, title and short hash', () => {
    const view = giveawayWinnersCard(drawn(['bob', 'alice', '小雨']), words);
    expect(view).toEqual({ title: 'Giveaway winners', prize: 'Cica masks', names: ['bob', 'alice', '小雨'], more: 0, moreText: null, hashText: 'Draw hash aaaaaaaa…bbbbbbbb', winnerCount: 3 });
    expect(shortHash('abc')).toBe('abc');
  });

  it('truncates the list with "+N more" and long names with an ellipsis (code points)', () => {
    const view = giveawayWinnersCard(drawn(['😀'.repeat(30), ...Array.from({ length: 14 }, (_, i) => `w${i}`)]), words, { maxNames: 5, maxNameChars: 10 });
    expect(view.names).toHaveLength(5);
    expect(view.names[0]).toBe(`${'😀'.repeat(9)}…`);
    expect(view.more).toBe(10);
    expect(view.moreText).toBe('+10 more');
  });

  it('never loses a winner: shown + more = all', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 20 }), (winners, maxNames) => {
        const view = giveawayWinnersCard(drawn(winners), words, { maxNames });
        expect(view.names.length + view.more).toBe(winners.length);
        expect(view.names.length).toBeLessThanOrEqual(maxNames);
      }),
    );
  });

  it('speaks the overlay locale', () => {
    expect(giveawayWinnersWords('en-US')).toEqual(expect.objectContaining({ title: 'Giveaway winners' }));
    expect(giveawayWinnersCard(drawn(Array.from({ length: 12 }, (_, i) => `w${i}`)), giveawayWinnersWords('zh-CN'))).toMatchObject({ title: '福袋中奖名单', moreText: '等另外 2 位', hashText: '抽奖哈希 aaaaaaaa…bbbbbbbb' });
    expect(giveawayWinnersWords('zh-TW').title).toBe('福袋中獎名單');
  });

  it('shows only while the drawn giveaway segment is on air', () => {
    const core: Pick<RunnerCore, 'snapshot' | 'currentIndex' | 'status' | 'giveaways'> = { snapshot, currentIndex: 1, status: 'live', giveaways: {} };
    expect(giveawayWinnersView(core, words)).toBeNull();
    const withDraw = { ...core, giveaways: { g: drawn(['a', 'b', 'c']) } };
    expect(giveawayWinnersView(withDraw, words)?.names).toEqual(['a', 'b', 'c']);
    expect(giveawayWinnersView({ ...withDraw, status: 'paused' }, words)?.names).toEqual(['a', 'b', 'c']);
    expect(giveawayWinnersView({ ...withDraw, currentIndex: 0 }, words)).toBeNull();
    expect(giveawayWinnersView({ ...withDraw, status: 'ended' }, words)).toBeNull();
  });
});
