/**
 * The pre-flight checklist that "Go live" opens: OBS connected, the show's scenes in OBS, streaming and recording,
 * overlay pages reachable (and how many are connected), disclosure and claim flags. From here the user can start
 * streaming and recording in OBS. Going live while OBS does not stream takes an explicit choice ("Go live without
 * streaming"). The checks run in the services (getPreflight); the levels come from shared/domain/preflight.ts.
 *
 * Invariants: read-only until the user acts; every action re-checks; streaming/recording shown follow the OBS status
 * events (outputActive) as they come, not only the last check.
 */
import { Alert, Badge, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsOffAirConfirmation, openFlags, preflightItems, type PreflightItem, type PreflightReport, type ShowFlag } from '../../../../shared/domain/preflight';
import { showPlatforms, type ShowPlatform } from '../../../../shared/domain/entities';
import type { ShowSnapshot } from '../../../../shared/runner/runner.types';
import { useDomainLabels } from '../../components/labels';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { i18n } from '../../i18n/i18n';
import { studio } from '../../studio/studio';
import { useObsStatus } from '../settings/obs.hooks';
import { loadShowSnapshot } from './live-snapshot';

const levelIcon = {
  ok: <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />,
  warning: <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" aria-hidden />,
  problem: <IconCircleX size={18} color="var(--mantine-color-red-6)" aria-hidden />,
};

function FlagLines({ flags }: { flags: ShowFlag[] }) {
  const { t } = useTranslation('golive');
  const labels = useDomainLabels();
  const platformName = (platform: string) => ((showPlatforms as readonly string[]).includes(platform) ? labels.platform(platform as ShowPlatform) : platform);
  return (
    <List size="sm" withPadding>
      {flags.map((flag) => (
        <List.Item key={`${flag.family}-${flag.code}-${flag.segmentId}-${flag.family === 'claim' ? `${flag.field}-${flag.term}` : ''}`}>
          {flag.family === 'disclosure'
            ? flag.code === 'disclosureMissing'
              ? t('preflight.disclosure.missing', { segment: flag.segmentTitle })
              : t('preflight.disclosure.unfit', { segment: flag.segmentTitle, label: flag.label ?? '', platforms: (flag.platforms ?? []).map(platformName).join(', ') })
            : t(flag.reviewed ? 'preflight.claims.reviewedFlag' : 'preflight.claims.flag', { term: flag.term, segment: flag.segmentTitle, field: t(`preflight.claims.field.${flag.field}`), kind: t(`preflight.claims.kind.${flag.code}`) })}
        </List.Item>
      ))}
    </List>
  );
}

export interface PreflightChecklistProps {
  opened: boolean;
  onClose(): void;
  /** The show to check (its snapshot is the one going live hands to the runner). */
  showId: string;
  /** Goes live; the dialog closes when it resolves. */
  onGoLive(): Promise<void>;
}

export function PreflightChecklist(props: PreflightChecklistProps) {
  const { t } = useTranslation('golive');
  const { t: tc } = useTranslation('common');
  // The body mounts with the dialog, so every opening starts a fresh check.
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('preflight.title')} size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      {props.opened ? <ChecklistBody {...props} /> : null}
    </Modal>
  );
}

