/**
 * Test support: the sample workspace's images (resources/sample/) as data: URLs keyed by product id, and the
 * sample brand's logo, for run-sheet writer tests and for looking at the PDFs. Not part of the app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSheetInput } from '../../../shared/domain/runsheet';
import type { SampleWorkspace } from '../../../shared/sample/sample-workspace';
import { sampleAssets } from '../../../shared/sample/sample-workspace';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/sample');
const byId = new Map(Object.values(sampleAssets).map((spec) => [spec.id, spec]));

export function sampleAssetDataUrl(assetId: string | undefined): string | undefined {
  const spec = assetId ? byId.get(assetId) : undefined;
  return spec ? `data:${spec.mime};base64,${readFileSync(path.join(dir, spec.file)).toString('base64')}` : undefined;
}

/** The input with the sample's product images and brand logo, as the renderer hands them over. */
export function withSampleImages(input: RunSheetInput, workspace: SampleWorkspace): RunSheetInput {
  const productImages = new Map<string, string>();
  for (const p of workspace.products) {
    const url = sampleAssetDataUrl(p.imageAssetId);
    if (url) productImages.set(p.id, url);
  }
  const logo = sampleAssetDataUrl(input.brand?.logoAssetId);
  return { ...input, productImages, ...(logo ? { brandLogo: logo } : {}) };
}
