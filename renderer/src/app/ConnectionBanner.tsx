/**
 * The banner every console shows while the studio's services do not answer (useStudioConnection): one alert,
 * pinned under the header so it stays in sight on a long page. It goes away by itself when they answer again.
 */
import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStudioConnection } from '../studio/studio.hooks';

export function ConnectionBanner() {
  const { t } = useTranslation('connection');
  const { status } = useStudioConnection();
  if (status !== 'disconnected') return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="filled"
      icon={<IconPlugConnectedX size={20} />}
      title={t('banner.title')}
      mb="md"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 8px)', zIndex: 150 }}
    >
      {t('banner.body')}
    </Alert>
  );
}
