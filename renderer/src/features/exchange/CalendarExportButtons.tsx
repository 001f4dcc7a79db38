/**
 * Calendar exports: "Export calendar (.ics)" and "Export CSV" of exactly the items the calendar shows (whole or
 * filtered), passed in by the calendar page. The CSV is the deliverables list of the view (content items and
 * live shows, one row each). Labels inside the files follow the UI language; times are UTC instants (ICS) and
 * UTC + planned-zone wall clock (CSV), see shared/exchange/ics.ts and csv-export.ts.
 */
import { Button, Group } from '@mantine/core';
import { IconCalendarDown, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContentItem, Show } from '../../../../shared/domain/entities';
import { downloadCalendarIcs, downloadDeliverablesCsv } from './calendar-export';
import { useNameMaps } from './exchange.hooks';

export interface CalendarExportProps {
  items: readonly ContentItem[];
  shows: readonly Show[];
  /** Short description of the active filter for file names and the ICS calendar name, e.g. "Glow launch · TikTok". */
  filterLabel?: string;
}

export function CalendarExportButtons({ items, shows, filterLabel }: CalendarExportProps) {
  const { t } = useTranslation('exchange');
  const names = useNameMaps();
  const empty = items.length + shows.length === 0;
  const selection = names ? { items, shows, ...names, ...(filterLabel ? { filterLabel } : {}) } : undefined;
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={() => selection && downloadCalendarIcs(t, selection)} disabled={!selection || empty}>
        {t('exportIcs')}
      </Button>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => selection && downloadDeliverablesCsv(t, selection)} disabled={!selection || empty}>
        {t('exportCsv')}
      </Button>
    </Group>
  );
}
