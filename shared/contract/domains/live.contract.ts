/**
 * The live domain's slice of the contract: what is checked before going live. Handlers:
 * electron/services/live/live.handlers.ts.
 */
import { z } from 'zod';
import type { PreflightReport } from '../../domain/preflight';
import { showSnapshotSchema } from '../../runner/runner.types';
import { returns } from '../define';

export const liveContract = {
  /** The checklist before going live (read-only): OBS, scenes, outputs, overlay pages, the show's flags. */
  getPreflight: returns<PreflightReport>().action(z.tuple([showSnapshotSchema])),
};
