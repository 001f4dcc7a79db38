/**
 * A giveaway segment's terms (福袋): the prize, how many, and the rules (entry, draw, no purchase needed), which
 * the brand approves on the run-sheet. Controlled: the segment editor owns the value and saves it with the rest.
 */
import { Divider, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Giveaway } from '../../../../shared/domain/entities';

export function GiveawayFields({ value, onChange }: { value: Giveaway | undefined; onChange(value: Giveaway): void }) {
  const { t } = useTranslation('exports');
  const current: Giveaway = value ?? { prize: '', rules: '' };
  const set = (patch: Partial<Giveaway>) => onChange({ ...current, ...patch });
  return (
    <>
      <Divider label={t('giveaway.section')} labelPosition="left" />
      <Group grow align="flex-start">
        <TextInput label={t('giveaway.prize')} placeholder={t('giveaway.prizePlaceholder')} maxLength={300} value={current.prize} onChange={(e) => set({ prize: e.currentTarget.value })} />
        <NumberInput
          label={t('giveaway.quantity')}
          min={1}
          allowDecimal={false}
          value={current.quantity ?? ''}
          onChange={(v) => set({ quantity: typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined })}
          maw={180}
        />
      </Group>
      <Textarea label={t('giveaway.rules')} description={t('giveaway.rulesHint')} autosize minRows={2} maxLength={4000} value={current.rules} onChange={(e) => set({ rules: e.currentTarget.value })} />
    </>
  );
}
