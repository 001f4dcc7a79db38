/**
 * "Create workspace" (from the local workspace): a name, and where the team's workspace is hosted — this computer
 * (optionally reachable on the LAN) or a sync server (its address and the owner token it printed). The current
 * workspace becomes the team's first documents (team-workspaces.ts); on success the window reloads into it.
 * Every problem is a sentence under the field it concerns; nothing typed is lost.
 */
import { Alert, Checkbox, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { syncServerUrlSchema, teamWorkspaceNameSchema } from '../../../../shared/sync/invite-link';
import { db } from '../../db/db';
import { createTeamWorkspace, TeamFlowError } from '../../sync/team-workspaces';
import { flowErrorSentence } from './team-flow-errors';
import { FormFooter } from '../../kit/FormFooter';

interface Problems {
  name?: string;
  serverUrl?: string;
  ownerToken?: string;
  other?: string;
}

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('team');
  const [name, setName] = useState('');
  const [where, setWhere] = useState<'here' | 'server'>('here');
  const [lan, setLan] = useState(false);
  const [serverUrl, setServerUrl] = useState('');
  const [ownerToken, setOwnerToken] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!teamWorkspaceNameSchema.safeParse(name).success) found.name = t('create.nameRequired');
    if (where === 'server') {
      if (!syncServerUrlSchema.safeParse(serverUrl).success) found.serverUrl = t('create.serverUrlInvalid');
      if (!ownerToken.trim()) found.ownerToken = t('create.ownerTokenRequired');
    }
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await createTeamWorkspace(db, name.trim(), where === 'here' ? { kind: 'here', lan } : { kind: 'server', serverUrl: serverUrl.trim(), ownerToken: ownerToken.trim() });
      location.reload();
    } catch (error) {
      setProblems(error instanceof TeamFlowError ? { ownerToken: flowErrorSentence(t, error) } : { other: flowErrorSentence(t, error) });
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} closeButtonProps={{ 'aria-label': t('closeDialog') }} size="lg">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <TextInput label={t('create.name')} placeholder={t('create.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={problems.name} required data-autofocus />
          <Radio.Group label={t('create.where')} value={where} onChange={(value) => setWhere(value === 'server' ? 'server' : 'here')}>
            <Stack gap="xs" mt={6}>
              <Radio value="here" label={t('create.here')} />
              {where === 'here' ? <Checkbox ml="xl" label={t('create.lan')} description={t('create.lanHint')} checked={lan} onChange={(e) => setLan(e.currentTarget.checked)} /> : null}
              <Radio value="server" label={t('create.server')} />
            </Stack>
          </Radio.Group>
          {where === 'server' ? (
            <>
              <TextInput label={t('create.serverUrl')} description={t('create.serverUrlHint')} placeholder="wss://sync.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.currentTarget.value)} error={problems.serverUrl} required />
              <Textarea label={t('create.ownerToken')} description={t('create.ownerTokenHint')} value={ownerToken} onChange={(e) => setOwnerToken(e.currentTarget.value)} error={problems.ownerToken} autosize minRows={2} maxRows={5} required spellCheck={false} />
            </>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('create.copyNote')}
          </Text>
          {problems.other ? (
            <Alert color="red" variant="light" role="alert">
              {problems.other}
            </Alert>
          ) : null}
          <FormFooter submitLabel={t('create.submit')} saving={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
