/**
 * The live console: pick a show and go live (or rehearse without OBS), then run it segment by segment —
 * big segment timer and show clock with over/under, current and next segment, talking points, deal
 * controls, the fan-group announcement to copy, hotkeys. Every action is a runner command; what the page
 * shows is the runner's state, so another console (or a restart) sees the same show.
 */
import { Alert, Badge, Button, Card, CopyButton, Group, Kbd, List, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBroadcast, IconPlayerPause, IconPlayerPlay, IconPlayerSkipBack, IconPlayerSkipForward, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RunnerCommandRequest } from '../../../../shared/contract/runner.schema';
import type { RunnerState, ShowSnapshot } from '../../../../shared/runner/runner.types';
import { formatMoney } from '../../../../shared/domain/money';
import { segmentKindLabels } from '../../../../shared/domain/runsheet';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { useShows } from '../shows/shows.hooks';
import { ObsHealth } from '../settings/ObsHealth';
import { useObsStatus } from '../settings/obs.hooks';
import { studio } from '../../studio/studio';
import { saveShowRun } from '../reports/reports.repo';
import { loadShowSnapshot } from './live-snapshot';
import { formatClock, useRunner, useTimers, type LiveRunner } from './live.hooks';
import { RemoteControlCard } from '../remote/RemoteControlCard';
import { useLiveQuery } from 'dexie-react-hooks';

async function send(command: RunnerCommandRequest): Promise<void> {
  try {
    await studio.runnerCommand(command);
  } catch (error) {
    notifyError('The show did not take that command', error);
  }
}

const overlayLabels: Record<string, string> = {
  all: 'All overlays (1920×1080)',
  deal: 'Deal card',
  countdown: 'Countdown',
  stock: 'Stock',
  disclosure: 'Disclosure badge',
  'lower-third': 'Lower third',
};

