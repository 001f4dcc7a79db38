/**
 * A segment's hard start: the clock time (in the show's zone) it is announced to start, e.g. a flash sale at 20:30.
 *
 * Invariants: controlled; the value is a UTC instant (`pinnedAt`) or undefined (not pinned). A typed HH:mm is read
 * on the show's local date in the show's zone; a time before the show's start is read on the next day (a show that
 * runs past midnight). A blank field unpins.
 */
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime, pinnedInstant } from '../../../../shared/domain/timing';
import { useShow } from './shows.hooks';

interface Props {
  showId: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
}

export function HardStartField({ showId, value, onChange }: Props) {
  const show = useShow(showId);
  // The field reads and writes clock times in the show's zone: wait for the show.
  return show ? <ClockField startAt={show.startAt} zone={show.zone} value={value} onChange={onChange} /> : null;
}

function ClockField({ startAt, zone, value, onChange }: { startAt: string; zone: string; value: string | undefined; onChange(value: string | undefined): void }) {
  const { t } = useTranslation('beats');
  const [text, setText] = useState(value ? clockTime(value, zone) : '');
  const invalid = text.trim() !== '' && pinnedInstant(text.trim(), startAt, zone) === null;
  return (
    <TextInput
      label={t('hardStart.label')}
      description={t('hardStart.hint', { zone })}
      placeholder="20:30"
      value={text}
      error={invalid ? t('hardStart.invalid') : undefined}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const instant = typed.trim() === '' ? undefined : pinnedInstant(typed.trim(), startAt, zone);
        if (instant !== null) onChange(instant);
      }}
      maw={260}
    />
  );
}
