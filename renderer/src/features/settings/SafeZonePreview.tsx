/**
 * Settings → Overlay look: a preview at the show's size (1080×1920 or 1920×1080, scaled down), with the platforms'
 * own on-screen controls drawn over it and the safe content area outlined, plus a mock deal card in the overlay look.
 *
 * Invariants:
 * - Zones and the content area come from the data (shared/domain/safe-zones.ts safeLayout), never drawn by hand:
 *   a changed preset moves the drawing.
 * - Accessible: the preview is a labelled figure naming its size, orientation and platforms; each zone and the
 *   content area carry a title (and an aria-label) with their name.
 * - Picking a show takes its orientation (its own, else its platforms' default) and platforms; changing orientation
 *   or platforms by hand previews a hypothetical show.
 */
import { Box, Group, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayTheme } from '../../../../shared/contract/overlay-theme.schema';
import { showPlatforms, type ShowPlatform } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { defaultOrientation, safeLayout, type Orientation, type Rect } from '../../../../shared/domain/safe-zones';
import { useDomainLabels } from '../../components/labels';
import { useShows } from '../shows/shows.hooks';

const SYSTEM_FONTS = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** On-screen width of the preview, per orientation (the picture keeps its aspect). */
const DISPLAY_WIDTH: Record<Orientation, number> = { vertical: 234, landscape: 480 };

export function SafeZonePreview({ theme, productName }: { theme: OverlayTheme; productName: string }) {
  const { t } = useTranslation('vertical');
  const labels = useDomainLabels();
  const shows = useShows()?.filter((show) => !show.isTemplate);
  const [showId, setShowId] = useState<string | null>(null);
  const [orientation, setOrientation] = useState<Orientation>('vertical');
  const [platforms, setPlatforms] = useState<string[]>(['douyin']);

  const pickShow = (id: string | null) => {
    setShowId(id);
    const show = shows?.find((s) => s.id === id);
    if (!show) return;
    setPlatforms(show.platforms);
    setOrientation(show.orientation ?? defaultOrientation(show.platforms));
  };

  const layout = safeLayout(platforms, orientation);
  const scale = DISPLAY_WIDTH[orientation] / layout.canvas.w;
  const px = (rect: Rect) => ({ left: rect.x * scale, top: rect.y * scale, width: rect.w * scale, height: rect.h * scale });
  const presetName = (preset: string) => (preset.endsWith('-generic') ? t('preview.generic') : labels.platform(preset as ShowPlatform));
  const platformNames = platforms.length > 0 ? platforms.map((p) => labels.platform(p as ShowPlatform)).join(', ') : t('preview.generic');
  const area = layout.contentArea;
  const price = formatMoney({ amountMinor: 14900, currency: 'CNY' }, theme.locale);

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('preview.title')}
      </Text>
      <Group grow align="flex-start">
        <Select label={t('preview.show')} placeholder={t('preview.showPlaceholder')} clearable data={(shows ?? []).map((s) => ({ value: s.id, label: s.title }))} value={showId} onChange={pickShow} />
        <MultiSelect
          label={t('preview.platforms')}
          data={showPlatforms.map((p) => ({ value: p, label: labels.platform(p) }))}
          value={platforms}
          onChange={(next) => {
            setPlatforms(next);
            setShowId(null);
          }}
          searchable
        />
      </Group>
      <Radio.Group
        label={t('preview.orientation')}
        value={orientation}
        onChange={(value) => {
          setOrientation(value === 'landscape' ? 'landscape' : 'vertical');
          setShowId(null);
        }}
      >
        <Group mt={4}>
          <Radio value="vertical" label={t('orientation.vertical')} />
          <Radio value="landscape" label={t('orientation.landscape')} />
        </Group>
      </Radio.Group>
      <Box
        component="figure"
        m={0}
        aria-label={t('preview.label', { width: layout.canvas.w, height: layout.canvas.h, orientation: t(`orientation.${orientation}`), platforms: platformNames })}
        data-orientation={orientation}
        style={{
          position: 'relative',
          width: layout.canvas.w * scale,
          height: layout.canvas.h * scale,
          background: 'linear-gradient(160deg, #3a3f4b, #1b1d22)',
          borderRadius: orientation === 'vertical' ? 14 : 6,
          overflow: 'hidden',
          fontFamily: theme.font ? `"${theme.font}", ${SYSTEM_FONTS}` : SYSTEM_FONTS,
        }}
      >
        <Box
          title={t('preview.content')}
          aria-label={t('preview.content')}
          data-zone="content"
          style={{ position: 'absolute', ...px(area), border: '2px dashed #40c057', boxSizing: 'border-box' }}
        >
          <Box
            aria-hidden
            style={{ margin: 6, padding: '4px 6px', background: theme.card, color: theme.text, borderRadius: 6, fontSize: 11, lineHeight: 1.25, maxWidth: '90%' }}
          >
            <div style={{ fontWeight: 700 }}>{productName}</div>
            <div style={{ fontWeight: 800, fontSize: 16, color: theme.accent }}>{price}</div>
          </Box>
        </Box>
        {layout.zones.map((zone, index) => {
          const name = `${t(`preview.zone.${zone.kind}`)} · ${presetName(zone.preset)}`;
          return (
            <Box
              key={`${zone.preset}-${zone.kind}-${index}`}
              title={name}
              aria-label={name}
              data-zone={zone.kind}
              style={{
                position: 'absolute',
                ...px(zone.rect),
                background: 'rgba(250, 82, 82, 0.28)',
                border: '1px solid rgba(250, 82, 82, 0.7)',
                boxSizing: 'border-box',
                color: '#fff',
                fontSize: 9,
                lineHeight: 1.1,
                padding: 2,
                overflow: 'hidden',
              }}
            >
              {t(`preview.zone.${zone.kind}`)}
            </Box>
          );
        })}
      </Box>
      <Text size="xs" c="dimmed">
        {t('preview.legend')}
      </Text>
    </Stack>
  );
}
