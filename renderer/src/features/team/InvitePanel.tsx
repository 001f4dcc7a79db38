/**
 * Owner only: "Create invite link" with a role (Producer, Finance, Viewer (brand)) and who it is for. The link is
 * shown read-only with a Copy button; a link whose server is this computer's loopback (localOnly) says so and
 * suggests letting the network connect.
 */
import { Alert, Button, CopyButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamInviteCreated } from '../../../../shared/contract/domains/sync.contract';
import { inviteRoles, type InviteRole } from '../../../../shared/sync/invite-link';
import { currentLocale } from '../../i18n/i18n';
import { useAction } from '../../kit/useAction';
import { studio } from '../../studio/studio';
import { formatWhen } from './team-flow-errors';

export function InvitePanel({ workspaceId, onCreated }: { workspaceId: string; onCreated: () => void }) {
  const { t } = useTranslation('team');
  const [role, setRole] = useState<InviteRole>('producer');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<TeamInviteCreated>();
  const { run: create, busy, problem } = useAction(async () => {
    setCreated(await studio.createTeamInvite({ workspaceId, role, label: label.trim() }));
    onCreated();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };

  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t('inviteForm.title')}
      </Title>
      <form noValidate onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('inviteForm.role')}
            value={role}
            onChange={(value) => setRole((inviteRoles as readonly string[]).includes(value ?? '') ? (value as InviteRole) : 'producer')}
            data={inviteRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            allowDeselect={false}
            w={180}
          />
          <TextInput label={t('inviteForm.label')} placeholder={t('inviteForm.labelPlaceholder')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={100} style={{ flex: 1, minWidth: 160 }} />
          <Button type="submit" loading={busy}>
            {t('inviteForm.create')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t(`roleHints.${role}`)}
        </Text>
      </form>
      {problem ? (
        <Alert color="red" variant="light" role="alert" title={t('inviteForm.failed')}>
          {problem}
        </Alert>
      ) : null}
      {created ? (
        <Stack gap={4}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label={t('inviteForm.link')} value={created.link} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} styles={{ input: { fontFamily: 'monospace' } }} />
            <CopyButton value={created.link}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('inviteForm.copied') : t('inviteForm.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('inviteForm.sendPrivately', { role: t(`roles.${created.invite.role}`), date: formatWhen(created.invite.expiresAt, currentLocale()) })}
          </Text>
          {created.localOnly ? (
            <Alert color="yellow" variant="light">
              {t('inviteForm.localOnly')}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
