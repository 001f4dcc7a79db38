/**
 * Calendar exports: "Export calendar (.ics)" and "Export CSV" of exactly the items the calendar shows (whole or
 * filtered). PLACEHOLDER with the agreed interface: the data-exchange work replaces the body. The calendar page
 * renders it in its toolbar, passing its filtered content items and live shows.
 */
import { Button, Group } from '@mantine/core';
import type { ContentItem, Show } from '../../../../shared/domain/entities';

export interface CalendarExportProps {
  items: readonly ContentItem[];
  shows: readonly Show[];
  /** Short description of the active filter for file names and the ICS calendar name, e.g. "Glow launch · TikTok". */
  filterLabel?: string;
}

export function CalendarExportButtons({ items, shows }: CalendarExportProps) {
  return (
    <Group gap="xs" data-count={items.length + shows.length}>
      <Button variant="default" disabled>
        Export calendar (.ics)
      </Button>
      <Button variant="default" disabled>
        Export CSV
      </Button>
    </Group>
  );
}
