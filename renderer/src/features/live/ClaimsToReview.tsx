/**
 * Before going live: "N claims to review" for the picked show (its segments' claim flags not yet reviewed), with a
 * link to the show editor where flags are reviewed. A warning, never a block. Counts the stored segments with the
 * same rules and the same reviewed keys as the pre-flight checklist (which reads the show's snapshot).
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { db } from '../../db/db';
import { segmentClaimsCached } from '../../components/claims-ui';
import { orderedSegments } from '../shows/shows.repo';

export function ClaimsToReview({ showId }: { showId: string }) {
  const { t } = useTranslation('claims');
  const counts = useLiveQuery(async () => {
    const segments = await orderedSegments(db, showId);
    let open = 0;
    let all = 0;
    for (const segment of segments) {
      const claims = segmentClaimsCached(segment);
      open += claims.open;
      all += claims.flags.length;
    }
    return { open, all };
  }, [showId]);
  if (!counts || counts.all === 0) return null;
  if (counts.open === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('live.allReviewed', { count: counts.all })}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconMessageExclamation size={18} aria-hidden />} title={t('live.open', { count: counts.open })} role="status" aria-label={t('live.open', { count: counts.open })}>
      <Stack gap={4}>
        <Text size="sm">{t('live.body')}</Text>
        <Anchor component={Link} to={`/shows/${showId}`} size="sm">
          {t('live.openEditor')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
