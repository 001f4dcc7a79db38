/**
 * Settings → OBS Studio: the obs-websocket URL and password, connect/disconnect, and where the password is kept.
 * The password never comes back from the services: the card knows only whether one is saved, so an empty field
 * with a saved password means "use the saved one". Remembering is offered only where the OS has a secure store.
 */
import { Button, Card, Checkbox, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionSettings } from '../../../../shared/contract/studio-api';
import { studio } from '../../studio/studio';
import { ObsHealth } from './ObsHealth';
import { useObsStatus } from './obs.hooks';

const DEFAULT_URL = 'ws://127.0.0.1:4455';

export function ObsCard() {
  const { t } = useTranslation('obs');
  const status = useObsStatus();
  const [saved, setSaved] = useState<ObsConnectionSettings>();
  const [url, setUrl] = useState(DEFAULT_URL);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    studio.getObsConnection().then(
      (settings) => {
        if (!live) return;
        setSaved(settings);
        if (settings.url) setUrl(settings.url);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const storage = saved?.passwordStorage;
  const canRemember = storage === 'os';
  const connect = async () => {
    setBusy(true);
    try {
      // An empty field keeps the saved password; typing one replaces it.
      const typed = password !== '' || !saved?.passwordSaved ? { password } : {};
      await studio.connectObs({ url, ...typed, remember: canRemember && remember });
      setPassword('');
      setSaved(await studio.getObsConnection());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('title')}
      </Title>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void connect();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
          <PasswordInput
            label={t('password')}
            value={password}
            placeholder={saved?.passwordSaved ? t('passwordSavedPlaceholder') : ''}
            description={storage ? t(`storage.${storage}`) : undefined}
            onChange={(e) => setPassword(e.currentTarget.value)}
            disabled={storage === 'environment'}
          />
          {storage !== 'environment' ? (
            <Checkbox
              label={t('remember')}
              checked={canRemember && remember}
              disabled={!canRemember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
          ) : null}
          <Group>
            <Button type="submit" loading={busy}>
              {t('connect')}
            </Button>
            <Button variant="default" onClick={() => void studio.disconnectObs()} disabled={!status || status.state === 'disconnected'}>
              {t('disconnect')}
            </Button>
            {saved?.passwordSaved && storage !== 'environment' ? (
              <Button variant="subtle" color="red" onClick={() => void studio.forgetObsPassword().then(setSaved)}>
                {t('forget')}
              </Button>
            ) : null}
          </Group>
          {status?.connected ? <ObsHealth status={status} /> : null}
          <Text size="sm" role="status" aria-label={t('statusLabel')}>
            {status?.connected
              ? t('connected', {
                  version: status.obsVersion ?? '',
                  websocket: status.websocketVersion ?? '?',
                  scene: status.programScene ?? '—',
                })
              : (status?.error ?? t('notConnected', { state: t(`state.${status?.state ?? 'disconnected'}`) }))}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
