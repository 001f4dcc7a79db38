/**
 * Settings → Overlay look: accent, text and card colours, a font, the price format of the deal overlays in
 * OBS, and how long "deal ended" holds when a countdown ends. Saved by the services (so OBS's pages get it wherever they are opened) and pushed live to open overlay
 * pages. Values are validated with the same schema the services apply; errors name the field. Below the look, a preview
 * at the show's size with the platforms' zones drawn over it (SafeZonePreview).
 */
import { Box, Button, Card, ColorInput, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultOverlayTheme, MAX_DEAL_ENDED_HOLD_SEC, overlayThemeSchema, type OverlayTheme } from '../../../../shared/contract/overlay-theme.schema';
import { formatMoney } from '../../../../shared/domain/money';
import { studio } from '../../studio/studio';
import { errorSentence } from '../../studio/studio-errors';
import { SafeZonePreview } from './SafeZonePreview';

const priceLocales = ['zh-CN', 'zh-TW', 'en-US', 'en-GB', 'ja-JP', 'ko-KR', 'de-DE', 'fr-FR'];
const SYSTEM_FONTS = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

type Field = keyof OverlayTheme;

export function OverlayThemeCard() {
  const { t } = useTranslation('overlayTheme');
  const [theme, setTheme] = useState<OverlayTheme>({ ...defaultOverlayTheme });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    studio.getOverlayTheme().then(
      (saved) => {
        if (live) setTheme(saved);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const set = (field: Field) => (value: string | number) => {
    setTheme((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const save = async (next: OverlayTheme) => {
    const parsed = overlayThemeSchema.safeParse(next);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= t(`errors.${String(issue.path[0])}`);
      setErrors(found);
      return;
    }
    setSaving(true);
    try {
      setTheme(await studio.setOverlayTheme(parsed.data));
      notifications.show({ message: t('saved'), color: 'green' });
    } catch (error) {
      notifications.show({ title: t('saveFailed'), message: errorSentence(error), color: 'red' });
    } finally {
      setSaving(false);
    }
  };

  const sample = formatMoney({ amountMinor: 14900, currency: 'CNY' }, theme.locale);
  const sampleList = formatMoney({ amountMinor: 29900, currency: 'CNY' }, theme.locale);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('title')}
      </Title>
      <form
        noValidate
        aria-label={t('title')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save(theme);
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <ColorInput label={t('accent')} value={theme.accent} onChange={set('accent')} error={errors.accent} format="hex" />
            <ColorInput label={t('text')} value={theme.text} onChange={set('text')} error={errors.text} format="hex" />
          </Group>
          <ColorInput label={t('card')} value={theme.card} onChange={set('card')} error={errors.card} format="hexa" />
          <TextInput
            label={t('font')}
            description={t('fontHint')}
            placeholder={t('fontPlaceholder')}
            value={theme.font}
            onChange={(e) => set('font')(e.currentTarget.value)}
            error={errors.font}
          />
          <Select
            label={t('locale')}
            data={priceLocales.map((value) => ({ value, label: `${value} · ${formatMoney({ amountMinor: 14900, currency: 'CNY' }, value)}` }))}
            value={theme.locale}
            onChange={(value) => value && set('locale')(value)}
            allowDeselect={false}
            error={errors.locale}
          />
          <NumberInput
            label={t('dealEndedHold')}
            description={t('dealEndedHoldHint')}
            min={0}
            max={MAX_DEAL_ENDED_HOLD_SEC}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={Number.isFinite(theme.dealEndedHoldSec) ? theme.dealEndedHoldSec : ''}
            onChange={(value) => set('dealEndedHoldSec')(typeof value === 'number' ? value : Number.NaN)}
            error={errors.dealEndedHoldSec}
          />
          <Box
            role="img"
            aria-label={t('preview', { price: sample })}
            p="md"
            style={{
              background: `repeating-conic-gradient(#8884 0% 25%, transparent 0% 50%) 50% / 16px 16px`,
              borderRadius: 8,
            }}
          >
            <Box
              p="sm"
              style={{
                background: theme.card,
                color: theme.text,
                borderRadius: 12,
                fontFamily: theme.font ? `"${theme.font}", ${SYSTEM_FONTS}` : SYSTEM_FONTS,
              }}
            >
              <Text fw={700} inherit>
                {t('previewProduct')}
              </Text>
              <Group gap="sm" align="baseline">
                <Text fw={800} fz={28} style={{ color: theme.accent }} inherit>
                  {sample}
                </Text>
                <Text td="line-through" opacity={0.7} inherit>
                  {sampleList}
                </Text>
              </Group>
            </Box>
          </Box>
          <SafeZonePreview theme={theme} productName={t('previewProduct')} />
          <Group>
            <Button type="submit" loading={saving}>
              {t('save')}
            </Button>
            <Button variant="default" onClick={() => void save({ ...defaultOverlayTheme })} disabled={saving}>
              {t('reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
