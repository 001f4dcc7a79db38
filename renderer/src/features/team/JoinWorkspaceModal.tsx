/**
 * "Join workspace": paste an invite link; its problems are sentences under the field (team:invite.problems.*).
 * On success the window reloads into the joined workspace, whose rows then arrive from the server.
 */
import { Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../kit/useAction';
import { joinTeamWorkspace } from '../../sync/team-workspaces';
import { flowErrorSentence } from './team-flow-errors';
import { FormFooter } from '../../kit/FormFooter';

export function JoinWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('team');
  const [link, setLink] = useState('');
  const { run: join, busy, problem } = useAction(
    async () => {
      await joinTeamWorkspace(link);
      location.reload();
    },
    { describe: (error) => flowErrorSentence(t, error) },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('join.title')} closeButtonProps={{ 'aria-label': t('closeDialog') }} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={t('join.link')}
            description={t('join.linkHint')}
            placeholder="kolstudio-invite:…"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            error={problem}
            autosize
            minRows={3}
            maxRows={6}
            spellCheck={false}
            data-autofocus
          />
          <FormFooter submitLabel={t('join.submit')} saving={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
