/**
 * "End show" and its confirmation. On a live show with OBS streaming or recording, the dialog offers to stop the
 * stream and the recording with it (checkboxes, on by default for what is active when the dialog opens). The show
 * ends first (overlays leave the screen), then the chosen outputs stop; a failure to stop is said, the show stays
 * ended.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/undo';
import { studio } from '../../studio/studio';
import { useObsStatus } from '../settings/obs.hooks';

export const EndShowDialog = memo(function EndShowDialog({ disabled, rehearsal, onEnd }: { disabled: boolean; rehearsal: boolean; onEnd(): Promise<void> }) {
  const { t } = useTranslation('live');
  const { t: tg } = useTranslation('golive');
  const { t: tc } = useTranslation('common');
  const obs = useObsStatus();
  const [opened, setOpened] = useState(false);
  const [stopStream, setStopStream] = useState(false);
  const [stopRecording, setStopRecording] = useState(false);
  const streaming = !rehearsal && !!obs?.connected && !!obs.streaming;
  const recording = !rehearsal && !!obs?.connected && !!obs.recording;

  const open = () => {
    setStopStream(streaming);
    setStopRecording(recording);
    setOpened(true);
  };
  const confirm = async () => {
    setOpened(false);
    await onEnd();
    const outputs = [...(stopStream && streaming ? (['stream'] as const) : []), ...(stopRecording && recording ? (['record'] as const) : [])];
    for (const output of outputs) {
      try {
        await studio.setObsOutput({ output, active: false });
      } catch (error) {
        notifyError(tg('end.stopFailed'), error);
      }
    }
  };

  return (
    <>
      <Button size="lg" color="red" leftSection={<IconPlayerStop size={18} />} disabled={disabled} onClick={open}>
        {t('console.endShow')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('console.confirmTitle')} closeButtonProps={{ 'aria-label': tc('actions.close') }}>
        <Stack>
          <Text>{t('console.confirmBody')}</Text>
          {streaming || recording ? (
            <Alert color="orange">
              <Stack gap="xs">
                <Text size="sm">{tg('end.outputsHint')}</Text>
                {streaming ? <Checkbox label={tg('end.stopStream')} checked={stopStream} onChange={(event) => setStopStream(event.currentTarget.checked)} /> : null}
                {recording ? <Checkbox label={tg('end.stopRecording')} checked={stopRecording} onChange={(event) => setStopRecording(event.currentTarget.checked)} /> : null}
              </Stack>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('console.keepGoing')}
            </Button>
            <Button color="red" onClick={() => void confirm()}>
              {t('console.confirmEnd')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
});
