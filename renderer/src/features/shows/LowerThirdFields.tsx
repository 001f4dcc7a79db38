/**
 * The lower third of one segment: name, handle and a line of text, edited in the segment editor.
 *
 * Invariants: controlled (the editor owns the value and saves it with the segment); the placeholders show who a
 * blank name or handle falls back to, by the same rule the snapshot applies (defaultLowerThirdHost: the co-host on
 * a co-host segment, else the main host); `cleanLowerThird` trims and drops blank fields, and gives undefined when
 * nothing is left, so a cleared lower third is removed from the segment rather than saved empty.
 */
import { Fieldset, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentLowerThird } from '../../../../shared/domain/entities';
import { defaultLowerThirdHost } from '../../../../shared/runner/runner.snapshot';
import { useCreators } from '../creators/creators.hooks';
import { useShow } from './shows.hooks';

interface Props {
  showId: string;
  kind: Segment['kind'];
  value: SegmentLowerThird;
  onChange(value: SegmentLowerThird): void;
}

export function cleanLowerThird(value: SegmentLowerThird): SegmentLowerThird | undefined {
  const name = value.name?.trim();
  const handle = value.handle?.trim();
  const line = value.line?.trim();
  if (!name && !handle && !line) return undefined;
  return { ...(name ? { name } : {}), ...(handle ? { handle } : {}), ...(line ? { line } : {}) };
}

export function LowerThirdFields({ showId, kind, value, onChange }: Props) {
  const { t } = useTranslation('lowerThird');
  const show = useShow(showId);
  const creators = useCreators();
  const hosts = (show?.hostIds ?? []).map((id) => {
    const creator = creators?.find((c) => c.id === id);
    const handle = creator?.handles[0]?.handle;
    return { id, name: creator?.name ?? id, ...(handle ? { handle } : {}) };
  });
  const fallback = defaultLowerThirdHost(kind, hosts);
  const isCoHost = kind === 'co_host' && fallback !== undefined && fallback === hosts[1];
  const who = fallback ? t(isCoHost ? 'coHost' : 'mainHost', { name: fallback.name }) : '';
  const set = (field: keyof SegmentLowerThird) => (text: string) => onChange({ ...value, [field]: text });
  return (
    <Fieldset legend={t('title')} variant="unstyled">
      <Group grow align="flex-start">
        <TextInput label={t('name')} value={value.name ?? ''} placeholder={fallback?.name ?? ''} maxLength={200} onChange={(e) => set('name')(e.currentTarget.value)} />
        <TextInput
          label={t('handle')}
          value={value.handle ?? ''}
          placeholder={value.name?.trim() ? '' : (fallback?.handle ?? '')}
          maxLength={200}
          onChange={(e) => set('handle')(e.currentTarget.value)}
        />
      </Group>
      <TextInput
        mt="xs"
        label={t('line')}
        description={fallback ? t('hint', { who }) : t('hintNoHost')}
        value={value.line ?? ''}
        placeholder={t('linePlaceholder')}
        maxLength={300}
        onChange={(e) => set('line')(e.currentTarget.value)}
      />
    </Fieldset>
  );
}
