/**
 * Unique viewers and views, entered after the show from the platform's dashboard (for UV value and GPM), saved on
 * the run. Whole numbers ≥ 0; an empty field leaves that figure unset. Nothing is saved until "Save viewers".
 */
import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/domain/entities';
import { db } from '../../db/db';
import { useAction } from '../../kit/useAction';
import { saveRunAudience } from './results.repo';

type Figure = number | string;
const asCount = (value: Figure): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : undefined);

export function AudienceForm({ run }: { run: ShowRun }) {
  const { t } = useTranslation('results');
  const [unique, setUnique] = useState<Figure>(run.audience?.uniqueViewers ?? '');
  const [views, setViews] = useState<Figure>(run.audience?.views ?? '');
  const { run: save, busy } = useAction(
    async () => {
      const uniqueViewers = asCount(unique);
      const viewCount = asCount(views);
      await saveRunAudience(db, run.id, { ...(uniqueViewers !== undefined ? { uniqueViewers } : {}), ...(viewCount !== undefined ? { views: viewCount } : {}) });
      notifications.show({ color: 'green', message: t('audience.saved') });
    },
    { notify: t('audience.failed') },
  );
  return (
    <Group align="end" gap="xs" role="group" aria-label={t('audience.group')}>
      <NumberInput size="xs" label={t('audience.unique')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator value={unique} onChange={setUnique} w={160} />
      <NumberInput size="xs" label={t('audience.views')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator value={views} onChange={setViews} w={160} />
      <Button size="xs" variant="light" loading={busy} onClick={() => void save()}>
        {t('audience.save')}
      </Button>
    </Group>
  );
}
