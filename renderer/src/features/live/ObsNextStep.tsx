/**
 * What comes after "Set up OBS": the show's scenes hold only the overlays, so the user picks a base scene of their
 * own (camera, capture) to nest into every show scene (nestBaseScene: under the overlays, idempotent), or is told
 * to add the camera to each scene when OBS has no scene of their own.
 */
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { studio } from '../../studio/studio';
import { loadShowSnapshot } from './live-snapshot';

export function ObsNextStep({ otherScenes, showId, onDone }: { otherScenes: string[]; showId: string; onDone(): void }) {
  const { t } = useTranslation('golive');
  const [scene, setScene] = useState<string | null>(otherScenes[0] ?? null);
  const [busy, setBusy] = useState(false);
  const nest = async () => {
    if (!scene) return;
    setBusy(true);
    try {
      const report = await studio.nestBaseScene(await loadShowSnapshot(db, showId), { baseScene: scene });
      notifications.show({ color: 'green', message: t('nextStep.nested', { scene, count: report.nestedInto.length }) });
    } catch (error) {
      notifyError(t('nextStep.nestFailed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="blue" title={t('nextStep.title')} role="region" aria-label={t('nextStep.title')} withCloseButton={false}>
      <Stack gap="xs">
        {otherScenes.length > 0 ? (
          <>
            <Text size="sm">{t('nextStep.body')}</Text>
            <Group align="flex-end">
              <Select label={t('nextStep.baseScene')} data={otherScenes} value={scene} onChange={setScene} allowDeselect={false} w={280} />
              <Button loading={busy} disabled={!scene} onClick={() => void nest()}>
                {t('nextStep.nest')}
              </Button>
              <Button variant="subtle" onClick={onDone}>
                {t('nextStep.dismiss')}
              </Button>
            </Group>
          </>
        ) : (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('nextStep.noScenes')}</Text>
            <Button variant="subtle" onClick={onDone}>
              {t('nextStep.dismiss')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
