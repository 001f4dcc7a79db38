import { Button, Card, SegmentedControl, SimpleGrid, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/studio-api';
import { PageHeader } from '../../components/PageHeader';
import { BackupRestoreCard } from '../exchange/BackupRestoreCard';
import { TeamSection } from '../team/TeamSection';
import { isLanguage, languageNames, languages, setLanguage } from '../../i18n/i18n';
import { useWorkspaceCounts } from '../../db/workspace.hooks';
import { studio, studioTransport } from '../../studio/studio';
import { ObsCard } from './ObsCard';
import { OverlayThemeCard } from './OverlayThemeCard';
import { useLoadSample } from './useLoadSample';
import { YourNameCard } from './YourNameCard';
import { countPhrases } from '../../components/counts';

function AppearanceCard() {
  const { t } = useTranslation('settings');
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('appearance.title')}
      </Title>
      <Text size="sm" id="theme-label" mb={6}>
        {t('appearance.theme')}
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={[
          { value: 'light', label: t('appearance.light') },
          { value: 'dark', label: t('appearance.dark') },
          { value: 'auto', label: t('appearance.system') },
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
  const { t } = useTranslation('settings');
  const counts = useWorkspaceCounts();
  const { load, loading } = useLoadSample();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('workspace.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
        {counts ? t('workspace.counts', countPhrases(t, { brands: counts.brands, creators: counts.creators, campaigns: counts.campaigns, contentItems: counts.contentItems, products: counts.products, shows: counts.shows })) : t('workspace.counting')}
      </Text>
      <Text size="sm" mb="md">
        {t('workspace.sampleHint')}
      </Text>
      <Button variant="light" onClick={() => void load()} loading={loading}>
        {t('workspace.loadSample')}
      </Button>
    </Card>
  );
}

function AboutCard() {
  const { t } = useTranslation('settings');
  const [info, setInfo] = useState<Omit<AppInfo, 'transport'>>();
  useEffect(() => {
    studio.getAppInfo().then(setInfo, () => undefined);
  }, []);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('about.title')}
      </Title>
      <Text size="sm" aria-label={t('about.version')}>
        {info ? `${info.name} ${info.version} · ${info.platform}` : t('about.loading')}
      </Text>
      <Text size="sm" c="dimmed">
        {studioTransport === 'ipc' ? t('about.desktop') : t('about.browser')}
      </Text>
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WorkspaceCard />
        <BackupRestoreCard />
        <TeamSection />
        <ObsCard />
        <OverlayThemeCard />
        <AppearanceCard />
        <LanguageCard />
        <YourNameCard />
        <AboutCard />
      </SimpleGrid>
    </>
  );
}
