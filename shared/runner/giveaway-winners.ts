/**
 * What the giveaway winners overlay shows: one pure rule for the overlay pages (and any console preview), from the
 * runner's state. The page renders it as given; it decides nothing.
 *
 * Invariants:
 * - pure (no clock, no I/O, no DOM); the words come in through `words` (giveawayWinnersWords(locale) gives them in
 *   the overlay's locale, as overlay-text.ts does for the deal words);
 * - shown only while the segment on air is a giveaway that has been drawn (`giveaways[segment.id]`), and the
 *   show has not ended; otherwise `null` (the overlay is hidden);
 * - names are listed in draw order, at most `maxNames`; the rest is counted in `more` ("+N more"), never dropped
 *   silently: names.length + more === winners.length;
 * - each name is cut to `maxNameChars` characters (code points, not UTF-16 halves) with "…", so one long handle
 *   cannot push the card out of the safe zone;
 * - the seed hash is shown shortened (first 8 … last 8 hex digits): enough for a viewer to match it with the one
 *   shown before the draw, which the console and the report show in full.
 */
import type { GiveawayOnAir, RunnerCore } from './runner.types';

export interface GiveawayWinnersWords {
  /** E.g. "Giveaway winners" / "福袋中奖名单". */
  title: string;
  /** E.g. (n) => `+${n} more` / `等 ${n} 位`. */
  more: (n: number) => string;
  /** E.g. (hash) => `Draw hash ${hash}` / `抽奖哈希 ${hash}`. */
  hash: (shortHash: string) => string;
}

const english: GiveawayWinnersWords = { title: 'Giveaway winners', more: (n) => `+${n} more`, hash: (h) => `Draw hash ${h}` };
const simplified: GiveawayWinnersWords = { title: '福袋中奖名单', more: (n) => `等另外 ${n} 位`, hash: (h) => `抽奖哈希 ${h}` };
const traditional: GiveawayWinnersWords = { title: '福袋中獎名單', more: (n) => `等另外 ${n} 位`, hash: (h) => `抽獎雜湊 ${h}` };

/** The winners card's words in the overlay's locale, picked exactly as overlayStrings() picks the deal words. */
export function giveawayWinnersWords(locale: string): GiveawayWinnersWords {
  const tag = locale.toLowerCase();
  if (tag === 'zh-tw' || tag === 'zh-hk' || tag.startsWith('zh-hant')) return traditional;
  if (tag.startsWith('zh')) return simplified;
  return english;
}

export interface GiveawayWinnersView {
  title: string;
  prize: string;
  /** Names in draw order, cut to maxNameChars. */
  names: string[];
  /** Winners not listed; 0 when all fit. */
  more: number;
  /** The "+N more" line; null when more is 0. */
  moreText: string | null;
  /** "Draw hash 1a2b3c4d…9f8e7d6c". */
  hashText: string;
  winnerCount: number;
}

export interface GiveawayWinnersOptions {
  /** Default 10 (a 9:16 picture fits 10 lines in its safe zone). */
  maxNames?: number;
  /** Default 24. */
  maxNameChars?: number;
}

export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

function cut(name: string, max: number): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : name;
}

/** The winners card of a given draw. */
export function giveawayWinnersCard(drawn: GiveawayOnAir, words: GiveawayWinnersWords, options: GiveawayWinnersOptions = {}): GiveawayWinnersView {
  const maxNames = Math.max(1, options.maxNames ?? 10);
  const maxNameChars = Math.max(2, options.maxNameChars ?? 24);
  const shown = drawn.winners.slice(0, maxNames).map((name) => cut(name, maxNameChars));
  const more = drawn.winners.length - shown.length;
  return {
    title: words.title,
    prize: drawn.prize,
    names: shown,
    more,
    moreText: more > 0 ? words.more(more) : null,
    hashText: words.hash(shortHash(drawn.seedHash)),
    winnerCount: drawn.winnerCount,
  };
}

/** The winners overlay for the runner's state: the card of the giveaway on air once drawn, else null. */
export function giveawayWinnersView(
  core: Pick<RunnerCore, 'snapshot' | 'currentIndex' | 'status' | 'giveaways'>,
  words: GiveawayWinnersWords,
  options: GiveawayWinnersOptions = {},
): GiveawayWinnersView | null {
  if (core.status === 'ended' || core.status === 'idle') return null;
  const segment = core.snapshot?.segments[core.currentIndex];
  if (!segment || segment.kind !== 'giveaway') return null;
  const drawn = core.giveaways[segment.id];
  return drawn ? giveawayWinnersCard(drawn, words, options) : null;
}
