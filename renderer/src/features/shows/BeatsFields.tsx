/**
 * A segment's product beats (开价 price reveal, 上链接 link live, 放库存 stock release, last call, custom), in the
 * order they run, each with an optional offset (seconds into the segment: it then fires by itself) and, for a stock
 * release, the units it adds.
 *
 * Invariants: controlled (the segment editor owns the list and saves it with the segment); a new beat gets a fresh
 * string id (crypto.randomUUID) that never changes, so the run log can name it; a blank label or offset is saved as
 * absent; `cleanBeats` gives undefined for an empty list, so removing every beat removes the field.
 */
import { ActionIcon, Button, Divider, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { beatKinds, type Beat, type BeatKind } from '../../../../shared/domain/entities';
import { cleanBeat } from '../../../../shared/domain/segment-rules';

interface Props {
  value: Beat[];
  onChange(value: Beat[]): void;
  /** Errors and warnings about the beats, already worded. */
  error?: string;
}

export function cleanBeats(beats: readonly Beat[]): Beat[] | undefined {
  const cleaned = beats.map(cleanBeat);
  return cleaned.length > 0 ? cleaned : undefined;
}

const wholeOrUndefined = (v: number | string): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function BeatsFields({ value, onChange, error }: Props) {
  const { t } = useTranslation('beats');
  const set = (index: number, patch: Partial<Beat>) => onChange(value.map((beat, i) => (i === index ? { ...beat, ...patch } : beat)));
  const strip = (index: number, key: 'offsetSec' | 'units' | 'label') =>
    onChange(
      value.map((beat, i) => {
        if (i !== index) return beat;
        const { [key]: _dropped, ...rest } = beat;
        return rest;
      }),
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [beat] = next.splice(index, 1);
    if (beat) next.splice(index + by, 0, beat);
    onChange(next);
  };
  return (
    <>
      <Divider label={t('editor.section')} labelPosition="left" />
      <Text size="sm" c="dimmed">
        {t('editor.hint')}
      </Text>
      <Stack gap="xs">
        {value.map((beat, index) => {
          const n = index + 1;
          return (
            <Group key={beat.id} align="flex-end" wrap="nowrap" gap="xs">
              <Select
                label={t('editor.kind', { n })}
                data={beatKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                value={beat.kind}
                onChange={(v) => v && set(index, { kind: v as BeatKind })}
                allowDeselect={false}
                w={170}
              />
              <TextInput
                label={t('editor.label', { n })}
                placeholder={t('editor.labelPlaceholder')}
                maxLength={200}
                value={beat.label ?? ''}
                onChange={(e) => (e.currentTarget.value ? set(index, { label: e.currentTarget.value }) : strip(index, 'label'))}
                style={{ flex: 1 }}
              />
              <NumberInput
                label={t('editor.offset', { n })}
                placeholder={t('editor.byHand')}
                min={0}
                allowDecimal={false}
                value={beat.offsetSec ?? ''}
                onChange={(v) => {
                  const offset = wholeOrUndefined(v);
                  if (offset === undefined) strip(index, 'offsetSec');
                  else set(index, { offsetSec: offset });
                }}
                w={130}
              />
              {beat.kind === 'stock_release' ? (
                <NumberInput
                  label={t('editor.units', { n })}
                  min={1}
                  allowDecimal={false}
                  value={beat.units ?? ''}
                  onChange={(v) => {
                    const units = wholeOrUndefined(v);
                    if (units === undefined) strip(index, 'units');
                    else set(index, { units });
                  }}
                  w={110}
                />
              ) : null}
              <ActionIcon variant="subtle" aria-label={t('editor.up', { n })} disabled={index === 0} onClick={() => move(index, -1)} mb={4}>
                ↑
              </ActionIcon>
              <ActionIcon variant="subtle" aria-label={t('editor.down', { n })} disabled={index === value.length - 1} onClick={() => move(index, 1)} mb={4}>
                ↓
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('editor.remove', { n })} onClick={() => onChange(value.filter((_, i) => i !== index))} mb={4}>
                ×
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, { id: crypto.randomUUID(), kind: value.length === 0 ? 'price_reveal' : 'custom' }])}>
          {t('editor.add')}
        </Button>
      </Group>
    </>
  );
}
