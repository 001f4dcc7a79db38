import { ActionIcon, Button, Drawer, Group, Image, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPackage, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Product } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { CsvImportButton } from '../exchange/CsvImportButton';
import { notifyDeleted } from '../../components/undo';
import { currentLocale } from '../../i18n/i18n';
import { db } from '../../db/db';
import { ProductForm } from './ProductForm';
import { filterProducts, useAssetUrl, useBrands, useProductRows, type ProductRow } from './products.hooks';
import { deleteProduct } from './products.repo';

function Thumb({ product }: { product: Product }) {
  const url = useAssetUrl(product.imageAssetId);
  return url ? <Image src={url} alt="" w={36} h={36} radius="sm" fit="cover" /> : <IconPackage size={20} opacity={0.4} aria-hidden />;
}

export function ProductsPage() {
  const { t } = useTranslation('products');
  const { t: tc } = useTranslation('common');
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
  const [editing, setEditing] = useState<ProductRow | 'new' | null>(null);
  const visible = useMemo(() => filterProducts(rows ?? [], query, brandId), [rows, query, brandId]);

  const remove = async (p: ProductRow) => notifyDeleted(p.name, await deleteProduct(db, p.id));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group gap="xs">
            <CsvImportButton kind="products" />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('new')}
            </Button>
          </Group>
        }
      />
      <Group mb="md">
        <TextInput aria-label={t('search')} placeholder={t('searchPlaceholder')} leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
        <Select aria-label={t('filterBrand')} placeholder={t('allBrands')} clearable data={(brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={setBrandId} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows ? t('shown', { visible: visible.length, total: rows.length }) : ''}
        </Text>
      </Group>
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconPackage />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label={t('table.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <VisuallyHidden>{t('table.image')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('table.product')}</Table.Th>
              <Table.Th>{t('table.sku')}</Table.Th>
              <Table.Th>{t('table.brand')}</Table.Th>
              <Table.Th ta="right">{t('table.listPrice')}</Table.Th>
              <Table.Th ta="right">{t('table.stock')}</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Thumb product={p} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.name}</Text>
                  {p.variantNotes ? (
                    <Text size="xs" c="dimmed">
                      {p.variantNotes}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{p.sku}</Table.Td>
                <Table.Td>{p.brandName}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.listPrice, currentLocale())}</Table.Td>
                <Table.Td ta="right">{p.stockOnHand}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('edit', { name: p.name })} onClick={() => setEditing(p)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('delete', { name: p.name })} onClick={() => void remove(p)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }} title={editing === 'new' ? t('new') : editing ? t('edit', { name: editing.name }) : ''}>
        {editing !== null ? <ProductForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { product: editing })} onDone={() => setEditing(null)} /> : null}
      </Drawer>
    </>
  );
}
