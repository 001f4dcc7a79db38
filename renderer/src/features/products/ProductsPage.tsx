import { Table } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useProductRows } from './products.hooks';

export function ProductsPage() {
  const rows = useProductRows();
  return (
    <>
      <PageHeader title="Products" description="The catalog your shows sell from." />
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconPackage />} title="No products yet">
          The product catalog editor arrives with the run-of-show planner.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>SKU</Table.Th>
              <Table.Th>Brand</Table.Th>
              <Table.Th ta="right">List price</Table.Th>
              <Table.Th ta="right">Stock</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.sku}</Table.Td>
                <Table.Td>{p.brandName}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.listPrice)}</Table.Td>
                <Table.Td ta="right">{p.stockOnHand}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
