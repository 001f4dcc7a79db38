/**
 * The console's view of what the deal overlays show right now, by the same rule as the overlay pages and the
 * native OBS text (dealCardView, shared/runner/deal-card.ts): price and code on air, the deal-ended hold (with
 * the seconds left), off air after it, or sold out.
 *
 * Invariants: re-renders only when its sentence changes (useTimerView); the hold is the saved overlay look's
 * (read once when the console mounts; the default when the services cannot say).
 */
import { Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dealCardView, DEFAULT_DEAL_ENDED_HOLD_SEC } from '../../../../shared/runner/deal-card';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import { studio } from '../../studio/studio';
import { useTimerView } from './live.hooks';

export function DealOnAir({ state, offsetMs, segmentId }: { state: RunnerState; offsetMs: number; segmentId: string }) {
  const { t } = useTranslation('liveOverlays');
  const theme = useLiveQuery(() => studio.getOverlayTheme().catch(() => null), []);
  const holdMs = (theme?.dealEndedHoldSec ?? DEFAULT_DEAL_ENDED_HOLD_SEC) * 1000;
  const deal = state.deals[segmentId];
  const view = useTimerView(state, offsetMs, (timers) => {
    if (!deal) return '';
    const card = dealCardView(deal, timers.at, holdMs);
    if (card.phase !== 'ended' || deal.endsAtMono === null) return card.phase;
    return `ended|${Math.max(1, Math.ceil((deal.endsAtMono + holdMs - timers.at) / 1000))}`;
  });
  if (!view) return null;
  const [phase = 'open', seconds = '0'] = view.split('|');
  const sentence = phase === 'ended' ? t('deal.ended', { count: Number(seconds) }) : t(`deal.${phase as 'teaser' | 'open' | 'closed' | 'soldOut'}`);
  return (
    <Text size="sm" aria-label={t('deal.label')} c={phase === 'open' ? undefined : 'orange'}>
      {sentence}
    </Text>
  );
}
