/**
 * A giveaway segment's terms (福袋): the prize, the winner count ("Number of prizes": one winner per prize, what
 * Draw winners draws), how to enter (a kind and its words) and the rules (draw, no purchase needed), which the
 * brand approves on the run-sheet. Controlled: the segment editor owns the value and saves it with the rest.
 */
import { Divider, Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { giveawayEntryKinds, type Giveaway, type GiveawayEntryKind } from '../../../../shared/domain/entities';
import { MAX_WINNERS } from '../../../../shared/domain/giveaway';

export function GiveawayFields({ value, onChange }: { value: Giveaway | undefined; onChange(value: Giveaway): void }) {
  const { t } = useTranslation('exports');
  const { t: tg } = useTranslation('giveaway');
  const current: Giveaway = value ?? { prize: '', rules: '' };
  const set = (patch: Partial<Giveaway>) => onChange({ ...current, ...patch });
  const entry = current.entry;
  return (
    <>
      <Divider label={t('giveaway.section')} labelPosition="left" />
      <Group grow align="flex-start">
        <TextInput label={t('giveaway.prize')} placeholder={t('giveaway.prizePlaceholder')} maxLength={300} value={current.prize} onChange={(e) => set({ prize: e.currentTarget.value })} />
        <NumberInput
          label={t('giveaway.quantity')}
          description={tg('editor.winnersHint')}
          min={1}
          max={MAX_WINNERS}
          allowDecimal={false}
          value={current.quantity ?? ''}
          onChange={(v) => set({ quantity: typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, MAX_WINNERS) : undefined })}
          maw={220}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={tg('editor.entryKind')}
          placeholder={tg('editor.entryKindPlaceholder')}
          data={giveawayEntryKinds.map((kind) => ({ value: kind, label: tg(`entryKind.${kind}`) }))}
          value={entry?.kind ?? null}
          clearable
          onChange={(kind) => {
            const { entry: _old, ...rest } = current;
            onChange(kind ? { ...rest, entry: { kind: kind as GiveawayEntryKind, text: entry?.text ?? '' } } : rest);
          }}
          maw={260}
        />
        <TextInput
          label={tg('editor.entryText')}
          description={tg('editor.entryTextHint')}
          maxLength={300}
          disabled={!entry}
          value={entry?.text ?? ''}
          onChange={(e) => entry && set({ entry: { kind: entry.kind, text: e.currentTarget.value } })}
        />
      </Group>
      <Textarea label={t('giveaway.rules')} description={t('giveaway.rulesHint')} autosize minRows={2} maxLength={4000} value={current.rules} onChange={(e) => set({ rules: e.currentTarget.value })} />
    </>
  );
}
