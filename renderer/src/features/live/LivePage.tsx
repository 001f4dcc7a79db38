/**
 * The live console: pick a show and go live (or rehearse without OBS), then run it segment by segment —
 * big segment timer and show clock with over/under, current and next segment, talking points, deal
 * controls, the fan-group announcement to copy, hotkeys. Every action is a runner command; what the page
 * shows is the runner's state, so another console (or a restart) sees the same show.
 * Go live opens the pre-flight checklist (PreflightChecklist); the state badges (LiveStateBadges) say ON AIR only
 * while OBS streams; End show offers to stop OBS's outputs (EndShowDialog); an ended show offers its report
 * (ShowOverPanel). Overlay page URLs are listed before and during a show (OverlayLinks). Role cues of the segment
 * on air show in Host / Assistant / Controller columns with a role filter (RoleCuesPanel) when the show has any.
 * A giveaway segment on air shows its draw (GiveawayDrawPanel). Live sales entry and sales against target
 * (LiveSalesPanel); an ended run is saved with its sales entries.
 */
import { Alert, Badge, Button, Card, CopyButton, Group, Kbd, List, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBroadcast, IconPlayerPause, IconPlayerPlay, IconPlayerSkipBack, IconPlayerSkipForward } from '@tabler/icons-react';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsCanvasReport } from '../../../../shared/contract/obs-canvas';
import type { RunnerCommandRequest } from '../../../../shared/contract/runner.schema';
import type { RunnerState, ShowSnapshot } from '../../../../shared/runner/runner.types';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { useDomainLabels } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale, i18n } from '../../i18n/i18n';
import { useShows } from '../shows/shows.hooks';
import { ObsHealth } from '../settings/ObsHealth';
import { useObsStatus } from '../settings/obs.hooks';
import { studio } from '../../studio/studio';
import { saveEndedRun } from './live-sales.hooks';
import { LiveSalesPanel } from './LiveSalesPanel';
import { loadShowSnapshot } from './live-snapshot';
import { formatClock, useRunner, useTimerView, type LiveRunner } from './live.hooks';
import { LiveConnectionGuard, NotLiveMark } from './LiveConnectionGuard';
import { useResumeOffer } from './resume.hooks';
import { RemoteControlCard } from '../remote/RemoteControlCard';
import { DealOnAir } from './DealOnAir';
import { HardStartWarning, LiveBeats } from './LiveBeats';
import { priceAtStep } from '../../../../shared/runner/beats';
import { EndShowDialog } from './EndShowDialog';
import { GiveawayDrawPanel } from './GiveawayDrawPanel';
import { LiveStateBadges } from './LiveStateBadges';
import { ObsCanvasCheck } from './ObsCanvasCheck';
import { ObsNextStep } from './ObsNextStep';
import { OverlayLinks } from './OverlayLinks';
import { PreflightChecklist } from './PreflightChecklist';
import { ClaimsToReview } from './ClaimsToReview';
import { ShowOverPanel } from './ShowOverPanel';
import { RoleCuesPanel } from './RoleCuesPanel';
import { hasRoleCues } from '../../../../shared/domain/role-cues';

async function send(command: RunnerCommandRequest): Promise<void> {
  try {
    await studio.runnerCommand(command);
  } catch (error) {
    notifyError(i18n.t('commandFailed', { ns: 'live' }), error);
  }
}

