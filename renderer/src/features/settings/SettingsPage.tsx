import { Button, Card, Group, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/studio-api';
import { PageHeader } from '../../components/PageHeader';
import { BackupRestoreCard } from '../exchange/BackupRestoreCard';
import { isLanguage, languageNames, languages, setLanguage } from '../../i18n/i18n';
import { useWorkspaceCounts } from '../../db/workspace.hooks';
import { studio, studioTransport } from '../../studio/studio';
import { ObsHealth } from './ObsHealth';
import { useObsStatus } from './obs.hooks';
import { useLoadSample } from './useLoadSample';

function AppearanceCard() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        Appearance
      </Title>
      <Text size="sm" id="theme-label" mb={6}>
        Theme
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={[
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
          { value: 'auto', label: 'System' },
        ]}
      />
    </Card>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation('settings');
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('language.title')}
      </Title>
      <Text size="sm" id="language-label" mb={6}>
        {t('language.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={i18n.resolvedLanguage ?? 'en'}
        onChange={(value) => {
          if (isLanguage(value)) void setLanguage(value);
        }}
        data={languages.map((language) => ({ value: language, label: languageNames[language] }))}
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t('language.hint')}
      </Text>
    </Card>
  );
}

function WorkspaceCard() {
  const counts = useWorkspaceCounts();
  const { load, loading } = useLoadSample();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        Workspace
      </Title>
      <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
        {counts
          ? `${counts.brands} brands · ${counts.creators} creators · ${counts.campaigns} campaigns · ${counts.contentItems} content items · ${counts.products} products · ${counts.shows} shows`
          : 'Counting…'}
      </Text>
      <Text size="sm" mb="md">
        The sample workspace adds a demo set of brands, creators, campaigns, products and a live show. Loading it again resets the demo records; your own records are kept.
      </Text>
      <Button variant="light" onClick={() => void load()} loading={loading}>
        Load sample workspace
      </Button>
    </Card>
  );
}

function ObsCard() {
  const status = useObsStatus();
  const [url, setUrl] = useState('ws://127.0.0.1:4455');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const connect = async () => {
    setBusy(true);
    try {
      await studio.connectObs({ url, password });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        OBS Studio
      </Title>
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void connect();
        }}
      >
        <TextInput label="OBS WebSocket URL" value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
        <PasswordInput label="OBS WebSocket password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={busy}>
            Connect to OBS
          </Button>
          <Button variant="default" onClick={() => void studio.disconnectObs()} disabled={!status || status.state === 'disconnected'}>
            Disconnect
          </Button>
        </Group>
        {status?.connected ? <ObsHealth status={status} /> : null}
        <Text size="sm" role="status" aria-label="OBS connection">
          {status?.connected
            ? `Connected to OBS ${status.obsVersion ?? ''} (WebSocket ${status.websocketVersion ?? '?'}) · program scene: ${status.programScene ?? '—'}`
            : status?.error ?? `Not connected (${status?.state ?? 'disconnected'})`}
        </Text>
      </Stack>
    </Card>
  );
}

function AboutCard() {
  const [info, setInfo] = useState<Omit<AppInfo, 'transport'>>();
  useEffect(() => {
    studio.getAppInfo().then(setInfo, () => undefined);
  }, []);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        About
      </Title>
      <Text size="sm" aria-label="Version">
        {info ? `${info.name} ${info.version} · ${info.platform}` : 'Loading…'}
      </Text>
      <Text size="sm" c="dimmed">
        {studioTransport === 'ipc' ? 'Desktop app' : 'Browser mode (served by the studio host)'}
      </Text>
    </Card>
  );
}

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Workspace, OBS connection and appearance." />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WorkspaceCard />
        <BackupRestoreCard />
        <ObsCard />
        <AppearanceCard />
        <LanguageCard />
        <AboutCard />
      </SimpleGrid>
    </>
  );
}
