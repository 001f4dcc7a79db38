import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { Brand, Product } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export interface ProductRow extends Product {
  brandName: string;
}

export function useProductRows(): ProductRow[] | undefined {
  return useLiveQuery(async () => {
    const [products, brands] = await Promise.all([db.products.orderBy('name').toArray(), db.brands.toArray()]);
    const brandNames = new Map(brands.map((b) => [b.id, b.name]));
    return products.map((p) => ({ ...p, brandName: brandNames.get(p.brandId) ?? '—' }));
  }, []);
}

export function useBrands(): Brand[] | undefined {
  return useLiveQuery(() => db.brands.orderBy('name').toArray(), []);
}

/** An object URL for a stored asset (revoked when the component unmounts or the asset changes). */
export function useAssetUrl(assetId: string | undefined): string | undefined {
  const asset = useLiveQuery(() => (assetId ? db.assets.get(assetId) : undefined), [assetId]);
  const url = useMemo(() => (asset ? URL.createObjectURL(asset.data) : undefined), [asset]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}

/** Case-insensitive match on name, SKU and selling points, plus an optional brand filter. */
export function filterProducts(rows: readonly ProductRow[], query: string, brandId: string | null): ProductRow[] {
  const q = query.trim().toLowerCase();
  return rows.filter(
    (p) =>
      (!brandId || p.brandId === brandId) &&
      (q === '' || p.name.toLowerCase().includes(q) || p.sku.toLowerCase().includes(q) || p.sellingPoints.some((s) => s.toLowerCase().includes(q))),
  );
}
