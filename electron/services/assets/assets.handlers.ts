/**
 * Handlers of the assets domain (shared/contract/domains/assets.contract.ts): images kept by their SHA-256.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';
import type { AssetStore } from './asset.store';

export function assetsHandlers(assets: AssetStore): HandlersOf<'assets'> {
  return {
    putAsset: async ({ mime, base64 }) => assets.put(Buffer.from(base64, 'base64'), mime),
    findMissingAssets: async (hashes) => ({ missing: await assets.missing(hashes) }),
  };
}
