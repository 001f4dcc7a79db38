/**
 * Test support: the sample workspace's images (resources/sample/) put into a real asset store, and the sample
 * brand's logo, the way the renderer hands them over (asset hashes), for run-sheet writer tests and for looking at
 * the PDFs. Not part of the app.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSheetInput } from '../../../shared/domain/runsheet';
import type { SampleWorkspace } from '../../../shared/sample/sample-workspace';
import { sampleAssets } from '../../../shared/sample/sample-workspace';
import { createAssetStore, type AssetStore } from '../assets/asset.store';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/sample');
const byId = new Map(Object.values(sampleAssets).map((spec) => [spec.id, spec]));

/** The input with the sample's product images and brand logo as asset hashes, and the store that holds them. */
export async function withSampleImages(input: RunSheetInput, workspace: SampleWorkspace): Promise<{ input: RunSheetInput; store: AssetStore }> {
  const store = createAssetStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'kol-sample-assets-')), 'assets'));
  const hashOf = async (assetId: string | undefined): Promise<string | undefined> => {
    const spec = assetId ? byId.get(assetId) : undefined;
    return spec ? (await store.put(readFileSync(path.join(dir, spec.file)))).hash : undefined;
  };
  const productImages = new Map<string, string>();
  for (const p of workspace.products) {
    const hash = await hashOf(p.imageAssetId);
    if (hash) productImages.set(p.id, hash);
  }
  const logo = await hashOf(input.brand?.logoAssetId);
  return { input: { ...input, productImages, ...(logo ? { brandLogo: logo } : {}) }, store };
}
