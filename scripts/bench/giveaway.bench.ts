/**
 * Giveaway draw benchmark (pure code, no browser).
 * - giveaway_draw_100k_ms: `drawWinners` over 100,000 entrants in shuffled order (make the list canonical: sort and
 *   de-duplicate; hash the list; commit; draw 100 winners by the HMAC-SHA256 stream and a partial Fisher–Yates),
 *   median of 9 runs after one warm-up. Target ≤ 200.
 * - giveaway_sort_100k_baseline_ms: sorting the same 100,000 strings with the default `sort()`, same run, and
 *   giveaway_draw_100k_ratio_vs_sort (what the draw costs over the sort it cannot avoid).
 * - giveaway_draw_100k_sorted_ms: the same draw over the list as the console hands it over (already sorted and
 *   unique, as collectEntrants makes it), median of 9;
 * - giveaway_entrants_100k_ms: reading 100,000 pasted lines (normalise, merge duplicates, sort), median of 9.
 * Run alone: `npx tsx scripts/bench/giveaway.bench.ts`.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { commitSeed, drawWinners, parseEntrantLines } from '../../shared/domain/giveaway';
import { median, round } from './stats';

const ENTRANTS = 100_000;
const WINNERS = 100;
const RUNS = 9;

function entrantList(): string[] {
  // Handles as a live comment export has them: Latin and CJK, in no order.
  const list = Array.from({ length: ENTRANTS }, (_, i) => (i % 3 === 0 ? `观众${i.toString(36)}` : `viewer_${i.toString(36)}`));
  for (let i = list.length - 1; i > 0; i--) {
    const j = (i * 2654435761) % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function timed(fn: () => unknown): number[] {
  fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

export function runGiveawayBench(): Record<string, number> {
  const entrants = entrantList();
  const draw = timed(() => {
    const commitment = commitSeed();
    const now = new Date().toISOString();
    const record = drawWinners({ segmentId: 'bench', prize: 'Bench prize', entrants, winnerCount: WINNERS, commitment, committedAt: now, drawnAt: now });
    if (record.winners.length !== WINNERS) throw new Error('the draw gave the wrong number of winners');
  });
  const canonical = [...new Set(entrants)].sort();
  const drawSorted = timed(() => {
    const now = new Date().toISOString();
    drawWinners({ segmentId: 'bench', prize: 'Bench prize', entrants: canonical, winnerCount: WINNERS, commitment: commitSeed(), committedAt: now, drawnAt: now });
  });
  const sort = timed(() => [...entrants].sort());
  const pasted = entrants.map((e, i) => (i % 10 === 0 ? `@${e.toUpperCase()}` : e)).join('\n');
  const paste = timed(() => parseEntrantLines(pasted));
  const drawMs = median(draw);
  const sortMs = median(sort);
  return {
    giveaway_draw_100k_ms: round(drawMs),
    giveaway_sort_100k_baseline_ms: round(sortMs),
    giveaway_draw_100k_ratio_vs_sort: round(drawMs / sortMs, 2),
    giveaway_draw_100k_sorted_ms: round(median(drawSorted)),
    giveaway_entrants_100k_ms: round(median(paste)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(runGiveawayBench());
}
