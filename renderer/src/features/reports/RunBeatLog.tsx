/**
 * The beats fired during a run (price reveal, link live, stock release, last call, custom), in order, with their
 * clock time, segment, and whether they fired by hand or on time. Runs recorded before beats existed have none.
 * Invariant: reads only the saved run (ShowRun.beats and its plan), never the live runner.
 */
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/domain/entities';
import { formatTimeInZone } from '../../components/format';

export function RunBeatLog({ run, zone }: { run: ShowRun; zone: string }) {
  const { t } = useTranslation('beats');
  const beats = run.beats ?? [];
  if (beats.length === 0) return null;
  const titles = new Map(run.plan.map((p) => [p.segmentId, p.title]));
  return (
    <Stack gap={4} mt="md">
      <Text fw={600} size="sm">
        {t('log.title')}
      </Text>
      <List size="sm" aria-label={t('log.title')}>
        {beats.map((beat, index) => (
          <List.Item key={`${beat.beatId}-${index}`}>
            {formatTimeInZone(beat.at, zone)} · {titles.get(beat.segmentId) ?? ''} · {beat.label ?? t(`kind.${beat.kind}`)} ({t(`log.${beat.by}`)})
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
