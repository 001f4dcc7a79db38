/**
 * Owner only: "Host this workspace on this computer" — starts the sync server in the studio (optionally listening
 * on the LAN), makes it this workspace's server, and shows the addresses teammates connect to; **Stop hosting**
 * stops it (documents and invites stay in the data folder). Hosting is the computer's, not one workspace's.
 */
import { Alert, Button, Checkbox, Code, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamHostingStatus } from '../../../../shared/contract/domains/sync.contract';
import { StudioError } from '../../../../shared/contract/errors';
import { errorSentence } from '../../studio/studio-errors';
import { useAction } from '../../kit/useAction';
import { studio } from '../../studio/studio';

export function HostingPanel({ workspaceId, workspaceName, hostedHere, onChanged }: { workspaceId: string; workspaceName: string; hostedHere: boolean; onChanged: () => void }) {
  const { t } = useTranslation('team');
  const [hosting, setHosting] = useState<TeamHostingStatus>();
  const [lan, setLan] = useState(false);

  const { run, busy, problem, setProblem } = useAction(async (work: () => Promise<TeamHostingStatus>) => {
    const status = await work();
    setHosting(status);
    setLan(status.lan);
    onChanged();
  });

  useEffect(() => {
    studio.getTeamHosting().then(
      (status) => {
        setHosting(status);
        setLan(status.lan);
      },
      (error: unknown) => setProblem(errorSentence(error)),
    );
  }, [setProblem]);

  const start = (withLan: boolean) =>
    run(async () => {
      const status = await studio.startTeamHosting({ lan: withLan });
      await studio.hostTeamWorkspace({ workspaceId, workspaceName });
      return status;
    });
  const stop = () =>
    run(async () => {
      const status = await studio.stopTeamHosting();
      notifications.show({ message: t('hosting.stopped') });
      return status;
    });

  const active = hosting?.hosting === true && hostedHere;
  const addresses = active ? [...(hosting.localUrl ? [hosting.localUrl] : []), ...hosting.lanUrls] : [];
  const hostingProblem = hosting?.problem ? errorSentence(new StudioError('refused', '', { reason: hosting.problem, ...(hosting.port ? { port: hosting.port } : {}) })) : undefined;
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t('hosting.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('hosting.hint')}
      </Text>
      <Checkbox
        label={t('create.lan')}
        checked={lan}
        disabled={busy || !hosting}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setLan(next);
          if (active) void start(next);
        }}
      />
      {active ? (
        <Stack gap={4}>
          <Text size="sm">{t('hosting.on')}</Text>
          <Stack gap={2} component="ul" m={0} pl="md" aria-label={t('hosting.on')}>
            {addresses.map((address) => (
              <li key={address}>
                <Code>{address}</Code>
              </li>
            ))}
          </Stack>
          {hosting.lan ? null : (
            <Text size="xs" c="dimmed">
              {t('hosting.localOnly')}
            </Text>
          )}
        </Stack>
      ) : hostedHere && hosting ? (
        <Text size="sm">{t('hosting.off')}</Text>
      ) : null}
      {(problem ?? hostingProblem) ? (
        <Alert color="red" variant="light" role="alert" title={t('hosting.failed')}>
          {problem ?? hostingProblem}
        </Alert>
      ) : null}
      <Group>
        {active ? (
          <Button variant="default" loading={busy} onClick={() => void stop()}>
            {t('hosting.stop')}
          </Button>
        ) : (
          <Button variant="light" loading={busy} disabled={!hosting} onClick={() => void start(lan)}>
            {t('hosting.start')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