function StartPanel({ runner }: { runner: LiveRunner }) {
  const { t } = useTranslation('live');
  const shows = useShows()?.filter((s) => !s.isTemplate);
  const [showId, setShowId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = useResumeOffer();
  const obs = useObsStatus();
  const selected = showId ?? shows?.[0]?.id ?? null;
  const [preflight, setPreflight] = useState(false);
  const [nextStep, setNextStep] = useState<string[] | null>(null);
  const [canvas, setCanvas] = useState<ObsCanvasReport | null>(null);
  // OBS's canvas against the picked show, as soon as both are there (Set up OBS reads it again).
  const obsConnected = obs?.connected === true;
  useEffect(() => {
    if (!selected || !obsConnected) return;
    let current = true;
    void loadShowSnapshot(db, selected)
      .then((snapshot) => studio.getObsCanvas(snapshot))
      .then(
        (report) => {
          if (current) setCanvas(report);
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [selected, obsConnected]);

  const begin = async (rehearsal: boolean) => {
    if (!selected) return;
    setBusy(true);
    try {
      runner.accept(await studio.runnerLoad(await loadShowSnapshot(db, selected), { rehearsal }));
      await studio.runnerCommand({ type: 'start' });
    } catch (error) {
      notifyError(t('start.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  const goLive = () => begin(false);
  const setupObs = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      const report = await studio.setupObs(await loadShowSnapshot(db, selected));
      const created = [...report.scenesCreated, ...report.sourcesCreated];
      notifications.show({
        color: 'green',
        title: t('start.obsReady'),
        message: created.length > 0 ? t('start.obsCreated', { items: created.join(', ') }) : t('start.obsAlready', { n: report.alreadyThere }),
      });
      setNextStep(report.otherScenes ?? []);
      setCanvas(report.canvas ?? null);
    } catch (error) {
      notifyError(t('start.obsFailed'), error);
    } finally {
      setBusy(false);
    }
  };
  const resume = async () => {
    try {
      runner.accept(await studio.resumeShow());
    } catch (error) {
      notifyError(t('start.resumeFailed'), error);
    }
  };

  if (shows && shows.length === 0) {
    return (
      <EmptyState icon={<IconBroadcast />} title={t('start.noShowTitle')}>
        {t('start.noShowBody')}
      </EmptyState>
    );
  }
  return (
    <Stack>
      {offer?.resumable ? (
        <Alert color="orange" title={t('start.interrupted')} role="region">
          <Group justify="space-between">
            <Text size="sm">
              {t('start.interruptedBody', {
                title: offer.resumable.title,
                status: t(`start.status.${offer.resumable.status}`),
                index: offer.resumable.segmentIndex + 1,
                segment: offer.resumable.segmentTitle,
              })}
            </Text>
            <Button onClick={() => void resume()}>{t('start.resume')}</Button>
          </Group>
        </Alert>
      ) : null}
      {offer?.corrupt ? <Alert color="red">{offer.corrupt}</Alert> : null}
      <Card withBorder padding="lg">
        <Stack>
          <Select label={t('start.show')} data={(shows ?? []).map((s) => ({ value: s.id, label: s.title }))} value={selected} onChange={(id) => { setShowId(id); setCanvas(null); }} allowDeselect={false} />
          <Text size="sm" c="dimmed">
            {obs?.connected ? t('start.obsConnected', { scene: obs.programScene ?? t('start.noScene') }) : t('start.obsNotConnected')}
          </Text>
          <Group>
            <Button variant="default" loading={busy} disabled={!selected || !obs?.connected} onClick={() => void setupObs()}>
              {t('start.setupObs')}
            </Button>
            <Button leftSection={<IconBroadcast size={16} />} loading={busy} disabled={!selected} onClick={() => setPreflight(true)}>
              {t('start.goLive')}
            </Button>
            <Button variant="light" loading={busy} disabled={!selected} onClick={() => void begin(true)}>
              {t('start.rehearse')}
            </Button>
          </Group>
          {canvas && selected ? <ObsCanvasCheck report={canvas} showId={selected} onChange={setCanvas} /> : null}
          {nextStep && selected ? <ObsNextStep otherScenes={nextStep} showId={selected} onDone={() => setNextStep(null)} /> : null}
          {selected ? <ClaimsToReview showId={selected} /> : null}
        </Stack>
      </Card>
      {selected ? <PreflightChecklist opened={preflight} onClose={() => setPreflight(false)} showId={selected} onGoLive={goLive} /> : null}
      <OverlayLinks />
    </Stack>
  );
}

/** Title, run badges, OBS health and key hints: unchanged by cues, so a Next does not re-render it. */
const ConsoleHeader = memo(function ConsoleHeader({ title, rehearsal, paused, ended }: { title: string; rehearsal: boolean; paused: boolean; ended: boolean }) {
  const { t } = useTranslation('live');
  const obs = useObsStatus();
  return (
    <Group justify="space-between">
      <Group>
        <Title order={3}>{title}</Title>
        <LiveStateBadges ended={ended} rehearsal={rehearsal} paused={paused} obs={obs} />
      </Group>
      {obs?.connected && !rehearsal && !ended ? <ObsHealth status={obs} /> : null}
      <Text size="sm" c="dimmed">
        {t('console.keys')} <Kbd>{t('console.keySpace')}</Kbd>/<Kbd>→</Kbd> {t('console.keyNext')} · <Kbd>←</Kbd> {t('console.keyPrevious')} · <Kbd>P</Kbd> {t('console.keyPause')}
      </Text>
    </Group>
  );
});

/** Countdown, stock and sold-out controls: re-render only when what they show changes, not on every cue. */
const DealButtons = memo(function DealButtons({ ended, countdownRunning, canCountdown, soldOut }: { ended: boolean; countdownRunning: boolean; canCountdown: boolean; soldOut: boolean }) {
  const { t } = useTranslation('live');
  const [stock, setStock] = useState<number | string>('');
  return (
    <Group align="flex-end">
      {countdownRunning ? (
        <Button variant="light" onClick={() => void send({ type: 'stopCountdown' })} disabled={ended}>
          {t('console.stopCountdown')}
        </Button>
      ) : (
        <Button onClick={() => void send({ type: 'startCountdown' })} disabled={ended || !canCountdown}>
          {t('console.startCountdown')}
        </Button>
      )}
      <NumberInput label={t('console.stockLeftInput')} w={110} min={0} allowDecimal={false} value={stock} onChange={setStock} />
      <Button variant="default" disabled={ended || typeof stock !== 'number'} onClick={() => typeof stock === 'number' && void send({ type: 'setStockLeft', units: stock })}>
        {t('console.setStock')}
      </Button>
      <Button color="red" variant="light" disabled={ended || soldOut} onClick={() => void send({ type: 'markSoldOut' })}>
        {t('console.soldOut')}
      </Button>
    </Group>
  );
});

// The timer displays re-render on their own when their text changes; the console around them does not.
function SegmentTimer({ state, offsetMs }: { state: RunnerState; offsetMs: number }) {
  const { t } = useTranslation('live');
  const view = useTimerView(state, offsetMs, (timers) =>
    [formatClock(timers.segmentElapsedMs), formatClock(timers.segmentPlannedMs), timers.segmentOverUnderMs > 0 ? 'over' : 'left', formatClock(Math.abs(timers.segmentOverUnderMs))].join('|'),
  );
  const [elapsed = '', planned = '', side = 'left', diff = ''] = view.split('|');
  const over = side === 'over';
  return (
    <>
      <Text fz={48} fw={700} c={over ? 'red' : undefined} aria-label={t('console.segmentTimer')} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {elapsed}
      </Text>
      <NotLiveMark />
      <Text size="sm" c={over ? 'red' : 'dimmed'}>
        {t('console.of', { planned })} · {over ? t('console.over', { time: diff }) : t('console.left', { time: diff })}
      </Text>
    </>
  );
}

function ShowClock({ state, offsetMs }: { state: RunnerState; offsetMs: number }) {
  const { t } = useTranslation('live');
  const view = useTimerView(state, offsetMs, (timers) =>
    [formatClock(timers.showElapsedMs), timers.showOverUnderMs > 0 ? 'behind' : 'ahead', formatClock(Math.abs(timers.showOverUnderMs))].join('|'),
  );
  const [elapsed = '', side = 'ahead', diff = ''] = view.split('|');
  return (
    <>
      <Text fz={48} fw={700} aria-label={t('console.showClock')} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {elapsed}
      </Text>
      <NotLiveMark />
      <Text size="sm" c={side === 'behind' ? 'red' : 'teal'} aria-label={t('console.overUnder')}>
        {side === 'behind' ? t('console.behind', { time: diff }) : t('console.ahead', { time: diff })}
      </Text>
    </>
  );
}

function CountdownStatus({ state, offsetMs, segmentId }: { state: RunnerState; offsetMs: number; segmentId: string }) {
  const { t } = useTranslation('live');
  const view = useTimerView(state, offsetMs, (timers) => {
    const deal = timers.deals[segmentId];
    return deal?.remainingMs !== null && deal?.remainingMs !== undefined ? `${formatClock(deal.remainingMs)}|${deal.expired ? 'expired' : ''}` : '';
  });
  const [time = '', expired = ''] = view.split('|');
  return (
    <Text size="sm" aria-label={t('console.countdownStatus')}>
      {view ? `${t('console.countdown', { time })}${expired ? t('console.countdownEnded') : ''}` : t('console.noCountdown')}
    </Text>
  );
}

/** Talking points, deal controls and the fan-group text of the segment on air (in `state`). */
const SegmentDetails = memo(function SegmentDetails({ state, snapshot, offsetMs }: { state: RunnerState; snapshot: ShowSnapshot; offsetMs: number }) {
  const { t } = useTranslation('live');
  const current = snapshot.segments[state.currentIndex];
  if (!current) return null;
  const ended = state.status === 'ended';
  const deal = state.deals[current.id];
  const product = current.productIds[0] ? snapshot.products.find((p) => p.id === current.productIds[0]) : undefined;
  return (
    <>
      {current.talkingPoints.length > 0 ? (
        <List aria-label={t('console.talkingPoints')} size="lg" spacing={4}>
          {current.talkingPoints.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
      ) : null}
      {/* Kept mounted (hidden) on segments without a deal: its number field is the costliest part of the
          console to mount, and mounting it on every other cue would delay the cue on screen. */}
      <Paper withBorder p="sm" mt="md" aria-label={t('console.dealControls')} style={current.deal ? undefined : { display: 'none' }}>
        <Group justify="space-between" align="flex-end">
          {current.deal ? (
            <Stack gap={2}>
              <Text fw={700}>
                {formatMoney(priceAtStep(current.deal, deal?.step ?? 0), currentLocale())}
                {product ? (
                  <Text span c="dimmed" td="line-through" ml={8} fw={400}>
                    {formatMoney(product.listPrice, currentLocale())}
                  </Text>
                ) : null}
                {current.deal.code ? ` · ${current.deal.code}` : ''}
              </Text>
              <CountdownStatus state={state} offsetMs={offsetMs} segmentId={current.id} />
              <DealOnAir state={state} offsetMs={offsetMs} segmentId={current.id} />
              <Text size="sm" aria-label={t('console.stockStatus')}>
                {deal?.soldOut ? t('console.soldOut') : deal?.stockLeft !== null && deal?.stockLeft !== undefined ? t('console.stockLeft', { count: deal.stockLeft }) : t('console.stockNotTracked')}
              </Text>
            </Stack>
          ) : null}
          <DealButtons ended={ended} countdownRunning={deal?.countdown === 'running'} canCountdown={!!current.deal?.countdownSec} soldOut={!!deal?.soldOut} />
        </Group>
      </Paper>
      {current.fanGroupText ? (
        <Paper withBorder p="sm" mt="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2} style={{ flex: 1 }}>
              <Text size="xs" c="dimmed">
                {t('console.fanGroup')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {current.fanGroupText}
              </Text>
            </Stack>
            <CopyButton value={current.fanGroupText}>
              {({ copied, copy }) => (
                <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy}>
                  {copied ? t('console.copied') : t('console.copyAnnouncement')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Paper>
      ) : null}
    </>
  );
});

/** Previous, Next, pause, ±1 minute and End show: re-render only when one of them changes state. */
const endShow = () => send({ type: 'end' });

const CueButtons = memo(function CueButtons({ ended, atStart, atEnd, paused, rehearsal }: { ended: boolean; atStart: boolean; atEnd: boolean; paused: boolean; rehearsal: boolean }) {
  const { t } = useTranslation('live');
  return (
    <Group>
      <Button size="lg" variant="default" leftSection={<IconPlayerSkipBack size={18} />} disabled={ended || atStart} onClick={() => void send({ type: 'previous' })}>
        {t('console.previous')}
      </Button>
      <Button size="lg" leftSection={<IconPlayerSkipForward size={18} />} disabled={ended || atEnd} onClick={() => void send({ type: 'next' })}>
        {t('console.nextButton')}
      </Button>
      <Button size="lg" variant="light" leftSection={paused ? <IconPlayerPlay size={18} /> : <IconPlayerPause size={18} />} disabled={ended} onClick={() => void send({ type: paused ? 'resume' : 'pause' })}>
        {paused ? t('console.resume') : t('console.pause')}
      </Button>
      <Button size="lg" variant="default" disabled={ended} onClick={() => void send({ type: 'adjustTime', deltaSec: 60 })}>
        {t('console.plusMinute')}
      </Button>
      <Button size="lg" variant="default" disabled={ended} onClick={() => void send({ type: 'adjustTime', deltaSec: -60 })}>
        {t('console.minusMinute')}
      </Button>
      <EndShowDialog disabled={ended} rehearsal={rehearsal} onEnd={endShow} />
    </Group>
  );
});

function Console({ runner, state, snapshot }: { runner: LiveRunner; state: RunnerState; snapshot: ShowSnapshot }) {
  const { t } = useTranslation('live');
  const labels = useDomainLabels();
  const segments = snapshot.segments;
  const current = segments[state.currentIndex];
  const next = segments[state.currentIndex + 1];
  const ended = state.status === 'ended';
  const paused = state.status === 'paused';
  // Segment details (talking points, deal, fan group) render from a deferred copy of the state: a cue first puts the
  // new title, timers and buttons on screen, then the details follow in the same frame or the next.
  const details = useDeferredValue(state);
  const showHasCues = useMemo(() => segments.some((s) => hasRoleCues(s.cues)), [segments]);

  // When the show ends, its actual timings become a report (saved once per run; saving again changes nothing).
  useEffect(() => {
    if (ended) void saveEndedRun(state).catch((error: unknown) => notifyError(i18n.t('console.reportFailed', { ns: 'live' }), error));
  }, [ended, state]);

  useHotkeys([
    ['space', () => !ended && void send({ type: 'next' })],
    ['ArrowRight', () => !ended && void send({ type: 'next' })],
    ['ArrowLeft', () => !ended && void send({ type: 'previous' })],
    ['p', () => !ended && void send({ type: paused ? 'resume' : 'pause' })],
  ]);

  return (
    <Stack>
      <ConsoleHeader title={snapshot.show.title} rehearsal={state.rehearsal} paused={paused} ended={ended} />
      <HardStartWarning state={state} offsetMs={runner.offsetMs} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('console.segmentOf', { index: state.currentIndex + 1, total: segments.length })}
          </Text>
          <SegmentTimer state={state} offsetMs={runner.offsetMs} />
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('console.showClock')}
          </Text>
          <ShowClock state={state} offsetMs={runner.offsetMs} />
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('console.next')}
          </Text>
          <Text fw={600} aria-label={t('console.nextSegment')}>
            {next ? next.title : t('console.endOfShow')}
          </Text>
          {next ? (
            <Text size="sm" c="dimmed">
              {labels.kind(next.kind)} · {formatClock(next.plannedSec * 1000)}
            </Text>
          ) : null}
        </Paper>
      </SimpleGrid>

      {current ? (
        <Card withBorder padding="lg" component="section" aria-label={t('console.currentSegment')}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h2">
              {current.title}
            </Title>
            <Group gap={6}>
              <Badge variant="light">{labels.kind(current.kind)}</Badge>
              {current.scene ? <Badge variant="outline">{t('console.scene', { scene: current.scene })}</Badge> : null}
              {current.sponsored && current.disclosureLabel ? <Badge color="orange">{current.disclosureLabel}</Badge> : null}
            </Group>
          </Group>
          <SegmentDetails state={details} snapshot={snapshot} offsetMs={runner.offsetMs} />
          {showHasCues ? <RoleCuesPanel segment={segments[details.currentIndex] ?? current} /> : null}
          {current.kind === 'giveaway' ? (
            <GiveawayDrawPanel key={current.id} segment={current} showId={snapshot.show.id} showStartedAt={state.showStartedAt} ended={ended} drawn={state.giveaways[current.id]} />
          ) : null}
          <LiveBeats state={state} snapshot={snapshot} offsetMs={runner.offsetMs} />
        </Card>
      ) : null}

      {/* From the deferred copy too: the sales rows of the new segment follow the cue, never delay it. */}
      {segments[details.currentIndex] ? (
        <LiveSalesPanel snapshot={snapshot} segment={segments[details.currentIndex]!} sales={details.sales} ended={details.status === 'ended'} />
      ) : null}
      <CueButtons ended={ended} atStart={state.currentIndex === 0} atEnd={!next} paused={paused} rehearsal={state.rehearsal} />
      {ended ? <ShowOverPanel state={state} /> : null}
      <OverlayLinks />

    </Stack>
  );
}

export function LivePage() {
  const { t } = useTranslation('live');
  const runner = useRunner();
  const [fresh, setFresh] = useState(false);
  const { state } = runner;
  const snapshot = state?.snapshot;
  const active = state && snapshot && state.status !== 'idle' && !(state.status === 'ended' && fresh);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          runner.state?.status === 'ended' && !fresh ? (
            <Button variant="light" onClick={() => setFresh(true)}>
              {t('startAnother')}
            </Button>
          ) : undefined
        }
      />
      <LiveConnectionGuard>
        {active ? <Console runner={runner} state={state} snapshot={snapshot} /> : <StartPanel runner={{ ...runner, accept: (m) => { setFresh(false); runner.accept(m); } }} />}
      </LiveConnectionGuard>
      <RemoteControlCard />
    </>
  );
}
