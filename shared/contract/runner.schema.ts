/**
 * Show-runner commands as they cross the contract: one validated union, so every door (IPC, WebSocket,
 * later the phone console) accepts exactly the same commands with bounded arguments.
 */
import { z } from 'zod';
import { giveawayDrawnSchema } from '../runner/runner.types';
import { recordSaleSchema } from '../runner/live-sales';

export const runnerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('previous') }),
  z.strictObject({ type: z.literal('jumpTo'), index: z.number().int().nonnegative().max(10_000) }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('adjustTime'), deltaSec: z.number().int().min(-3600).max(3600) }),
  z.strictObject({ type: z.literal('startCountdown') }),
  z.strictObject({ type: z.literal('stopCountdown') }),
  z.strictObject({ type: z.literal('setStockLeft'), units: z.number().int().nonnegative().max(10_000_000) }),
  z.strictObject({ type: z.literal('markSoldOut') }),
  // The next unfired beat of the segment on air, or the named one.
  z.strictObject({ type: z.literal('fireBeat'), beatId: z.string().min(1).max(200).optional() }),
  z.strictObject({ type: z.literal('end') }),
  // The result of a giveaway draw made on a console (shared/domain/giveaway.ts): winners and the committed hash.
  z.strictObject({ type: z.literal('giveawayDrawn'), ...giveawayDrawnSchema.shape }),
  // A live sales entry (场控): units of a product or deal, viewers, or a note (shared/runner/live-sales.ts). Who
  // entered it is not an argument: the door that received it says (desktop, or the phone's role).
  z.strictObject({ type: z.literal('recordSale'), entry: recordSaleSchema }),
]);
export type RunnerCommandRequest = z.infer<typeof runnerCommandSchema>;

export const runnerLoadOptionsSchema = z.strictObject({ rehearsal: z.boolean() });

export interface ResumableShow {
  title: string;
  status: 'live' | 'paused';
  /** 0-based index of the segment the show was at. */
  segmentIndex: number;
  segmentTitle: string;
  rehearsal: boolean;
}

export interface ResumeOffer {
  resumable: ResumableShow | null;
  /** Set when the journal on disk could not be read; it was moved aside, not deleted. */
  corrupt?: string;
}
