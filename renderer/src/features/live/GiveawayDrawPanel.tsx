/**
 * The live console's giveaway draw (福袋), shown while a giveaway segment is on air: entrants pasted one per line
 * or imported from a CSV column (duplicates merged, invalid lines listed by number), the counts, and Draw winners.
 *
 * Invariants (the draw itself is shared/domain/giveaway.ts):
 * - the seed is made and its SHA-256 hash put on screen BEFORE the winners are computed (a pause of
 *   COMMIT_PAUSE_MS with the hash showing); the record (seed, hash, sorted entrants, count, winners, both
 *   instants) is saved on this device before the runner is told, then kept with the run's report;
 * - a draw with fewer entrants than winners is refused with a sentence, nothing drawn;
 * - one draw per segment: once the runner holds it (`drawn`), the panel shows the hash and the winners from
 *   the runner's state and no Draw button.
 */
import { Alert, Badge, Button, CopyButton, FileButton, Group, List, NativeSelect, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconFileImport, IconGift } from '@tabler/icons-react';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitSeed, collectEntrants, drawProblem, drawWinners, MAX_WINNERS, parseEntrantLines, type GiveawayDrawErrorCode, type GiveawayDrawRecord } from '../../../../shared/domain/giveaway';
import { detectMapping, parseCsvText, type ParsedCsv } from '../../../../shared/exchange/csv-import';
import type { GiveawayOnAir, SnapshotSegment } from '../../../../shared/runner/runner.types';
import { formatTimeInZone } from '../../components/format';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { studio } from '../../studio/studio';
import { runIdOf, saveDrawRecord, savedDrawRecord } from '../reports/giveaway-draws.repo';

/** How long the committed hash is on screen before the winners are computed. */
export const COMMIT_PAUSE_MS = 800;
const SHOWN_INVALID = 50;
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface CsvSource {
  name: string;
  parsed: ParsedCsv;
  column: number;
}

/**
 * Entrants typed or imported but not yet drawn, by run and segment: kept while the app runs, so leaving the Live
 * page (or a cue away and back) does not lose a pasted list. Never persisted: the list that counts is the one
 * saved with the draw.
 */
const drafts = new Map<string, { text: string; csv: CsvSource | null }>();

function guessColumn(headers: readonly string[]): number {
  const mapping = detectMapping('creators', headers);
  return mapping.handle ?? mapping.name ?? 0;
}

