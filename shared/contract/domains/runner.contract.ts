/**
 * The runner domain's slice of the contract: the show runner in the main process (load, commands, snapshot,
 * resume after a crash), and why it refuses a command. Handlers: electron/services/runner/runner.handlers.ts.
 * Invariant: a refusal crosses as a StudioError with code 'refused' and data { reason, command } (reasons
 * below); the renderer words it in the user's language from those, never from the runner's English message.
 */
import { z } from 'zod';
import type { SalesEntry } from '../../domain/entities';
import type { RunnerSnapshotMessage } from '../../runner/runner.types';
import { showSnapshotSchema } from '../../runner/runner.types';
import { returns } from '../define';
import { runnerCommandSchema, runnerLoadOptionsSchema, type ResumeOffer } from '../runner.schema';

/** Why the runner refused a command. */
export const runnerRefusalReasons = [
  'invalid_snapshot',
  'not_loaded',
  'wrong_status',
  'out_of_range',
  'bad_argument',
  'no_deal',
  'no_countdown',
  'countdown_running',
  'countdown_not_running',
  'already_sold_out',
  'not_giveaway',
  'already_drawn',
  'no_beat',
  'beat_fired',
  'nothing_to_resume',
] as const;
export type RunnerRefusalReason = (typeof runnerRefusalReasons)[number];

export const runnerContract = {
  runnerLoad: returns<RunnerSnapshotMessage>().action(z.tuple([showSnapshotSchema, runnerLoadOptionsSchema])),
  runnerCommand: returns<{ revision: number }>().action(z.tuple([runnerCommandSchema])),
  /** null until a show is loaded. */
  getRunnerSnapshot: returns<RunnerSnapshotMessage | null>().read(z.tuple([])),
  /** The live sales entries of the run loaded now, in the order recorded (saved with the run when it ends). */
  getRunSales: returns<SalesEntry[]>().read(z.tuple([])),
  findResumableShow: returns<ResumeOffer>().read(z.tuple([])),
  resumeShow: returns<RunnerSnapshotMessage>().action(z.tuple([])),
};
