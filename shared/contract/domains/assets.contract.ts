/**
 * The assets domain's slice of the contract: images kept by their SHA-256 for overlays and exports.
 * Handlers: electron/services/assets/assets.handlers.ts.
 */
import { z } from 'zod';
import { returns } from '../define';
import { assetHashListSchema, putAssetArgsSchema, type PutAssetResult } from '../assets.schema';

export const assetsContract = {
  /** Keeps an image (png, jpeg, webp; checked by its bytes) by its SHA-256; putting it again is a no-op. */
  putAsset: returns<PutAssetResult>().action(z.tuple([putAssetArgsSchema])),
  /** Which of these asset hashes the services do not hold yet (upload only those). */
  findMissingAssets: returns<{ missing: string[] }>().action(z.tuple([assetHashListSchema])),
};
