/**
 * Brands: the agency's clients. Create, edit, duplicate, delete (with undo). A brand still used by campaigns or
 * products is not deleted; the message says why.
 */
import { ActionIcon, Button, Drawer, Group, Image, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBuildingStore, IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand } from '../../../../shared/domain/entities';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { useAssetUrl } from '../products/products.hooks';
import { BrandForm } from './BrandForm';
import { BrandInUseError, deleteBrand, duplicateBrand } from './brands.repo';
import { countOf } from '../../components/counts';
import { useLinkedId } from '../../components/linked';

function Logo({ brand }: { brand: Brand }) {
  const url = useAssetUrl(brand.logoAssetId);
  return url ? <Image src={url} alt="" w={32} h={32} radius="sm" fit="contain" /> : <IconBuildingStore size={20} opacity={0.4} aria-hidden />;
}

export function BrandsPage() {
  const { t } = useTranslation('brands');
  const brands = useLiveQuery(() => db.brands.orderBy('name').toArray(), []);
  const [editing, setEditing] = useState<Brand | 'new' | null>(null);
  // Search links a brand as ?id=: open it in the form.
  useLinkedId(brands !== undefined, (id) => setEditing(brands?.find((b) => b.id === id) ?? null));

  const remove = async (b: Brand) => {
    try {
      notifyDeleted(b.name, await deleteBrand(db, b.id));
    } catch (error) {
      if (error instanceof BrandInUseError) notifyError(t('inUse.title', { name: b.name }), new Error(t('inUse.message', { campaigns: countOf(t, 'campaigns', error.campaigns), products: countOf(t, 'products', error.products) })));
      else notifyError(t('errors.delete'), error);
    }
  };
  const duplicate = async (b: Brand) => {
    try {
      await duplicateBrand(db, b.id, t('copyName', { name: b.name }));
    } catch (error) {
      notifyError(t('errors.duplicate'), error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        }
      />
      {brands && brands.length === 0 ? (
        <EmptyState icon={<IconBuildingStore />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label={t('title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <VisuallyHidden>{t('columns.logo')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.contacts')}</Table.Th>
              <Table.Th>{t('columns.notes')}</Table.Th>
              <Table.Th w={120}>
                <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {brands?.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  <Logo brand={b} />
                </Table.Td>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td>
                  {b.contacts.map((c, i) => (
                    <Text key={i} size="sm">
                      {c.name}
                      {c.role ? ` · ${c.role}` : ''}
                      {c.email ? ` · ${c.email}` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {b.notes}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('editNamed', { name: b.name })} onClick={() => setEditing(b)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('duplicateNamed', { name: b.name })} onClick={() => void duplicate(b)}>
                      <IconCopy size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('deleteNamed', { name: b.name })} onClick={() => void remove(b)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="xl" title={editing === 'new' ? t('new') : editing ? t('editNamed', { name: editing.name }) : ''}>
        {editing !== null ? <BrandForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { brand: editing })} onDone={() => setEditing(null)} /> : null}
      </Drawer>
    </>
  );
}
