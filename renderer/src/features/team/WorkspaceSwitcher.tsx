/**
 * "Workspaces on this computer": the local workspace and every team workspace joined here (listTeamWorkspaces),
 * the open one marked, each other with **Open** (the window reloads into it).
 */
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamWorkspaceSummary } from '../../../../shared/contract/domains/sync.contract';
import { switchWorkspace } from '../../sync/team-workspaces';

interface Entry {
  id: string | null;
  name: string;
  detail: string;
}

export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: readonly TeamWorkspaceSummary[]; currentId: string | null }) {
  const { t } = useTranslation('team');
  const entries: Entry[] = [
    { id: null, name: t('workspaces.local'), detail: t('workspaces.localHint') },
    ...workspaces.map((workspace) => ({ id: workspace.workspaceId, name: workspace.workspaceName, detail: `${t(`roles.${workspace.role}`)} · ${workspace.serverUrl}` })),
  ];
  const open = (id: string | null) => {
    switchWorkspace(id);
    location.reload();
  };
  return (
    <Stack gap="xs">
      <Title order={4} size="h5" id="team-workspaces-title">
        {t('workspaces.title')}
      </Title>
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="team-workspaces-title">
        {entries.map((entry) => (
          <Group component="li" key={entry.id ?? 'local'} justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <Text size="sm" fw={500}>
                {entry.name}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.detail}
              </Text>
            </div>
            {entry.id === currentId ? (
              <Badge variant="light">{t('workspaces.current')}</Badge>
            ) : (
              <Button size="xs" variant="default" aria-label={t('workspaces.openNamed', { name: entry.name })} onClick={() => open(entry.id)}>
                {t('workspaces.open')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
