/**
 * What a list page of editable entities shares: which entity is open (`editing`), its drawer (entity-drawer),
 * and the rows' edit / duplicate / delete actions as the table's last column. Labels come from the page's
 * namespace ("New …", "Edit {{name}}", "Delete {{name}}"…); failures are titled by its `errors.delete` and
 * `errors.duplicate`; a delete offers its undo (entity-actions.ts). `explain` turns a repo's refusal (still in
 * use) into its own sentence.
 */
import { IconCopy, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityDrawer, useEditing, type Editing } from './EntityDrawer';
import { deleteWithUndo, runAction } from './entity-actions';
import type { Column } from './EntityTable';
import { RowActions, type RowAction } from './RowActions';

interface Named {
  id: string;
  name: string;
}

interface Options<T extends Named> {
  ns: string;
  remove(row: T): Promise<() => Promise<void>>;
  duplicate?: (row: T) => Promise<unknown>;
  explain?: (error: unknown, row: T) => { title: string; message: string } | undefined;
  /** The form in the drawer: for 'new' the entity is undefined; `done` closes the drawer. */
  form(entity: T | undefined, done: () => void): ReactNode;
  drawerSize?: 'lg' | 'xl';
  /** Label keys when the page names them otherwise. */
  keys?: { edit: string; delete: string; actions: string };
  /** The page's live rows: the open drawer follows its entity's changes made elsewhere (useEntityForm's version). */
  rows?: readonly T[] | undefined;
}

export interface CrudPage<T> {
  editing: Editing<T>;
  setEditing(editing: Editing<T>): void;
  column: Column<T>;
  drawer: ReactNode;
}

export function useCrudPage<T extends Named>({ ns, remove, duplicate, explain, form, drawerSize = 'xl', keys = { edit: 'editNamed', delete: 'deleteNamed', actions: 'columns.actions' }, rows }: Options<T>): CrudPage<T> {
  const { t } = useTranslation(ns);
  const [editing, setEditing] = useEditing<T>();
  const close = () => setEditing(null);
  // The open entity as it is now (a row deleted elsewhere keeps the form on what it had).
  const open = editing !== null && editing !== 'new' ? (rows?.find((row) => row.id === editing.id) ?? editing) : editing;
  const actionsFor = (row: T): RowAction[] => [
    { label: t(keys.edit, { name: row.name }), icon: <IconPencil size={16} />, onClick: () => setEditing(row) },
    ...(duplicate ? [{ label: t('duplicateNamed', { name: row.name }), icon: <IconCopy size={16} />, onClick: () => void runAction(() => duplicate(row), t('errors.duplicate')) }] : []),
    { label: t(keys.delete, { name: row.name }), icon: <IconTrash size={16} />, danger: true, onClick: () => void deleteWithUndo(row.name, () => remove(row), t('errors.delete'), explain && ((error) => explain(error, row))) },
  ];
  return {
    editing,
    setEditing,
    column: { header: t(keys.actions), hidden: true, w: duplicate ? 120 : 90, cell: (row) => <RowActions actions={actionsFor(row)} /> },
    drawer: (
      <EntityDrawer editing={open} onClose={close} size={drawerSize} newTitle={t('new')} editTitle={(row) => t(keys.edit, { name: row.name })} idOf={(row) => row.id}>
        {(entity) => form(entity, close)}
      </EntityDrawer>
    ),
  };
}
