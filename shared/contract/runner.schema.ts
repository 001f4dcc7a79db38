/**
 * Show-runner commands as they cross the contract: one validated union, so every door (IPC, WebSocket,
 * later the phone console) accepts exactly the same commands with bounded arguments.
 */
import { z } from 'zod';

export const runnerCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('jumpTo'), index: z.number().int().nonnegative().max(10_000) }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('adjustTime'), deltaSec: z.number().int().min(-3600).max(3600) }),
  z.object({ type: z.literal('startCountdown') }),
  z.object({ type: z.literal('stopCountdown') }),
  z.object({ type: z.literal('setStockLeft'), units: z.number().int().nonnegative().max(10_000_000) }),
  z.object({ type: z.literal('markSoldOut') }),
  z.object({ type: z.literal('end') }),
]);
export type RunnerCommandRequest = z.infer<typeof runnerCommandSchema>;

export const runnerLoadOptionsSchema = z.object({ rehearsal: z.boolean() });

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
