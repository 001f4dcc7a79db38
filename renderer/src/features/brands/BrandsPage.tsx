/**
 * Brands: the agency's clients. Create, edit, duplicate, delete (with undo). A brand still used by campaigns or
 * products is not deleted; the message says why.
 */
import { Image, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Brand } from '../../../../shared/domain/entities';
import { countOf } from '../../components/counts';
import { useLinkedId } from '../../components/linked';
import { db } from '../../db/db';
import { EntityTable } from '../../kit/EntityTable';
import { ListPage } from '../../kit/ListPage';
import { useCrudPage } from '../../kit/useCrudPage';
import { useAssetUrl } from '../products/products.hooks';
import { BrandForm } from './BrandForm';
import { BrandInUseError, deleteBrand, duplicateBrand } from './brands.repo';

function Logo({ brand }: { brand: Brand }) {
  const url = useAssetUrl(brand.logoAssetId);
  return url ? <Image src={url} alt="" w={32} h={32} radius="sm" fit="contain" /> : <IconBuildingStore size={20} opacity={0.4} aria-hidden />;
}

export function BrandsPage() {
  const { t } = useTranslation('brands');
  const brands = useLiveQuery(() => db.brands.orderBy('name').toArray(), []);
  const crud = useCrudPage<Brand>({
    rows: brands,
    ns: 'brands',
    form: (brand, done) => <BrandForm {...(brand ? { brand } : {})} onDone={done} />,
    remove: (b) => deleteBrand(db, b.id),
    duplicate: (b) => duplicateBrand(db, b.id, t('copyName', { name: b.name })),
    explain: (error, b) => (error instanceof BrandInUseError ? { title: t('inUse.title', { name: b.name }), message: t('inUse.message', { campaigns: countOf(t, 'campaigns', error.campaigns), products: countOf(t, 'products', error.products) }) } : undefined),
  });
  // Search links a brand as ?id=: open it in the form.
  useLinkedId(brands !== undefined, (id) => crud.setEditing(brands?.find((b) => b.id === id) ?? null));

  return (
    <ListPage ns="brands" crud={crud} empty={{ icon: <IconBuildingStore />, when: brands?.length === 0 }}>
      <EntityTable
        label={t('title')}
        rows={brands ?? []}
        columns={[
          { header: t('columns.logo'), hidden: true, w: 48, cell: (b) => <Logo brand={b} /> },
          { header: t('columns.name'), cell: (b) => b.name },
          {
            header: t('columns.contacts'),
            cell: (b) =>
              b.contacts.map((c, i) => (
                <Text key={i} size="sm">
                  {[c.name, c.role, c.email].filter(Boolean).join(' · ')}
                </Text>
              )),
          },
          { header: t('columns.notes'), cell: (b) => <Text size="sm" lineClamp={2}>{b.notes}</Text> },
          crud.column,
        ]}
      />
    </ListPage>
  );
}
