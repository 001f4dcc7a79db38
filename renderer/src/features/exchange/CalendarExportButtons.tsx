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
import { deliverableColumns, renderDeliverablesCsv, type DeliverableColumn } from '../../../../shared/exchange/csv-export';
import { renderIcs } from '../../../../shared/exchange/ics';
import { downloadText, fileSlug } from './download';
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
  const status = (s: string) => t(`status.${s}`, { defaultValue: s });
  const slug = fileSlug(filterLabel, 'all');

  const exportIcs = () => {
    if (!names) return;
    const text = renderIcs({
      calendarName: filterLabel ? `KOL Studio · ${filterLabel}` : 'KOL Studio',
      items,
      shows,
      ...names,
      labels: {
        status,
        platform: t('ics.platform'),
        statusLabel: t('ics.status'),
        campaign: t('ics.campaign'),
        creator: t('ics.creator'),
        hosts: t('ics.hosts'),
        plannedIn: t('ics.plannedIn'),
        promoCode: t('ics.promoCode'),
        sponsored: t('ics.sponsored'),
        disclosure: t('ics.disclosure'),
        noDisclosure: t('ics.noDisclosure'),
        liveShow: t('ics.liveShow'),
      },
    });
    downloadText(`kol-studio-calendar-${slug}.ics`, 'text/calendar', text);
  };

  const exportCsv = () => {
    if (!names) return;
    const headers = Object.fromEntries(deliverableColumns.map((c) => [c, t(`csvColumns.${c}`)])) as Record<DeliverableColumn, string>;
    const text = renderDeliverablesCsv({
      items,
      shows,
      ...names,
      headers,
      words: { content: t('csvWords.content'), show: t('csvWords.show'), yes: t('csvWords.yes'), no: t('csvWords.no'), status },
    });
    downloadText(`kol-studio-deliverables-${slug}.csv`, 'text/csv', text);
  };

  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={exportIcs} disabled={!names || empty}>
        {t('exportIcs')}
      </Button>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportCsv} disabled={!names || empty}>
        {t('exportCsv')}
      </Button>
    </Group>
  );
}
