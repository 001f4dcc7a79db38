/**
 * The content item editor in a drawer, used by the calendar and the campaign page. `target` is "new" (with
 * optional defaults) or the id of an item to edit; duplicate and delete (with undo) live in its footer.
 */
import { Button, Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { deleteContentItem, duplicateContentItem } from './content.repo';
import { useContentItem, useUserName } from './content.hooks';
import { ContentItemForm, type ContentDefaults } from './ContentItemForm';
import { ContentResultsEditor } from '../campaign-results/ContentResultsEditor';

export type ContentTarget = { kind: 'new'; defaults?: ContentDefaults } | { kind: 'edit'; id: string } | null;

export function ContentItemDrawer({ target, onChange }: { target: ContentTarget; onChange(target: ContentTarget): void }) {
  const { t } = useTranslation('content');
  const item = useContentItem(target?.kind === 'edit' ? target.id : undefined);
  const userName = useUserName();
  const close = () => onChange(null);
  const editing = target?.kind === 'edit' ? item : undefined;
  const title = target?.kind === 'new' ? t('new') : t('edit');

  const duplicate = async (id: string) => {
    try {
      const copy = await duplicateContentItem(db, id, userName ?? '');
      onChange({ kind: 'edit', id: copy });
    } catch (error) {
      notifyError(t('errors.duplicate'), error);
    }
  };
  const remove = async (id: string) => {
    notifyDeleted(t('deletedWhat'), await deleteContentItem(db, id));
    close();
  };

  return (
    <Drawer opened={target !== null} onClose={close} position="right" size="lg" title={title}>
      {target?.kind === 'new' ? <ContentItemForm key="new" {...(target.defaults ? { defaults: target.defaults } : {})} onDone={close} /> : null}
      {editing ? (
        <ContentItemForm
          key={editing.id}
          item={editing}
          onDone={close}
          extraActions={
            <>
              <Button variant="default" onClick={() => void duplicate(editing.id)}>
                {t('common:actions.duplicate')}
              </Button>
              <Button variant="light" color="red" onClick={() => void remove(editing.id)}>
                {t('common:actions.delete')}
              </Button>
            </>
          }
        />
      ) : null}
      {editing ? <ContentResultsEditor key={`results-${editing.id}`} item={editing} /> : null}
    </Drawer>
  );
}
