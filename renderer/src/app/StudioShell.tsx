/**
 * The AppShell: header (brand, team sync state in a team workspace, OBS status, colour scheme), navigation named
 * by section, and the routed page.
 * On an empty workspace (first run) it offers the sample workspace, except on Settings, which has its own.
 * While the studio's services do not answer, every page shows the ConnectionBanner above it; in a team workspace,
 * an offline edit someone else's edit replaced is told above every page (ConflictNotice).
 */
import { ActionIcon, AppShell, Burger, Group, Loader, NavLink, Text, Title, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBroadcast, IconBuildingStore, IconCalendar, IconChartBar, IconMoon, IconPackage, IconSettings, IconSpeakerphone, IconSun, IconUsers, IconVideo } from '@tabler/icons-react';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { ObsStatusBadge } from '../features/settings/ObsStatusBadge';
import { FirstRunBanner } from '../features/settings/FirstRunBanner';
import { teamSync } from '../db/db';
import { ConnectionBanner } from './ConnectionBanner';
import { SearchPalette } from '../features/search/SearchPalette';
import { sections } from './navigation';

// Team chrome loads only in a team workspace (db.ts's teamSync): the local workspace's first screen carries none.
const TeamSyncBadge = lazy(() => import('../features/team/TeamSyncBadge').then((m) => ({ default: m.TeamSyncBadge })));
const ConflictNotice = lazy(() => import('../features/team/ConflictNotice').then((m) => ({ default: m.ConflictNotice })));

const icons: Record<string, ComponentType<{ size?: number; stroke?: number }>> = {
  '/campaigns': IconSpeakerphone,
  '/calendar': IconCalendar,
  '/brands': IconBuildingStore,
  '/creators': IconUsers,
  '/products': IconPackage,
  '/shows': IconVideo,
  '/live': IconBroadcast,
  '/reports': IconChartBar,
  '/settings': IconSettings,
};

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const { t } = useTranslation('shell');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon variant="default" size="lg" aria-label={t(`switchTheme.${next}`)} onClick={() => setColorScheme(next)}>
      {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );
}

export function StudioShell() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const { t } = useTranslation('shell');
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('toggleNavigation')} />
            <img src="./favicon.svg" alt="" width={28} height={28} />
            <Title order={1} size="h4">
              KOL Studio
            </Title>
          </Group>
          <Group gap="sm">
            <SearchPalette />
            {teamSync ? (
              <Suspense fallback={null}>
                <TeamSyncBadge />
              </Suspense>
            ) : null}
            <ObsStatusBadge />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {sections.map((section) => {
          const Icon = icons[section.path] ?? IconSettings;
          return (
            <NavLink
              key={section.path}
              component={RouterLink}
              to={section.path}
              label={t(`nav.${section.key}`)}
              active={location.pathname.startsWith(section.path)}
              leftSection={<Icon size={18} stroke={1.6} />}
              onClick={close}
            />
          );
        })}
        <Text size="xs" c="dimmed" mt="auto" px="sm">
          {t('tagline')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {teamSync ? (
          <Suspense fallback={null}>
            <ConflictNotice />
          </Suspense>
        ) : null}
        {location.pathname.startsWith('/settings') ? null : <FirstRunBanner />}
        <Suspense fallback={<Loader aria-label={t('loadingSection')} m="xl" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
