/**
 * The live console's role cues for the segment on air: Host / Assistant / Controller (主播 / 助播 / 场控) in columns,
 * with a role filter (All, or one role) so each person at the desk can read only their own. What it shows is
 * `cueColumns` (shared/runner/console-cues.ts), the same rule the phone console uses.
 *
 * Invariants: renders only from the snapshot's segment (no store of its own besides the filter, which is kept in
 * localStorage per computer); memoised on the segment, so timer patches never re-render it; a show without any
 * cue shows nothing (the caller passes `showHasCues`); a segment without cues says so in one line.
 */
import { Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSegment } from '../../../../shared/runner/runner.types';
import { cueColumns, cueFilters, rolesForFilter, type CueFilter } from '../../../../shared/runner/console-cues';

const isFilter = (value: string): value is CueFilter => (cueFilters as readonly string[]).includes(value);

export const RoleCuesPanel = memo(function RoleCuesPanel({ segment }: { segment: Pick<SnapshotSegment, 'cues'> }) {
  const { t } = useTranslation('roles');
  const [filter, setFilter] = useLocalStorage<CueFilter>({ key: 'kol-studio.live.cue-filter', defaultValue: 'all', getInitialValueInEffect: false });
  const safeFilter: CueFilter = isFilter(filter) ? filter : 'all';
  const columns = cueColumns(segment, rolesForFilter(safeFilter));
  const empty = columns.every((c) => c.cues.length === 0);
  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-label={t('console.title')}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('console.title')}</Text>
        <SegmentedControl
          aria-label={t('console.filter')}
          size="xs"
          value={safeFilter}
          onChange={(value) => isFilter(value) && setFilter(value)}
          data={cueFilters.map((f) => ({ value: f, label: f === 'all' ? t('console.all') : t(`role.${f}`) }))}
        />
      </Group>
      {empty && safeFilter === 'all' ? (
        <Text size="sm" c="dimmed">
          {t('console.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: columns.length }}>
          {columns.map((column) => (
            <Stack key={column.role} gap={4} data-role={column.role}>
              <Text fw={700} size="sm">
                {t(`role.${column.role}`)}
              </Text>
              {column.cues.length ? (
                <List aria-label={t('console.listLabel', { role: t(`role.${column.role}`) })} spacing={2}>
                  {column.cues.map((cue, i) => (
                    <List.Item key={`${i}:${cue}`}>{cue}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
});
