/** Products: the catalog, searchable by name, SKU or selling point and filtered by brand. Create, edit, delete (with undo). */
import { Group, Image, Select, Text, TextInput } from '@mantine/core';
import { IconPackage, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Product } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { CsvImportButton } from '../exchange/CsvImportButton';
import { currentLocale } from '../../i18n/i18n';
import { db } from '../../db/db';
import { EntityTable } from '../../kit/EntityTable';
import { ListPage } from '../../kit/ListPage';
import { useCrudPage } from '../../kit/useCrudPage';
import { ProductForm } from './ProductForm';
import { filterProducts, useAssetUrl, useBrands, useProductRows, type ProductRow } from './products.hooks';
import { deleteProduct } from './products.repo';

function Thumb({ product }: { product: Product }) {
  const url = useAssetUrl(product.imageAssetId);
  return url ? <Image src={url} alt="" w={36} h={36} radius="sm" fit="cover" /> : <IconPackage size={20} opacity={0.4} aria-hidden />;
}

export function ProductsPage() {
  const { t } = useTranslation('products');
  const rows = useProductRows();
  const brands = useBrands();
  // Search opens this page as /products?q=<SKU>: the list filters to that product (also when already open).
  const [params] = useSearchParams();
  const linked = params.get('q');
  const [query, setQuery] = useState(linked ?? '');
  const [lastLinked, setLastLinked] = useState(linked);
  if (linked !== lastLinked) {
    setLastLinked(linked);
    if (linked !== null) setQuery(linked);
  }
  const [brandId, setBrandId] = useState<string | null>(null);
  const visible = useMemo(() => filterProducts(rows ?? [], query, brandId), [rows, query, brandId]);
  const crud = useCrudPage<ProductRow>({
    rows: rows,
    ns: 'products',
    form: (product, done) => <ProductForm {...(product ? { product } : {})} onDone={done} />,
    drawerSize: 'lg',
    remove: (p) => deleteProduct(db, p.id),
    keys: { edit: 'edit', delete: 'delete', actions: 'table.actions' },
  });

  return (
    <ListPage
      ns="products"
      crud={crud}
      actions={<CsvImportButton kind="products" />}
      filters={
        <Group mb="md">
          <TextInput aria-label={t('search')} placeholder={t('searchPlaceholder')} leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
          <Select aria-label={t('filterBrand')} placeholder={t('allBrands')} clearable data={(brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={setBrandId} />
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows ? t('shown', { visible: visible.length, total: rows.length }) : ''}
          </Text>
        </Group>
      }
      empty={{ icon: <IconPackage />, when: rows?.length === 0 }}
    >
      <EntityTable
        label={t('table.label')}
        rows={visible}
        columns={[
          { header: t('table.image'), hidden: true, w: 48, cell: (p) => <Thumb product={p} /> },
          {
            header: t('table.product'),
            cell: (p) => (
              <>
                <Text size="sm">{p.name}</Text>
                {p.variantNotes ? <Text size="xs" c="dimmed">{p.variantNotes}</Text> : null}
              </>
            ),
          },
          { header: t('table.sku'), cell: (p) => p.sku },
          { header: t('table.brand'), cell: (p) => p.brandName },
          { header: t('table.listPrice'), right: true, cell: (p) => formatMoney(p.listPrice, currentLocale()) },
          { header: t('table.stock'), right: true, cell: (p) => p.stockOnHand },
          crud.column,
        ]}
      />
    </ListPage>
  );
}
