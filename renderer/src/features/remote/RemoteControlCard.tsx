/**
 * Remote control from phones on this network: the switch (off by default), the LAN address to listen on,
 * a one-use pairing code for a role (QR code + short URL + the code to type), and the paired sessions, each
 * revocable at once. Turning the switch off ends every session. Tokens never reach this window.
 */
import { Alert, Badge, Button, Card, Group, Image, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkAddress, RemotePairingCode } from '../../../../shared/contract/remote.schema';
import { remoteRoles, type RemoteRole } from '../../../../shared/remote/remote.roles';
import { formatInZone } from '../../components/format';
import { studio } from '../../studio/studio';
import { errorSentence } from '../../studio/studio-errors';
import { useRemoteStatus } from './remote.hooks';

function errorMessage(error: unknown): string {
  return errorSentence(error);
}

function useSecondsLeft(expiresAt: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt ? Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000)) : 0;
}

// memo: it has no props, so the live console's patches (which re-render the Live page) never re-render it.
export const RemoteControlCard = memo(function RemoteControlCard() {
  const { t } = useTranslation('remote');
  const [status, setStatus] = useRemoteStatus();
  const [addresses, setAddresses] = useState<NetworkAddress[]>([]);
  const [address, setAddress] = useState<string | null>(null);
  const [role, setRole] = useState<RemoteRole>('cohost');
  const [pairingCode, setPairing] = useState<(RemotePairingCode & { qr: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the user just asked for, shown at once while the services answer (then the status decides). */
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    studio.listNetworkAddresses().then(
      ({ addresses: list }) => {
        if (!live) return;
        setAddresses(list);
        setAddress((current) => current ?? list[0]?.address ?? null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const enabled = status?.enabled ?? false;
  // A code belongs to the switch being on: once off (here or elsewhere), it is gone.
  const pairing = enabled ? pairingCode : null;
  const secondsLeft = useSecondsLeft(pairing?.expiresAt);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (on: boolean) => {
    setWanted(on);
    await run(async () => {
      if (on) {
        if (!address) throw new Error(t('noAddress'));
        setStatus(await studio.enableRemote({ address }));
      } else {
        setPairing(null);
        setStatus(await studio.disableRemote());
      }
    });
    setWanted(null);
  };

  const newCode = () =>
    run(async () => {
      const code = await studio.createPairingCode({ role });
      // The QR encoder loads on first use, not with the studio's first screen.
      const { default: QRCode } = await import('qrcode');
      const qr = await QRCode.toDataURL(code.url, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
      setPairing({ ...code, qr });
    });

  const expired = pairing !== null && secondsLeft === 0;
  const roleLabel = (r: RemoteRole) => t(`role.${r}`);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sessions = status?.sessions ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-label={t('title')}>
      <Stack>
        <div>
          <Title order={3} size="h4" mb={4}>
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        <Group align="end">
          <Select
            label={t('address')}
            description={t('addressHint')}
            data={addresses.map((a) => ({ value: a.address, label: a.internal ? t('addressLoopback', { address: a.address }) : `${a.address} (${a.interface})` }))}
            value={address}
            onChange={(value) => {
              setAddress(value);
              if (enabled && value) void run(async () => setStatus(await studio.enableRemote({ address: value })));
            }}
            allowDeselect={false}
            disabled={busy}
            w={320}
          />
          <Switch
            label={t('switch')}
            checked={wanted ?? enabled}
            disabled={busy || (!enabled && !address)}
            onChange={(event) => void toggle(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {status?.error ? <Alert color="red">{status.error}</Alert> : null}
        {enabled && status?.url ? (
          <>
            <Text size="sm">{t('listening', { url: status.url })}</Text>
            <Group align="end">
              <Select
                label={t('roleLabel')}
                data={remoteRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
                value={role}
                onChange={(value) => value && setRole(value as RemoteRole)}
                allowDeselect={false}
                w={220}
              />
              <Button onClick={() => void newCode()} loading={busy}>
                {pairing ? t('newCode') : t('showCode')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t(`roleHint.${role}`)}
            </Text>
            {pairing ? (
              <Group align="start" component="section" aria-label={t('pairingRegion')}>
                <Image src={pairing.qr} alt={t('qrAlt', { role: roleLabel(pairing.role) })} w={180} h={180} radius="sm" style={{ opacity: expired ? 0.25 : 1 }} />
                <Stack gap={6}>
                  <Text size="sm">{t('scan')}</Text>
                  <Text size="sm" ff="monospace" data-testid="remote-url">
                    {pairing.shortUrl}
                  </Text>
                  <Text size="sm">{t('orType')}</Text>
                  <Text fz={32} fw={800} ff="monospace" aria-label={t('codeLabel')} data-code={pairing.code} style={{ letterSpacing: '0.2em' }}>
                    {pairing.code}
                  </Text>
                  <Text size="sm" c={expired ? 'red' : 'dimmed'} role="status">
                    {expired ? t('expired') : t('expiresIn', { count: secondsLeft, role: roleLabel(pairing.role) })}
                  </Text>
                </Stack>
              </Group>
            ) : null}
          </>
        ) : null}
        {enabled ? (
          <Stack gap={6} component="section" aria-label={t('sessions')}>
            <Text fw={600} size="sm">
              {t('sessionsCount', { count: sessions.length })}
            </Text>
            {sessions.map((session, index) => (
              <Group key={session.id} justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Text size="sm">{session.device}</Text>
                  <Badge variant="light">{roleLabel(session.role)}</Badge>
                  <Badge color={session.connected ? 'green' : 'gray'} variant="dot">
                    {session.connected ? t('connected') : t('away')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('pairedAt', { address: session.address, time: formatInZone(session.pairedAt, zone) })}
                  </Text>
                </Group>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  aria-label={t('revokeNamed', { n: index + 1, device: session.device, role: roleLabel(session.role) })}
                  onClick={() => void run(async () => setStatus(await studio.revokeRemoteSession(session.id)))}
                >
                  {t('revoke')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
});
