/**
 * The drawer that edits one entity of a list page, or creates one ('new'). Its title is the page's "New …" or
 * "Edit <name>"; the form inside is keyed by the entity, so opening another starts clean. `useEditing` holds
 * which entity is open.
 */
import { Drawer, Loader } from '@mantine/core';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Editing<T> = T | 'new' | null;

export function useEditing<T>() {
  return useState<Editing<T>>(null);
}

interface Props<T> {
  editing: Editing<T>;
  onClose(): void;
  newTitle: string;
  editTitle(entity: T): string;
  idOf(entity: T): string;
  size?: 'lg' | 'xl';
  /** The form: for 'new' the entity is undefined. */
  children(entity: T | undefined): ReactNode;
}

export function EntityDrawer<T>({ editing, onClose, newTitle, editTitle, idOf, size = 'xl', children }: Props<T>) {
  const { t } = useTranslation('common');
  const title = editing === 'new' ? newTitle : editing !== null ? editTitle(editing) : '';
  return (
    <Drawer opened={editing !== null} onClose={onClose} position="right" size={size} closeButtonProps={{ 'aria-label': t('actions.close') }} title={title}>
      {editing !== null ? (
        <Suspense fallback={<Loader aria-label={t('loading')} m="md" />}>
          <div key={editing === 'new' ? 'new' : idOf(editing)}>{children(editing === 'new' ? undefined : editing)}</div>
        </Suspense>
      ) : null}
    </Drawer>
  );
}
