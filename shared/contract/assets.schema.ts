/**
 * Assets (product images, later brand logos) as they cross the contract: uploaded once with `putAsset`, asked
 * about with `findMissingAssets`, then referred to by their SHA-256 (`imageHash`) in snapshots and run-sheets.
 * Invariant: bounded like every argument (limits.ts); the services check the bytes' real type, not only `mime`.
 */
import { z } from 'zod';
import { ASSET_HASH_PATTERN, MAX_ASSET_BASE64_CHARS, MAX_ASSET_HASHES, assetMimeTypes } from './limits';

export const assetHashSchema = z.string().regex(ASSET_HASH_PATTERN, 'must be a SHA-256 in lowercase hex (64 characters)');

export const putAssetArgsSchema = z.strictObject({
  mime: z.enum(assetMimeTypes),
  /** The image's bytes, base64 (standard alphabet, padded). */
  base64: z
    .string()
    .min(4)
    .max(MAX_ASSET_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
});
export type PutAssetArgs = z.infer<typeof putAssetArgsSchema>;

export const assetHashListSchema = z.array(assetHashSchema).max(MAX_ASSET_HASHES);

export interface PutAssetResult {
  hash: string;
  mime: (typeof assetMimeTypes)[number];
  size: number;
}