function ChecklistBody({ onClose, showId, onGoLive }: PreflightChecklistProps) {
  const { t } = useTranslation('golive');
  const obs = useObsStatus();
  const [snapshot, setSnapshot] = useState<ShowSnapshot | null>(null);
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** Re-runs the checks (after an action). */
  const check = async (shot: ShowSnapshot) => {
    try {
      setReport(await studio.getPreflight(shot));
    } catch (error) {
      notifyError(t('preflight.checkFailed'), error);
    }
  };

  useEffect(() => {
    let current = true;
    loadShowSnapshot(db, showId)
      .then(async (shot) => {
        const first = await studio.getPreflight(shot);
        if (!current) return;
        setSnapshot(shot);
        setReport(first);
      })
      .catch((error: unknown) => notifyError(i18n.t('preflight.checkFailed', { ns: 'golive' }), error));
    return () => {
      current = false;
    };
  }, [showId]);

  // OBS connected or was lost while the checklist is open: check again (scenes can only be read while connected).
  const obsConnected = obs?.connected;
  const recheckedFor = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    if (!snapshot || obsConnected === undefined || report === null) return;
    if (obsConnected === report.obs.connected) {
      recheckedFor.current = undefined;
      return;
    }
    if (recheckedFor.current === obsConnected) return; // once per change, never a loop
    recheckedFor.current = obsConnected;
    let current = true;
    studio.getPreflight(snapshot).then(
      (next) => current && setReport(next),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [obsConnected, snapshot, report]);

  // Streaming and recording as OBS reports them now (events), over the last check.
  const live: PreflightReport | null = report
    ? {
        ...report,
        obs: obs ? { ...report.obs, connected: obs.connected } : report.obs,
        streaming: obs?.connected ? !!obs.streaming : obs ? null : report.streaming,
        recording: obs?.connected ? !!obs.recording : obs ? null : report.recording,
      }
    : null;
  const items = live ? preflightItems(live) : [];

  const act = async (name: string, work: () => Promise<unknown>, failure: string) => {
    setBusy(name);
    try {
      await work();
      if (snapshot) await check(snapshot);
    } catch (error) {
      notifyError(failure, error);
    } finally {
      setBusy(null);
    }
  };

  const line = (item: PreflightItem) => {
    if (!live) return null;
    switch (item.id) {
      case 'obs':
        return live.obs.connected ? t('preflight.obs.ok', { version: live.obs.obsVersion ?? obs?.obsVersion ?? '' }) : t('preflight.obs.problem');
      case 'scenes':
        if (!live.scenes || !live.obs.connected) return t('preflight.scenes.unknown');
        if (live.scenes.required.length === 0) return t('preflight.scenes.none');
        return live.scenes.missing.length > 0 ? t('preflight.scenes.missing', { scenes: live.scenes.missing.join(', ') }) : t('preflight.scenes.ok', { count: live.scenes.required.length });
      case 'streaming':
        return live.streaming === null ? t('preflight.streaming.unknown') : live.streaming ? t('preflight.streaming.on') : t('preflight.streaming.off');
      case 'recording':
        return live.recording === null ? t('preflight.recording.unknown') : live.recording ? t('preflight.recording.on') : t('preflight.recording.off');
      case 'overlays': {
        const total = live.overlays.pages.length;
        const reachable = live.overlays.pages.filter((page) => page.reachable);
        const text =
          total === 0
            ? t('preflight.overlays.none')
            : reachable.length === total
              ? t('preflight.overlays.ok', { total })
              : t('preflight.overlays.some', { reachable: reachable.length, total, pages: live.overlays.pages.filter((page) => !page.reachable).map((page) => page.page).join(', ') });
        return `${text} ${t('preflight.overlays.clients', { count: live.overlays.connectedClients })}`;
      }
      case 'disclosure': {
        const flags = live.flags.filter((flag) => flag.family === 'disclosure');
        return flags.length === 0 ? t('preflight.disclosure.ok') : t('preflight.disclosure.problem', { count: flags.length });
      }
      case 'claims': {
        const flags = live.flags.filter((flag) => flag.family === 'claim');
        const open = openFlags(flags).length;
        if (open > 0) return t('preflight.claims.problem', { count: open });
        return flags.length === 0 ? t('preflight.claims.ok') : t('preflight.claims.allReviewed', { count: flags.length });
      }
    }
  };

  const action = (item: PreflightItem) => {
    if (!live?.obs.connected) return null;
    if (item.id === 'streaming' && live.streaming === false) {
      return (
        <Button size="xs" color="red" loading={busy === 'stream'} disabled={busy !== null} onClick={() => void act('stream', () => studio.setObsOutput({ output: 'stream', active: true }), t('preflight.streamFailed'))}>
          {t('preflight.startStreaming')}
        </Button>
      );
    }
    if (item.id === 'recording' && live.recording === false) {
      return (
        <Button size="xs" variant="light" loading={busy === 'record'} disabled={busy !== null} onClick={() => void act('record', () => studio.setObsOutput({ output: 'record', active: true }), t('preflight.recordFailed'))}>
          {t('preflight.startRecording')}
        </Button>
      );
    }
    if (item.id === 'scenes' && snapshot && (live.scenes?.missing.length ?? 0) > 0) {
      return (
        <Button size="xs" variant="light" loading={busy === 'scenes'} disabled={busy !== null} onClick={() => void act('scenes', () => studio.setupObs(snapshot), t('preflight.checkFailed'))}>
          {t('preflight.createScenes')}
        </Button>
      );
    }
    return null;
  };

  const offAir = live ? needsOffAirConfirmation(live) : true;
  const goLive = () => void act('live', async () => {
    await onGoLive();
    onClose();
  }, t('preflight.checkFailed'));

  return (
    <>
      {!live ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('preflight.checking')}</Text>
        </Group>
      ) : (
        <Stack>
          <Stack gap="xs" role="list" aria-label={t('preflight.listLabel')}>
            {items.map((item) => (
              <Group key={item.id} role="listitem" justify="space-between" wrap="nowrap" align="flex-start" data-check={item.id} data-level={item.level}>
                <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: 1 }}>
                  {levelIcon[item.level]}
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Text size="sm">
                      <Badge size="xs" variant="light" color={item.level === 'ok' ? 'teal' : item.level === 'warning' ? 'orange' : 'red'} mr={6}>
                        {t(`preflight.level.${item.level}`)}
                      </Badge>
                      {line(item)}
                    </Text>
                    {(item.id === 'disclosure' || item.id === 'claims') && live.flags.some((flag) => (item.id === 'claims' ? flag.family === 'claim' : flag.family === 'disclosure')) ? (
                      <FlagLines flags={live.flags.filter((flag) => (item.id === 'claims' ? flag.family === 'claim' : flag.family === 'disclosure'))} />
                    ) : null}
                  </Stack>
                </Group>
                {action(item)}
              </Group>
            ))}
          </Stack>
          {offAir ? (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              {t('preflight.notStreamingWarning')}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Button variant="subtle" disabled={busy !== null} onClick={() => snapshot && void act('check', async () => undefined, t('preflight.checkFailed'))}>
              {t('preflight.checkAgain')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('preflight.cancel')}
              </Button>
              <Button color={offAir ? 'orange' : 'red'} loading={busy === 'live'} disabled={busy !== null && busy !== 'live'} onClick={goLive}>
                {offAir ? t('preflight.goLiveOffAir') : t('preflight.goLive')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </>
  );
}
