/**
 * The frame of a list page: header with title, description, the page's own actions and "New …"; then filters,
 * then either the empty state (when there is nothing at all) or the list; then `after`.
 */
import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import type { CrudPage } from './useCrudPage';

interface Props {
  /** The page's namespace: its `title`, `description`, `new`, `empty.title` and `empty.body` are shown. */
  ns: string;
  /** An entity list (useCrudPage): "New …" opens its drawer, which is mounted after the list. */
  crud?: Pick<CrudPage<never>, 'setEditing' | 'drawer'>;
  /** Otherwise: what "New …" does, and what is shown after the list. */
  onNew?: () => void;
  /** Buttons before "New …" (e.g. CSV import). */
  actions?: ReactNode;
  /** Shown between the header and the list (filters). */
  filters?: ReactNode;
  empty: { icon: ReactNode; when: boolean };
  /** Always shown after the list, also on an empty page (more sections, a dialog). */
  after?: ReactNode;
  children: ReactNode;
}

export function ListPage({ ns, crud, onNew, actions, filters, empty, after, children }: Props) {
  const { t } = useTranslation(ns);
  return (
    <>
      <PageHeader
        ns={ns}
        actions={
          <Group gap="xs">
            {actions}
            <Button leftSection={<IconPlus size={16} />} onClick={() => (crud ? crud.setEditing('new') : onNew?.())}>
              {t('new')}
            </Button>
          </Group>
        }
      />
      {filters}
      {empty.when ? (
        <EmptyState icon={empty.icon} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        children
      )}
      {crud?.drawer}
      {after}
    </>
  );
}