/** Overlay page URLs for OBS browser sources (each carries this install's token: keep them private). */
function OverlayLinks() {
  const urls = useLiveQuery(() => studio.getOverlayUrls(), []);
  if (!urls || urls.pages.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Overlay pages">
      <Title order={3} size="h4" mb={4}>
        Overlay pages for OBS
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Add a Browser Source (1920×1080) in OBS with one of these. They update live and carry a private token.
      </Text>
      <Stack gap={6}>
        {urls.pages.map(({ page, url }) => (
          <Group key={page} justify="space-between" wrap="nowrap">
            <Text size="sm">{overlayLabels[page] ?? page}</Text>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy} aria-label={`Copy URL: ${overlayLabels[page] ?? page}`} data-url={url}>
                  {copied ? 'Copied' : 'Copy URL'}
                </Button>
              )}
            </CopyButton>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function StartPanel({ runner }: { runner: LiveRunner }) {
  const shows = useShows()?.filter((s) => !s.isTemplate);
  const [showId, setShowId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = useLiveQuery(() => studio.findResumableShow(), []);
  const obs = useObsStatus();
  const selected = showId ?? shows?.[0]?.id ?? null;

  const begin = async (rehearsal: boolean) => {
    if (!selected) return;
    setBusy(true);
    try {
      runner.accept(await studio.runnerLoad(await loadShowSnapshot(db, selected), { rehearsal }));
      await studio.runnerCommand({ type: 'start' });
    } catch (error) {
      notifyError('Could not start the show', error);
    } finally {
      setBusy(false);
    }
  };
  const setupObs = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      const report = await studio.setupObs(await loadShowSnapshot(db, selected));
      const created = [...report.scenesCreated, ...report.sourcesCreated];
      notifications.show({
        color: 'green',
        title: 'OBS is set up for this show',
        message: created.length > 0 ? `Created ${created.join(', ')}.` : `Everything was already there (${report.alreadyThere} scenes and sources).`,
      });
    } catch (error) {
      notifyError('Could not set up OBS', error);
    } finally {
      setBusy(false);
    }
  };
  const resume = async () => {
    try {
      runner.accept(await studio.resumeShow());
    } catch (error) {
      notifyError('Could not resume the show', error);
    }
  };

  if (shows && shows.length === 0) {
    return (
      <EmptyState icon={<IconBroadcast />} title="No show to run">
        Plan a show under Shows (or load the sample workspace in Settings), then come back here to go live.
      </EmptyState>
    );
  }
  return (
    <Stack>
      {offer?.resumable ? (
        <Alert color="orange" title="A show was interrupted" role="region">
          <Group justify="space-between">
            <Text size="sm">
              {offer.resumable.title} was {offer.resumable.status} at segment {offer.resumable.segmentIndex + 1}: {offer.resumable.segmentTitle}.
            </Text>
            <Button onClick={() => void resume()}>Resume show</Button>
          </Group>
        </Alert>
      ) : null}
      {offer?.corrupt ? <Alert color="red">{offer.corrupt}</Alert> : null}
      <Card withBorder padding="lg">
        <Stack>
          <Select label="Show" data={(shows ?? []).map((s) => ({ value: s.id, label: s.title }))} value={selected} onChange={setShowId} allowDeselect={false} />
          <Text size="sm" c="dimmed">
            {obs?.connected ? `OBS connected (${obs.programScene ?? 'no scene'}).` : 'OBS is not connected: rehearse without it, or connect in Settings.'}
          </Text>
          <Group>
            <Button variant="default" loading={busy} disabled={!selected || !obs?.connected} onClick={() => void setupObs()}>
              Set up OBS
            </Button>
            <Button leftSection={<IconBroadcast size={16} />} loading={busy} disabled={!selected} onClick={() => void begin(false)}>
              Go live
            </Button>
            <Button variant="light" loading={busy} disabled={!selected} onClick={() => void begin(true)}>
              Rehearse
            </Button>
          </Group>
        </Stack>
      </Card>
      <OverlayLinks />
    </Stack>
  );
}

function Console({ runner, state, snapshot }: { runner: LiveRunner; state: RunnerState; snapshot: ShowSnapshot }) {
  const timers = useTimers(state, runner.offsetMs)!;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const obs = useObsStatus();
  const [stock, setStock] = useState<number | string>('');
  const segments = snapshot.segments;
  const current = segments[state.currentIndex];
  const next = segments[state.currentIndex + 1];
  const ended = state.status === 'ended';
  const paused = state.status === 'paused';
  const deal = current ? state.deals[current.id] : undefined;
  const dealTimer = current ? timers.deals[current.id] : undefined;
  const product = current?.productIds[0] ? snapshot.products.find((p) => p.id === current.productIds[0]) : undefined;

  // When the show ends, its actual timings become a report (saved once per run; saving again changes nothing).
  useEffect(() => {
    if (ended) void saveShowRun(db, state).catch((error: unknown) => notifyError('Could not save the show report', error));
  }, [ended, state]);

  useHotkeys([
    ['space', () => !ended && void send({ type: 'next' })],
    ['ArrowRight', () => !ended && void send({ type: 'next' })],
    ['ArrowLeft', () => !ended && void send({ type: 'previous' })],
    ['p', () => !ended && void send({ type: paused ? 'resume' : 'pause' })],
  ]);

  const over = timers.segmentOverUnderMs > 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{snapshot.show.title}</Title>
          {state.rehearsal ? <Badge color="grape">Rehearsal</Badge> : <Badge color="red">Live</Badge>}
          {paused ? <Badge color="yellow">Paused</Badge> : null}
          {ended ? <Badge color="gray">Ended</Badge> : null}
        </Group>
        {obs?.connected && !state.rehearsal ? <ObsHealth status={obs} /> : null}
        <Text size="sm" c="dimmed">
          Keys: <Kbd>Space</Kbd>/<Kbd>→</Kbd> next · <Kbd>←</Kbd> previous · <Kbd>P</Kbd> pause
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            Segment {state.currentIndex + 1} of {segments.length}
          </Text>
          <Text fz={48} fw={700} c={over ? 'red' : undefined} aria-label="Segment timer" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatClock(timers.segmentElapsedMs)}
          </Text>
          <Text size="sm" c={over ? 'red' : 'dimmed'}>
            of {formatClock(timers.segmentPlannedMs)} · {over ? `${formatClock(timers.segmentOverUnderMs)} over` : `${formatClock(-timers.segmentOverUnderMs)} left`}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            Show clock
          </Text>
          <Text fz={48} fw={700} aria-label="Show clock" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatClock(timers.showElapsedMs)}
          </Text>
          <Text size="sm" c={timers.showOverUnderMs > 0 ? 'red' : 'teal'} aria-label="Over or under">
            {timers.showOverUnderMs > 0 ? `${formatClock(timers.showOverUnderMs)} behind plan` : `${formatClock(-timers.showOverUnderMs)} ahead of plan`}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            Next
          </Text>
          <Text fw={600} aria-label="Next segment">
            {next ? next.title : 'End of show'}
          </Text>
          {next ? (
            <Text size="sm" c="dimmed">
              {segmentKindLabels[next.kind]} · {formatClock(next.plannedSec * 1000)}
            </Text>
          ) : null}
        </Paper>
      </SimpleGrid>

      {current ? (
        <Card withBorder padding="lg" component="section" aria-label="Current segment">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h2">
              {current.title}
            </Title>
            <Group gap={6}>
              <Badge variant="light">{segmentKindLabels[current.kind]}</Badge>
              {current.scene ? <Badge variant="outline">Scene: {current.scene}</Badge> : null}
              {current.sponsored && current.disclosureLabel ? <Badge color="orange">{current.disclosureLabel}</Badge> : null}
            </Group>
          </Group>
          {current.talkingPoints.length > 0 ? (
            <List aria-label="Talking points" size="lg" spacing={4}>
              {current.talkingPoints.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
          ) : null}
          {current.deal ? (
            <Paper withBorder p="sm" mt="md" aria-label="Deal controls">
              <Group justify="space-between" align="flex-end">
                <Stack gap={2}>
                  <Text fw={700}>
                    {formatMoney(current.deal.price)}
                    {product ? (
                      <Text span c="dimmed" td="line-through" ml={8} fw={400}>
                        {formatMoney(product.listPrice)}
                      </Text>
                    ) : null}
                    {current.deal.code ? ` · ${current.deal.code}` : ''}
                  </Text>
                  <Text size="sm" aria-label="Countdown status">
                    {dealTimer?.remainingMs !== null && dealTimer?.remainingMs !== undefined ? `Countdown ${formatClock(dealTimer.remainingMs)}${dealTimer.expired ? ' · ended' : ''}` : 'No countdown running'}
                  </Text>
                  <Text size="sm" aria-label="Stock status">
                    {deal?.soldOut ? 'Sold out' : deal?.stockLeft !== null && deal?.stockLeft !== undefined ? `${deal.stockLeft} left` : 'Stock not tracked'}
                  </Text>
                </Stack>
                <Group align="flex-end">
                  {deal?.countdown === 'running' ? (
                    <Button variant="light" onClick={() => void send({ type: 'stopCountdown' })} disabled={ended}>
                      Stop countdown
                    </Button>
                  ) : (
                    <Button onClick={() => void send({ type: 'startCountdown' })} disabled={ended || !current.deal.countdownSec}>
                      Start countdown
                    </Button>
                  )}
                  <NumberInput label="Stock left" w={110} min={0} allowDecimal={false} value={stock} onChange={setStock} />
                  <Button variant="default" disabled={ended || typeof stock !== 'number'} onClick={() => typeof stock === 'number' && void send({ type: 'setStockLeft', units: stock })}>
                    Set stock
                  </Button>
                  <Button color="red" variant="light" disabled={ended || deal?.soldOut} onClick={() => void send({ type: 'markSoldOut' })}>
                    Sold out
                  </Button>
                </Group>
              </Group>
            </Paper>
          ) : null}
          {current.fanGroupText ? (
            <Paper withBorder p="sm" mt="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text size="xs" c="dimmed">
                    Fan-group announcement
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {current.fanGroupText}
                  </Text>
                </Stack>
                <CopyButton value={current.fanGroupText}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy}>
                      {copied ? 'Copied' : 'Copy announcement'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Paper>
          ) : null}
        </Card>
      ) : null}

      <Group>
        <Button size="lg" variant="default" leftSection={<IconPlayerSkipBack size={18} />} disabled={ended || state.currentIndex === 0} onClick={() => void send({ type: 'previous' })}>
          Previous
        </Button>
        <Button size="lg" leftSection={<IconPlayerSkipForward size={18} />} disabled={ended || !next} onClick={() => void send({ type: 'next' })}>
          Next
        </Button>
        <Button size="lg" variant="light" leftSection={paused ? <IconPlayerPlay size={18} /> : <IconPlayerPause size={18} />} disabled={ended} onClick={() => void send({ type: paused ? 'resume' : 'pause' })}>
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button size="lg" variant="default" disabled={ended} onClick={() => void send({ type: 'adjustTime', deltaSec: 60 })}>
          +1 min
        </Button>
        <Button size="lg" variant="default" disabled={ended} onClick={() => void send({ type: 'adjustTime', deltaSec: -60 })}>
          −1 min
        </Button>
        <Button size="lg" color="red" leftSection={<IconPlayerStop size={18} />} disabled={ended} onClick={() => setConfirmEnd(true)}>
          End show
        </Button>
      </Group>
      <Modal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title="End the show?">
        <Text mb="md">The show stops and its timings are kept for the report. This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmEnd(false)}>
            Keep going
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirmEnd(false);
              void send({ type: 'end' });
            }}
          >
            End the show
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

export function LivePage() {
  const runner = useRunner();
  const [fresh, setFresh] = useState(false);
  const { state } = runner;
  const snapshot = state?.snapshot;
  const active = state && snapshot && state.status !== 'idle' && !(state.status === 'ended' && fresh);
  return (
    <>
      <PageHeader
        title="Live"
        description="Run the show: cues, timers, deals."
        actions={
          runner.state?.status === 'ended' && !fresh ? (
            <Button variant="light" onClick={() => setFresh(true)}>
              Start another show
            </Button>
          ) : undefined
        }
      />
      {active ? <Console runner={runner} state={state} snapshot={snapshot} /> : <StartPanel runner={{ ...runner, accept: (m) => { setFresh(false); runner.accept(m); } }} />}
      <RemoteControlCard />
    </>
  );
}
