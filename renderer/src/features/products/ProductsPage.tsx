import { ActionIcon, Button, Drawer, Group, Image, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPackage, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Product } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { CsvImportButton } from '../exchange/CsvImportButton';
import { notifyDeleted } from '../../components/undo';
import { db } from '../../db/db';
import { ProductForm } from './ProductForm';
import { filterProducts, useAssetUrl, useBrands, useProductRows, type ProductRow } from './products.hooks';
import { deleteProduct } from './products.repo';

function Thumb({ product }: { product: Product }) {
  const url = useAssetUrl(product.imageAssetId);
  return url ? <Image src={url} alt="" w={36} h={36} radius="sm" fit="cover" /> : <IconPackage size={20} opacity={0.4} aria-hidden />;
}

export function ProductsPage() {
  const rows = useProductRows();
  const brands = useBrands();
  const [query, setQuery] = useState('');
  const [brandId, setBrandId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProductRow | 'new' | null>(null);
  const visible = useMemo(() => filterProducts(rows ?? [], query, brandId), [rows, query, brandId]);

  const remove = async (p: ProductRow) => notifyDeleted(p.name, await deleteProduct(db, p.id));

  return (
    <>
      <PageHeader
        title="Products"
        description="The catalog your shows sell from."
        actions={
          <Group gap="xs">
            <CsvImportButton kind="products" />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              New product
            </Button>
          </Group>
        }
      />
      <Group mb="md">
        <TextInput aria-label="Search products" placeholder="Search name, SKU, selling point" leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
        <Select aria-label="Filter by brand" placeholder="All brands" clearable data={(brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={setBrandId} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows ? `${visible.length} of ${rows.length}` : ''}
        </Text>
      </Group>
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconPackage />} title="No products yet">
          Add the products your shows will sell: price, stock, selling points and an image for the deal card.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <VisuallyHidden>Image</VisuallyHidden>
              </Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>SKU</Table.Th>
              <Table.Th>Brand</Table.Th>
              <Table.Th ta="right">List price</Table.Th>
              <Table.Th ta="right">Stock</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
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
                <Table.Td ta="right">{formatMoney(p.listPrice)}</Table.Td>
                <Table.Td ta="right">{p.stockOnHand}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${p.name}`} onClick={() => void remove(p)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="lg" title={editing === 'new' ? 'New product' : editing ? `Edit ${editing.name}` : ''}>
        {editing !== null ? <ProductForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { product: editing })} onDone={() => setEditing(null)} /> : null}
      </Drawer>
    </>
  );
}
