import { useLiveQuery } from 'dexie-react-hooks';
import type { Product } from '../../../../shared/domain/entities';
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
