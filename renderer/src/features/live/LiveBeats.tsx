/**
 * The live console's beats and price ladder for the segment on air: the next beat with **Fire next beat** (hotkey B),
 * the beats fired so far, the hold-and-release teaser while the price is held, and the ladder's current step with
 * the next step and its countdown. Plus `HardStartWarning`: a warning while the show is on course to miss a later
 * segment's hard start.
 *
 * Invariants: what it shows comes from the runner's state through the shared pure rules (shared/runner/beats.ts,
 * deal-card.ts, hard-start.ts), the same ones the overlays and OBS text use; firing is a runner command (fireBeat),
 * so a phone or another console sees the same beats; time-derived text re-renders only when it changes
 * (useTimerView). Renders nothing on a segment with no beats and no ladder.
 */
import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../../../shared/domain/timing';
import { formatMoney } from '../../../../shared/domain/money';
import type { BeatKind } from '../../../../shared/domain/entities';
import { ladderView, nextUnfiredBeat } from '../../../../shared/runner/beats';
import { plannedRevealAt, teaserText } from '../../../../shared/runner/deal-card';
import { hardStarts, hardStartWarning } from '../../../../shared/runner/hard-start';
import { overlayStrings } from '../../../../shared/runner/overlay-text';
import type { RunnerState, ShowSnapshot, SnapshotBeat } from '../../../../shared/runner/runner.types';
import { notifyError } from '../../components/undo';
import { currentLocale } from '../../i18n/i18n';
import { studio } from '../../studio/studio';
import { formatClock, useTimerView } from './live.hooks';

function useBeatName(): (beat: SnapshotBeat) => string {
  const { t } = useTranslation('beats');
  return (beat) => beat.label ?? t(`kind.${beat.kind satisfies BeatKind}`);
}

function LadderStatus({ state, offsetMs, snapshot }: { state: RunnerState; offsetMs: number; snapshot: ShowSnapshot }) {
  const { t } = useTranslation('beats');
  const segment = snapshot.segments[state.currentIndex];
  const deal = segment ? state.deals[segment.id] : undefined;
  const locale = currentLocale();
  const view = useTimerView(state, offsetMs, (timers) => {
    if (!segment?.deal?.ladder?.length || !deal) return '';
    const ladder = ladderView(segment.deal, deal, timers.segmentElapsedMs);
    const now = t('live.step', { step: ladder.step + 1, steps: ladder.steps + 1, price: formatMoney(ladder.price, locale) });
    const next = ladder.next
      ? ladder.next.trigger === 'time'
        ? t('live.nextStepIn', { price: formatMoney(ladder.next.price, locale), time: formatClock(ladder.next.remainingMs) })
        : t('live.nextStepAt', { price: formatMoney(ladder.next.price, locale), n: ladder.next.atOrBelow })
      : t('live.lastStep');
    return `${now}|${next}`;
  });
  if (!view) return null;
  const [now = '', next = ''] = view.split('|');
  return (
    <Stack gap={0} aria-label={t('ladder.section')}>
      <Text size="sm" fw={600}>
        {now}
      </Text>
      <Text size="sm" c="dimmed">
        {next}
      </Text>
    </Stack>
  );
}

export function LiveBeats({ state, snapshot, offsetMs }: { state: RunnerState; snapshot: ShowSnapshot; offsetMs: number }) {
  const { t } = useTranslation('beats');
  const name = useBeatName();
  const segment = snapshot.segments[state.currentIndex];
  const ended = state.status === 'ended';
  const fired = segment ? (state.firedBeats[segment.id] ?? []) : [];
  const next = segment ? nextUnfiredBeat(segment, fired) : null;
  const fire = () => {
    studio.runnerCommand({ type: 'fireBeat' }).catch((error: unknown) => notifyError(t('live.failed'), error));
  };
  useHotkeys([['b', () => !ended && next && fire()]]);
  if (!segment || (!segment.beats?.length && !segment.deal?.ladder?.length)) return null;
  const deal = state.deals[segment.id];
  const firedBeats = (segment.beats ?? []).filter((beat) => fired.includes(beat.id));
  const nextText = next
    ? next.offsetSec !== undefined
      ? t('live.nextAt', { beat: name(next), time: formatClock(next.offsetSec * 1000) })
      : t('live.next', { beat: name(next) })
    : t('live.allFired');
  return (
    <Paper withBorder p="sm" mt="md" aria-label={t('editor.section')}>
      <Stack gap={6}>
        {segment.beats?.length ? (
          <Group justify="space-between" align="center">
            <Text size="sm" role="status">
              {nextText}
            </Text>
            <Group gap={6}>
              <Button onClick={fire} disabled={ended || !next} title={t('live.fireNextHotkey')}>
                {t('live.fireNext')}
              </Button>
              <Kbd>B</Kbd>
            </Group>
          </Group>
        ) : null}
        {firedBeats.length > 0 ? (
          <Group gap={4} aria-label={t('log.title')}>
            {firedBeats.map((beat) => (
              <Badge key={beat.id} variant="light" color="teal">
                {name(beat)}
              </Badge>
            ))}
          </Group>
        ) : null}
        {deal?.held ? (
          <Text size="sm" c="orange">
            {t('live.teaser', { teaser: teaserText(overlayStrings(currentLocale()), plannedRevealAt(state), snapshot.show.zone) })}
          </Text>
        ) : null}
        <LadderStatus state={state} offsetMs={offsetMs} snapshot={snapshot} />
      </Stack>
    </Paper>
  );
}

/** Warns while the show is on course to miss a later segment's hard start (late by more than the tolerance). */
export function HardStartWarning({ state, offsetMs }: { state: RunnerState; offsetMs: number }) {
  const { t } = useTranslation('beats');
  const zone = state.snapshot?.show.zone ?? 'UTC';
  const view = useTimerView(state, offsetMs, (timers) => {
    if (!state.snapshot?.segments.some((s) => s.pinnedAt !== undefined)) return '';
    const warning = hardStartWarning(hardStarts(state, timers, Date.now()));
    if (!warning) return '';
    return t('live.hardStartLate', {
      title: warning.title,
      pinned: clockTime(warning.pinnedAt, zone),
      projected: clockTime(warning.projectedAt, zone),
      late: formatClock(warning.driftMs),
    });
  });
  if (!view) return null;
  return (
    <Alert color="red" role="alert" title={t('hardStart.label')}>
      {view}
    </Alert>
  );
}
