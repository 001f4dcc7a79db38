/**
 * Time zone picker: a searchable select of IANA zones that finds cities in English and 简体中文 ("Beijing",
 * "北京" → Asia/Shanghai; shared/domain/zone-names.ts) as well as zone ids.
 * Invariants: the value is always an IANA zone id (never a city); an option's accessible name is its zone id
 * (the city beside it is decoration, aria-hidden), so people and tests pick "Asia/Shanghai" as before; focusing
 * or clicking it while it shows the chosen zone clears its search text, so typing starts a new search (the
 * current zone stays as the placeholder); leaving it shows the chosen zone again.
 */
import { Group, Select, Text, type ComboboxItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchZones, zoneCity } from '../../../shared/domain/zone-names';

/** Every IANA zone this runtime knows, UTC included. */
export function zoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: string;
  onChange(zone: string): void;
}

export function ZonePicker({ value, onChange, onFocus, onClick, ...rest }: Props) {
  const { t, i18n } = useTranslation('planning');
  const zones = useMemo(() => zoneOptions(), []);
  const [search, setSearch] = useState(value);
  const language = i18n.language;
  const filter: OptionsFilter = ({ options, search: query }) => {
    const byValue = new Map((options as ComboboxItem[]).map((o) => [o.value, o]));
    return searchZones(zones, query).flatMap((zone) => byValue.get(zone) ?? []);
  };
  return (
    <Select
      {...rest}
      data={zones}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onFocus={(event) => {
        setSearch('');
        onFocus?.(event);
      }}
      onClick={(event) => {
        // Clicking the field again (still focused after a pick) also starts a fresh search.
        if (search === value) setSearch('');
        onClick?.(event);
      }}
      placeholder={value}
      filter={filter}
      allowDeselect={false}
      nothingFoundMessage={t('zone.nothingFound')}
      renderOption={({ option }) => {
        const city = zoneCity(option.value, language);
        return (
          <Group gap={6} wrap="nowrap">
            <span>{option.value}</span>
            {city ? (
              <Text span size="xs" c="dimmed" aria-hidden>
                {city}
              </Text>
            ) : null}
          </Group>
        );
      }}
    />
  );
}
