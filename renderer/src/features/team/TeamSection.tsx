/**
 * Settings → **Team**. In the local workspace: **Create workspace** and **Join workspace**. In a team workspace:
 * its name, your role, its server and sync state (why access was refused; images not synced yet); for the owner,
 * **Create invite link**, the members with **Revoke**, and **Host this workspace on this computer**; "Recently
 * deleted" with **Restore** (not for viewers); **Leave workspace**. Both list the workspaces on this computer.
 * A section (region) named by its heading.
 */
import { Alert, Button, Card, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamWorkspaceSummary } from '../../../../shared/contract/domains/sync.contract';
import { db, teamSync } from '../../db/db';
import { useAction } from '../../kit/useAction';
import { useStudioRead } from '../../studio/studio.hooks';
import { studio } from '../../studio/studio';
import type { TeamSync } from '../../sync/team-sync';
import { leaveTeamWorkspace } from '../../sync/team-workspaces';
import { ConfirmDialog } from './ConfirmDialog';
import { CreateWorkspaceModal } from './CreateWorkspaceModal';
import { HostingPanel } from './HostingPanel';
import { InvitePanel } from './InvitePanel';
import { JoinWorkspaceModal } from './JoinWorkspaceModal';
import { MembersList } from './MembersList';
import { RecentlyDeleted } from './RecentlyDeleted';
import { useTeamStatus } from './team.hooks';
import { refusalSentence, statusLabel } from './team-sentences';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const noWorkspaces: readonly TeamWorkspaceSummary[] = [];

function LocalWorkspaceActions() {
  const { t } = useTranslation('team');
  const [dialog, setDialog] = useState<'create' | 'join'>();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('localIntro')}</Text>
      <Group>
        <Button onClick={() => setDialog('create')}>{t('create.open')}</Button>
        <Button variant="light" onClick={() => setDialog('join')}>
          {t('join.open')}
        </Button>
      </Group>
      {dialog === 'create' ? <CreateWorkspaceModal opened onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'join' ? <JoinWorkspaceModal opened onClose={() => setDialog(undefined)} /> : null}
    </Stack>
  );
}

function LeaveWorkspace({ sync }: { sync: TeamSync }) {
  const { t } = useTranslation('team');
  const [confirming, setConfirming] = useState(false);
  const { run: leave, busy } = useAction(
    async () => {
      sync.stop();
      await leaveTeamWorkspace(sync.workspaceId, db);
      location.reload();
    },
    { notify: t('leave.failed') },
  );
  return (
    <>
      <Group>
        <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
          {t('leave.open')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('leave.title')}
        text={t('leave.text', { name: sync.config.workspaceName })}
        confirm={t('leave.confirm')}
        busy={busy}
        onConfirm={() => void leave()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

function TeamWorkspaceDetails({ sync, workspaces, refreshWorkspaces }: { sync: TeamSync; workspaces: readonly TeamWorkspaceSummary[]; refreshWorkspaces: () => void }) {
  const { t } = useTranslation('team');
  const status = useTeamStatus(sync);
  const [membersVersion, setMembersVersion] = useState(0);
  const config = sync.config;
  const owner = config.role === 'owner';
  const hostedHere = workspaces.find((workspace) => workspace.workspaceId === config.workspaceId)?.hostedHere ?? false;
  const bumpMembers = useCallback(() => setMembersVersion((n) => n + 1), []);
  return (
    <Stack gap="md">
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={140}>{t('current.workspace')}</Table.Th>
            <Table.Td>{config.workspaceName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('current.role')}</Table.Th>
            <Table.Td>{t(`roles.${config.role}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('current.server')}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{config.serverUrl}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('current.state')}</Table.Th>
            <Table.Td>{status ? statusLabel(t, status) : ''}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {status?.state === 'refused' ? (
        <Alert color="red" variant="light" title={t('status.refused')}>
          {refusalSentence(t, status)}
        </Alert>
      ) : null}
      {status && status.imagesNotSynced > 0 ? (
        <Text size="sm" c="dimmed">
          {t('status.imagesNotSynced', { count: status.imagesNotSynced })}
        </Text>
      ) : null}
      {owner ? (
        <>
          <Divider />
          <InvitePanel workspaceId={config.workspaceId} onCreated={bumpMembers} />
          <Divider />
          <MembersList workspaceId={config.workspaceId} version={membersVersion} />
          <Divider />
          <HostingPanel
            workspaceId={config.workspaceId}
            workspaceName={config.workspaceName}
            hostedHere={hostedHere}
            onChanged={() => {
              refreshWorkspaces();
              bumpMembers();
            }}
          />
        </>
      ) : null}
      <Divider />
      <RecentlyDeleted sync={sync} canRestore={config.role !== 'viewer'} />
      <Divider />
      <LeaveWorkspace sync={sync} />
    </Stack>
  );
}

export function TeamSection() {
  const { t } = useTranslation('team');
  const { value, problem, refresh } = useStudioRead(() => studio.listTeamWorkspaces(), []);
  const workspaces = value?.workspaces ?? noWorkspaces;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="team-section-title" style={{ gridColumn: '1 / -1' }}>
      <Title order={3} size="h4" mb="sm" id="team-section-title">
        {t('title')}
      </Title>
      <Stack gap="md">
        {teamSync ? <TeamWorkspaceDetails sync={teamSync} workspaces={workspaces} refreshWorkspaces={refresh} /> : <LocalWorkspaceActions />}
        {problem ? (
          <Alert color="red" variant="light" title={t('workspaces.failed')}>
            {problem}
          </Alert>
        ) : null}
        {teamSync || workspaces.length > 0 ? (
          <>
            <Divider />
            <WorkspaceSwitcher workspaces={workspaces} currentId={teamSync?.workspaceId ?? null} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
