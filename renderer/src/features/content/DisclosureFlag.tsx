/**
 * The missing-disclosure flag, one look everywhere (calendar, editor, campaigns). Renders nothing for organic
 * items or sponsored items with a fit label (rules in shared/domain/disclosure.ts).
 */
import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { disclosureStatus, suggestedLabel, type DisclosureInput } from '../../../../shared/domain/disclosure';

export function DisclosureFlag({ item, compact = false }: { item: DisclosureInput; compact?: boolean }) {
  const { t } = useTranslation('disclosure');
  const status = disclosureStatus(item);
  if (status === 'ok' || status === 'not_sponsored') return null;
  const label = status === 'missing' ? t('flag.missing') : t('flag.unfit');
  const hint = t('flag.hint', { label: suggestedLabel(item.platform) });
  return (
    <Tooltip label={hint}>
      <Badge color="red" variant="filled" size={compact ? 'xs' : 'sm'} leftSection={<IconAlertTriangle size={compact ? 10 : 12} aria-hidden />} role="status" aria-label={label}>
        {compact ? t('flag.short') : label}
      </Badge>
    </Tooltip>
  );
}
