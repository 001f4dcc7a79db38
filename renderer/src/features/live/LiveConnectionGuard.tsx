/**
 * The live console's answer to a studio that does not answer (useStudioConnection): every control inside is
 * disabled (one native <fieldset disabled>, so no button, field or hotkey-free click can send a cue), the
 * console is dimmed, and each timer carries a "Not live" mark (NotLiveMark). All of it lifts by itself when the
 * studio answers again.
 */
import { Badge, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudioConnection } from '../../studio/studio.hooks';

export function LiveConnectionGuard({ children }: { children: ReactNode }) {
  const offline = useStudioConnection().status === 'disconnected';
  return (
    <fieldset
      disabled={offline}
      data-studio-connection={offline ? 'disconnected' : 'connected'}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0, opacity: offline ? 0.55 : 1, transition: 'opacity 120ms' }}
    >
      {children}
    </fieldset>
  );
}

/** Beside a timer: "Not live" while the studio does not answer (the timer stands still), nothing otherwise. */
export function NotLiveMark() {
  const { t } = useTranslation('connection');
  const offline = useStudioConnection().status === 'disconnected';
  if (!offline) return null;
  return (
    <Tooltip label={t('notLiveHint')}>
      <Badge color="gray" variant="outline" size="sm">
        {t('notLive')}
      </Badge>
    </Tooltip>
  );
}
