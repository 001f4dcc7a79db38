/**
 * Owner only: every invite issued for the workspace (the owner's own included), its role, who it is for, when it
 * was created and expires, and whether it was revoked; **Revoke** asks first, then closes that member's
 * connections at once (the server does). The owner's own access cannot be revoked here (it would lock them out).
 */
import { Alert, Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../../shared/contract/domains/sync.contract';
import { currentLocale } from '../../i18n/i18n';
import { useStudioRead } from '../../studio/studio.hooks';
import { useAction } from '../../kit/useAction';
import { studio } from '../../studio/studio';
import { ConfirmDialog } from './ConfirmDialog';
import { formatWhen } from './team-flow-errors';

function accessOf(member: TeamMember, now: number): 'revoked' | 'expired' | 'active' {
  if (member.revokedAt) return 'revoked';
  return Date.parse(member.expiresAt) <= now ? 'expired' : 'active';
}

export function MembersList({ workspaceId, version }: { workspaceId: string; version: number }) {
  const { t } = useTranslation('team');
  const { value: answer, readAt, problem, refresh } = useStudioRead(() => studio.listTeamMembers({ workspaceId }), [workspaceId, version]);
  const members = answer?.members;
  const [confirm, setConfirm] = useState<TeamMember>();

  const nameOf = (member: TeamMember) => member.label || t('members.unnamed');
  const { run: revoke, busy } = useAction(
    async (member: TeamMember) => {
      await studio.revokeTeamMember({ workspaceId, inviteId: member.id });
      notifications.show({ color: 'green', message: t('members.revoked', { label: nameOf(member) }) });
      setConfirm(undefined);
      refresh();
    },
    { notify: t('members.revokeFailed') },
  );

  const locale = currentLocale();
  return (
    <Stack gap="xs">
      <Title order={4} size="h5" id="team-members-title">
        {t('members.title')}
      </Title>
      {problem ? (
        <Alert color="red" variant="light" role="alert" title={t('members.loadFailed')}>
          {problem}
        </Alert>
      ) : null}
      {members && members.length === 0 ? <Text size="sm">{t('members.empty')}</Text> : null}
      {members && members.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="team-members-title" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.label')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.created')}</Table.Th>
                <Table.Th>{t('members.expires')}</Table.Th>
                <Table.Th>{t('members.access')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('members.revoke')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const access = accessOf(member, readAt);
                return (
                  <Table.Tr key={member.id}>
                    <Table.Td>{member.you ? t('members.you') : nameOf(member)}</Table.Td>
                    <Table.Td>{t(`roles.${member.role}`)}</Table.Td>
                    <Table.Td>{formatWhen(member.createdAt, locale)}</Table.Td>
                    <Table.Td>{formatWhen(member.expiresAt, locale)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={access === 'active' ? 'green' : access === 'expired' ? 'gray' : 'red'}>
                        {access === 'revoked' ? t('members.revokedOn', { date: formatWhen(member.revokedAt ?? '', locale) }) : t(`members.${access}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {access === 'active' && !member.you ? (
                        <Button size="xs" variant="subtle" color="red" aria-label={t('members.revokeNamed', { label: nameOf(member) })} onClick={() => setConfirm(member)}>
                          {t('members.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ConfirmDialog
        opened={confirm !== undefined}
        title={confirm ? t('members.confirmTitle', { label: nameOf(confirm) }) : ''}
        text={confirm ? t('members.confirmText', { label: nameOf(confirm) }) : ''}
        confirm={t('members.confirm')}
        busy={busy}
        onConfirm={() => confirm && void revoke(confirm)}
        onClose={() => setConfirm(undefined)}
      />
    </Stack>
  );
}
