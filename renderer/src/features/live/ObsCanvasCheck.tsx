/**
 * After "Set up OBS": OBS's canvas against the show's orientation, in one sentence. When they do not match, it offers
 * to set 1080×1920 (or 1920×1080) and asks first (a dialog: OBS's base and output resolution change for every scene).
 * OBS refuses to change its canvas while an output runs: the answer names the running outputs, as a sentence.
 * Where OBS has several canvases, it says which one the show uses and what the studio addresses on it (obs.canvas-target).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsCanvasReport, ObsOutputKind } from '../../../../shared/contract/obs-canvas';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { studio } from '../../studio/studio';
import { loadShowSnapshot } from './live-snapshot';

export function ObsCanvasCheck({ report, showId, onChange }: { report: ObsCanvasReport; showId: string; onChange(report: ObsCanvasReport): void }) {
  const { t } = useTranslation('vertical');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ObsOutputKind[] | null>(null);
  const canvas = report.canvases[report.selected];
  if (!canvas) return null;
  const words = (orientation: string) => t(`orientation.${orientation}`);
  const size = report.recommended;
  const apply = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const result = await studio.setObsCanvas(await loadShowSnapshot(db, showId));
      setConfirming(false);
      if (result.ok) {
        onChange(result.canvas);
        const now = result.canvas.canvases[result.canvas.selected];
        notifications.show({ color: 'green', message: t('canvas.done', { width: now?.base.width ?? size.width, height: now?.base.height ?? size.height }) });
      } else {
        setRefused(result.outputs);
      }
    } catch (error) {
      setConfirming(false);
      notifyError(t('canvas.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color={report.matches ? 'green' : 'orange'} title={t('canvas.title')} role="region" aria-label={t('canvas.title')}>
      <Stack gap="xs">
        <Text size="sm">
          {report.matches
            ? t('canvas.matches', { width: canvas.base.width, height: canvas.base.height, orientation: words(report.orientation) })
            : t('canvas.mismatch', { width: canvas.base.width, height: canvas.base.height, canvasOrientation: words(report.canvasOrientation), orientation: words(report.orientation) })}
        </Text>
        {report.canvases.length > 1 ? <Text size="sm">{t('canvas.multi', { n: report.canvases.length, name: canvas.name, width: canvas.base.width, height: canvas.base.height })}</Text> : null}
        {report.addressing === 'scene-switch' ? <Text size="sm">{t('canvas.addressSceneSwitch', { name: canvas.name })}</Text> : null}
        {report.addressing === 'main-only' ? <Text size="sm">{t('canvas.addressMainOnly', { name: canvas.name })}</Text> : null}
        {refused ? (
          <Text size="sm" c="red" role="alert">
            {t('canvas.outputsActive', { outputs: refused.map((kind) => t(`canvas.output.${kind}`)).join(', ') })}
          </Text>
        ) : null}
        {!report.matches ? (
          <Group>
            <Button size="xs" onClick={() => setConfirming(true)}>
              {t('canvas.setTo', { width: size.width, height: size.height })}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('canvas.confirmTitle')}>
        <Stack>
          <Text size="sm">{t('canvas.confirmBody', { width: size.width, height: size.height })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('canvas.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void apply()}>
              {t('canvas.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
