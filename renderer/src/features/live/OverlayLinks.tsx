/**
 * Overlay page URLs for OBS browser sources, before and during a show: each shown and copyable (each carries this
 * install's token: keep them private). A rehearsal preview URL is listed under its page when the services give
 * one. Existing names: "Copy URL: <page>" buttons carry the URL in data-url.
 */
import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { studio } from '../../studio/studio';

const overlayPages = new Set(['all', 'deal', 'countdown', 'stock', 'disclosure', 'lower-third', 'giveaway']);

/** One entry of getOverlayUrls; `previewUrl` (the rehearsal preview page) where the services give one. */
interface OverlayUrlEntry {
  page: string;
  url: string;
  previewUrl: string;
}

function UrlRow({ url, copyLabel, urlLabel, label }: { url: string; copyLabel: string; urlLabel: string; label: string }) {
  const { t } = useTranslation('live');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm">{label}</Text>
        <Code aria-label={urlLabel} style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {url}
        </Code>
      </Stack>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy} aria-label={copyLabel} data-url={url}>
            {copied ? t('overlayPages.copied') : t('overlayPages.copyUrl')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** Memoised (no props): a cue re-renders the console, never this list. */
export const OverlayLinks = memo(function OverlayLinks() {
  const { t } = useTranslation('live');
  const { t: tg } = useTranslation('golive');
  const { t: tp } = useTranslation('liveOverlays');
  const pageLabel = (page: string) => (overlayPages.has(page) ? t(`overlays.${page}`) : page);
  const urls = useLiveQuery(() => studio.getOverlayUrls(), []);
  if (!urls || urls.pages.length === 0) return null;
  const pages: OverlayUrlEntry[] = urls.pages;
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('overlayPages.label')}>
      <Title order={3} size="h4" mb={4}>
        {t('overlayPages.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('overlayPages.hint')} {tp('preview.hint')}
      </Text>
      <Stack gap="sm">
        {pages.map(({ page, url, previewUrl }) => (
          <Stack key={page} gap={4}>
            <UrlRow url={url} label={pageLabel(page)} copyLabel={t('overlayPages.copyUrlFor', { page: pageLabel(page) })} urlLabel={tg('overlayLinks.url', { page: pageLabel(page) })} />
            {previewUrl !== '' ? (
              <UrlRow
                url={previewUrl}
                label={`${pageLabel(page)} · ${tg('overlayLinks.preview')}`}
                copyLabel={tg('overlayLinks.copyPreviewFor', { page: pageLabel(page) })}
                urlLabel={tg('overlayLinks.url', { page: `${pageLabel(page)} · ${tg('overlayLinks.preview')}` })}
              />
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
});
