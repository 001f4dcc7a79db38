/**
 * Claim flags beside the disclosure flags (segment editor, content item form): each flag is a sentence (the words,
 * where, the kind of claim) with the rule's source on hover and in its accessible name. A flag is a warning, never
 * a block: with `onReview` each flag has "Mark reviewed" / "Undo review"; reviewed flags stay listed, marked
 * reviewed, and are left out of the count in the title. Renders nothing when there is no flag.
 */
import { ActionIcon, Alert, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconMessageExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { unreviewedCount, type ReviewedClaimFlag } from '../../../shared/domain/claims';
import { claimSentence, claimSentences, type RecordClaims } from './claims-ui';

export interface ClaimFlagsProps {
  flags: readonly ReviewedClaimFlag[];
  /** Mark a flag (by key) reviewed or not; without it the flags are read-only. */
  onReview?(key: string, reviewed: boolean): void;
}

export function ClaimFlags({ flags, onReview }: ClaimFlagsProps) {
  const { t } = useTranslation('claims');
  if (flags.length === 0) return null;
  const open = unreviewedCount(flags);
  return (
    <div role="region" aria-label={t('region')}>
      <Alert color={open > 0 ? 'orange' : 'teal'} variant="light" role="status" title={open > 0 ? t('toReview', { count: open }) : t('allReviewed', { count: flags.length })}>
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {t('hint')}
          </Text>
          <Stack gap={4} role="list">
            {flags.map((flag, i) => {
              const place = t(`place.${flag.field}`);
              return (
                <Group key={`${flag.key}#${i}`} gap={6} wrap="nowrap" role="listitem" data-reviewed={flag.reviewed || undefined}>
                  <Badge size="xs" variant={flag.reviewed ? 'light' : 'filled'} color={flag.reviewed ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
                    {flag.reviewed ? t('reviewed') : t('open')}
                  </Badge>
                  <Text size="sm" style={{ flex: 1 }} c={flag.reviewed ? 'dimmed' : undefined}>
                    {claimSentence(t, flag)}
                  </Text>
                  <Tooltip multiline w={320} label={t('source', { source: flag.source })}>
                    <ActionIcon variant="subtle" size="sm" color="gray" aria-label={t('sourceLabel', { words: flag.match, source: flag.source })}>
                      <IconInfoCircle size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  {onReview ? (
                    <Button
                      size="compact-xs"
                      variant={flag.reviewed ? 'subtle' : 'light'}
                      aria-label={t(flag.reviewed ? 'undoReviewLabel' : 'markReviewedLabel', { words: flag.match, place })}
                      onClick={() => onReview(flag.key, !flag.reviewed)}
                    >
                      {flag.reviewed ? t('undoReview') : t('markReviewed')}
                    </Button>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        </Stack>
      </Alert>
    </div>
  );
}

/**
 * A record's claim flags as one badge (campaign page, lists): the unreviewed count, or "Reviewed" when every flag
 * is; the sentences in its tooltip and accessible name. Renders nothing without flags.
 */
export function ClaimCountBadge({ claims, compact = false }: { claims: RecordClaims; compact?: boolean }) {
  const { t } = useTranslation('claims');
  if (claims.flags.length === 0) return null;
  const head = claims.open > 0 ? t('item.open', { count: claims.open }) : t('allReviewed', { count: claims.flags.length });
  const label = `${head}: ${claimSentences(t, claims.flags)}`;
  return (
    <Tooltip multiline w={320} label={label}>
      <Badge
        color={claims.open > 0 ? 'orange' : 'teal'}
        variant={claims.open > 0 ? 'filled' : 'light'}
        size={compact ? 'xs' : 'sm'}
        leftSection={<IconMessageExclamation size={compact ? 10 : 12} aria-hidden />}
        role="status"
        aria-label={label}
      >
        {claims.open > 0 ? (compact ? `${t('item.short')} ${claims.open}` : head) : t('reviewed')}
      </Badge>
    </Tooltip>
  );
}