export const GiveawayDrawPanel = memo(function GiveawayDrawPanel({
  segment,
  showId,
  showStartedAt,
  ended,
  drawn,
}: {
  segment: SnapshotSegment;
  showId: string;
  showStartedAt: string | null;
  ended: boolean;
  drawn: GiveawayOnAir | undefined;
}) {
  const { t } = useTranslation('giveaway');
  const terms = segment.giveaway;
  const draftKey = `${showId}@${showStartedAt ?? ''}:${segment.id}`;
  const [count, setCount] = useState<number | string>(terms?.winnerCount ?? 1);
  const [text, setTextState] = useState(() => drafts.get(draftKey)?.text ?? '');
  const pasted = useDeferredValue(text);
  const [csv, setCsvState] = useState<CsvSource | null>(() => drafts.get(draftKey)?.csv ?? null);
  const setText = (value: string) => {
    setTextState(value);
    drafts.set(draftKey, { text: value, csv });
  };
  const setCsv = (value: CsvSource | null) => {
    setCsvState(value);
    drafts.set(draftKey, { text, csv: value });
  };
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const [committedHash, setCommittedHash] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nf = new Intl.NumberFormat(currentLocale());

  const list = useMemo(
    () => (csv ? collectEntrants(csv.parsed.rows.map((row, i) => ({ row: i + 2, value: row[csv.column] ?? '' }))) : parseEntrantLines(pasted)),
    [csv, pasted],
  );
  const entryText = terms?.entry ? [t(`entryKind.${terms.entry.kind}`), terms.entry.text.trim()].filter(Boolean).join(': ') : undefined;

  const refusalText = (code: GiveawayDrawErrorCode, winners: number): string =>
    code === 'tooFewEntrants'
      ? t('live.refused.tooFewEntrants', { count: list.entrants.length, winners })
      : code === 'tooManyWinners'
        ? t('live.refused.tooManyWinners', { max: MAX_WINNERS })
        : t(`live.refused.${code}`);

  const importCsv = async (file: File | null) => {
    if (!file) return;
    setCsvProblem(null);
    const parsed = parseCsvText(await file.text());
    if (parsed.parseErrors.length > 0) setCsvProblem(t('live.csvUnreadable', { detail: parsed.parseErrors.map((e) => `${e.row}: ${e.detail}`).slice(0, 3).join('; ') }));
    if (parsed.rows.length === 0 && parsed.headers.length === 0) {
      setCsvProblem(t('live.csvEmpty'));
      return;
    }
    setCsv({ name: file.name, parsed, column: guessColumn(parsed.headers) });
  };

  const draw = async () => {
    setRefusal(null);
    const winnerCount = typeof count === 'number' ? count : 0;
    const problem = drawProblem(list.entrants.length, winnerCount);
    if (problem) {
      setRefusal(refusalText(problem, winnerCount));
      return;
    }
    if (!showStartedAt) return;
    setBusy(true);
    const runId = runIdOf(showId, showStartedAt);
    const announce = (record: GiveawayDrawRecord) =>
      studio.runnerCommand({
        type: 'giveawayDrawn',
        segmentId: segment.id,
        prize: record.prize.slice(0, 300),
        winnerCount: record.winnerCount,
        entrantCount: record.entrants.length,
        seedHash: record.seedHash,
        winners: record.winners,
      });
    try {
      // One draw per segment and run: a draw already on record (its announcement failed, say while the studio was
      // not answering) is sent again, never replaced by a new draw with another seed.
      const saved = await savedDrawRecord(db, runId, segment.id);
      if (saved) {
        setCommittedHash(saved.seedHash);
        await announce(saved);
        setNotice(t('live.resentSaved'));
        return;
      }
      const commitment = commitSeed();
      const committedAt = new Date().toISOString();
      setCommittedHash(commitment.seedHash);
      // The hash is on screen before any winner exists; the record (seed, hash, both times) is written the moment
      // the winners are computed, before the runner is told.
      await new Promise((resolve) => setTimeout(resolve, COMMIT_PAUSE_MS));
      const record = drawWinners({
        segmentId: segment.id,
        prize: terms?.prize || segment.title,
        ...(entryText ? { entryRule: entryText } : {}),
        entrants: list.entrants,
        winnerCount,
        commitment,
        committedAt,
        drawnAt: new Date().toISOString(),
      });
      await saveDrawRecord(db, runId, record);
      drafts.delete(draftKey);
      await announce(record);
    } catch (error) {
      notifyError(t('live.drawFailed'), error);
    } finally {
      setBusy(false);
    }
  };

  const hash = drawn?.seedHash ?? committedHash;
  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-label={t('live.section')}>
      <Stack gap="xs">
        <Group gap="xs">
          <IconGift size={18} />
          <Text fw={700}>{t('live.section')}</Text>
          {terms?.prize ? <Text size="sm">{t('live.prize', { prize: terms.prize })}</Text> : null}
        </Group>
        {entryText ? <Text size="sm">{t('live.entry', { entry: entryText })}</Text> : null}
        {!drawn ? (
          <>
            {csv ? (
              <Group align="flex-end">
                <NativeSelect
                  label={t('live.csvColumn')}
                  description={t('live.csvFile', { file: csv.name, rows: nf.format(csv.parsed.rows.length) })}
                  data={csv.parsed.headers.map((header, i) => ({ value: String(i), label: header || `#${i + 1}` }))}
                  value={String(csv.column)}
                  onChange={(e) => setCsv({ ...csv, column: Number(e.currentTarget.value) })}
                />
                <Button variant="subtle" onClick={() => setCsv(null)}>
                  {t('live.backToPaste')}
                </Button>
              </Group>
            ) : (
              <Textarea label={t('live.entrants')} description={t('live.entrantsHint')} autosize minRows={3} maxRows={10} value={text} onChange={(e) => setText(e.currentTarget.value)} disabled={ended || busy} />
            )}
            <Group>
              <FileButton accept=".csv,text/csv" onChange={(file) => void importCsv(file)}>
                {(props) => (
                  <Button {...props} variant="default" size="xs" leftSection={<IconFileImport size={14} />} disabled={ended || busy}>
                    {t('live.importCsv')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {csvProblem ? <Alert color="orange">{csvProblem}</Alert> : null}
          </>
        ) : null}
        <Group gap="xs" role="status" aria-label={t('live.counts')}>
          <Badge variant="light">{t('live.countsValue', { count: drawn ? drawn.entrantCount : list.entrants.length })}</Badge>
          {!drawn ? <Badge variant="outline">{t('live.duplicates', { count: list.duplicatesMerged })}</Badge> : null}
          {!drawn ? (
            <Badge variant="outline" color={list.invalid.length > 0 ? 'orange' : 'gray'}>
              {t('live.invalid', { count: list.invalid.length })}
            </Badge>
          ) : null}
        </Group>
        {!drawn && list.invalid.length > 0 ? (
          <List size="xs" aria-label={t('live.invalidList')}>
            {list.invalid.slice(0, SHOWN_INVALID).map((p) => (
              <List.Item key={p.row}>{t('live.invalidLine', { row: p.row, problem: t(`live.problem.${p.problem}`) })}</List.Item>
            ))}
          </List>
        ) : null}
        {!drawn ? (
          <Group align="flex-end">
            <NumberInput label={t('live.winnerCount')} w={150} min={1} max={MAX_WINNERS} allowDecimal={false} value={count} onChange={setCount} disabled={busy || ended} />
            <Button leftSection={<IconGift size={16} />} loading={busy} disabled={ended || !showStartedAt} onClick={() => void draw()}>
              {t('live.draw')}
            </Button>
          </Group>
        ) : null}
        {refusal ? (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        ) : null}
        {notice ? (
          <Alert color="blue" role="status">
            {notice}
          </Alert>
        ) : null}
        {hash ? (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {t('live.seedHash')}
              </Text>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} aria-label={t('live.seedHash')}>
                {hash}
              </Text>
            </Stack>
            <CopyButton value={hash}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('live.copied') : t('live.copyHash')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : null}
        {busy && !drawn ? <Text size="sm">{t('live.drawing')}</Text> : null}
        {drawn ? (
          <>
            <Text size="sm" c="dimmed">
              {t('live.drawnAt', { time: formatTimeInZone(drawn.drawnAt, viewerZone), count: drawn.entrantCount })}
            </Text>
            <List type="ordered" aria-label={t('live.winners')}>
              {drawn.winners.map((winner) => (
                <List.Item key={winner}>{winner}</List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
});
