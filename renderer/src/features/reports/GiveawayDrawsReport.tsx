/**
 * The giveaway draws of a run, on its report: prize, how to enter, counts, both instants, the seed hash shown
 * before the draw, the seed, the entrant list's hash, the algorithm and the winners, and "Verify draw", which
 * recomputes the draw from the record kept with the run (verifyDraw) and says whether it matches.
 * Invariant: verification reads only the saved record; nothing here changes it.
 */
import { Alert, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/domain/entities';
import { verifyDraw, type GiveawayDrawRecord, type VerifyResult } from '../../../../shared/domain/giveaway';
import { formatTimeInZone } from '../../components/format';
import { currentLocale } from '../../i18n/i18n';

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function Field({ label, children, mono = false }: { label: string; children: string; mono?: boolean }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {mono ? (
        <Code style={{ wordBreak: 'break-all' }} aria-label={label}>
          {children}
        </Code>
      ) : (
        <Text size="sm" aria-label={label}>
          {children}
        </Text>
      )}
    </Stack>
  );
}

function DrawRecord({ record, segmentTitle }: { record: GiveawayDrawRecord; segmentTitle: string }) {
  const { t } = useTranslation('giveaway');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const nf = new Intl.NumberFormat(currentLocale());
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('report.draw', { prize: record.prize })}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('report.draw', { prize: record.prize })}</Title>
        <Button size="xs" variant="light" leftSection={<IconShieldCheck size={14} />} onClick={() => setResult(verifyDraw(record))}>
          {t('report.verify')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Field label={t('report.segment')}>{segmentTitle}</Field>
        {record.entryRule ? <Field label={t('report.entry')}>{record.entryRule}</Field> : null}
        <Field label={t('report.count')}>{nf.format(record.winnerCount)}</Field>
        <Field label={t('report.entrants')}>{nf.format(record.entrants.length)}</Field>
        <Field label={t('report.committedAt')}>{formatTimeInZone(record.committedAt, viewerZone)}</Field>
        <Field label={t('report.drawnAt')}>{formatTimeInZone(record.drawnAt, viewerZone)}</Field>
      </SimpleGrid>
      <Stack gap="xs" mt="xs">
        <Field label={t('report.seedHash')} mono>
          {record.seedHash}
        </Field>
        <Field label={t('report.seed')} mono>
          {record.seed}
        </Field>
        <Field label={t('report.entrantsHash')} mono>
          {record.entrantsHash}
        </Field>
        <Field label={t('report.algorithm')} mono>
          {record.algorithm}
        </Field>
        <Text size="xs" c="dimmed">
          {t('report.winners')}
        </Text>
        <List type="ordered" size="sm" aria-label={t('report.winners')}>
          {record.winners.map((winner) => (
            <List.Item key={winner}>{winner}</List.Item>
          ))}
        </List>
      </Stack>
      {result ? (
        <Alert mt="xs" role="status" color={result.ok ? 'green' : 'red'}>
          {result.ok
            ? t('report.matches', { count: record.winnerCount })
            : t('report.mismatch', { problems: result.problems.map((p) => t(`report.problem.${p}`)).join('; ') })}
        </Alert>
      ) : null}
    </Paper>
  );
}

export function GiveawayDrawsReport({ run }: { run: ShowRun }) {
  const { t } = useTranslation('giveaway');
  const draws = run.giveaways ?? [];
  if (draws.length === 0) return null;
  return (
    <Stack gap="xs" mt="md">
      <Title order={4}>{t('report.section')}</Title>
      {draws.map((record) => (
        <DrawRecord key={`${record.segmentId}@${record.drawnAt}`} record={record} segmentTitle={run.plan.find((p) => p.segmentId === record.segmentId)?.title ?? ''} />
      ))}
    </Stack>
  );
}
