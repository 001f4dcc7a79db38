/**
 * The sample workspace's images (brand logos, product shots) as Asset rows, from the small files in
 * resources/sample/ that shared/sample/sample-workspace.ts lists in `sampleAssets`.
 * Invariants: the files are bundled inline (`?inline` data: URLs, loaded on demand in their own chunk) and
 * decoded here without fetch, so the renderer's CSP (`connect-src 'self'`) is untouched; ids are the fixed
 * `sample-asset-…` ids, so loading the sample twice replaces the same rows.
 */
import type { Asset } from '../../../shared/domain/entities';
import { base64ToBytes } from '../../../shared/exchange/base64';
import { sampleAssets } from '../../../shared/sample/sample-workspace';

const files = import.meta.glob<string>('../../../resources/sample/*.{png,jpg}', { query: '?inline', import: 'default' });

/** The sample's images as Asset rows stamped `now`. */
export async function sampleAssetRows(now: Date): Promise<Asset[]> {
  const stamp = now.toISOString();
  return Promise.all(
    Object.values(sampleAssets).map(async (spec): Promise<Asset> => {
      const load = files[`../../../resources/sample/${spec.file}`];
      if (!load) throw new Error(`The sample image ${spec.file} is missing from resources/sample.`);
      const dataUrl = await load();
      const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      return { id: spec.id, name: spec.name, mime: spec.mime, data: new Blob([base64ToBytes(base64)], { type: spec.mime }), createdAt: stamp, updatedAt: stamp };
    }),
  );
}
