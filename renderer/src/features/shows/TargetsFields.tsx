/**
 * Sales targets of a show or a segment: GMV (typed in major units of `currency`, kept as integer minor units),
 * orders and units. Empty fields are no target; all empty stores no `targets` (shared/domain/targets.ts).
 * Invariants: controlled (`value` in, `onChange` with the targets typed, or undefined); with `onCurrencyChange`
 * the currency is picked here (a show whose brand has no priced products yet), else it is the given one.
 */
import { Divider, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesTargets } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { targetInputs, targetsFromInputs, type TargetInputs } from '../../../../shared/domain/targets';
import { currencies } from '../../kit/money-field';

interface Props {
  value: SalesTargets | undefined;
  currency: string;
  onChange(value: SalesTargets | undefined): void;
  onCurrencyChange?: (currency: string) => void;
}

export function TargetsFields({ value, currency, onChange, onCurrencyChange }: Props) {
  const { t } = useTranslation('targets');
  const [inputs, setInputs] = useState<TargetInputs>(() => targetInputs(value));
  const set = (patch: Partial<TargetInputs>) => {
    const next = { ...inputs, ...patch };
    setInputs(next);
    onChange(targetsFromInputs(next, currency));
  };
  const count = (key: 'orders' | 'units') => <NumberInput label={t(key)} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," value={inputs[key]} onChange={(v) => set({ [key]: v })} />;
  return (
    <>
      <Divider label={t('title')} labelPosition="left" />
      <SimpleGrid cols={onCurrencyChange ? 4 : 3}>
        <NumberInput label={t('gmv', { currency })} min={0} allowNegative={false} decimalScale={minorDigits(currency)} thousandSeparator="," value={inputs.gmv} onChange={(gmv) => set({ gmv })} />
        {onCurrencyChange ? (
          <Select
            label={t('currency')}
            data={currencies}
            value={currency}
            allowDeselect={false}
            searchable
            onChange={(next) => {
              if (!next) return;
              onCurrencyChange(next);
              onChange(targetsFromInputs(inputs, next));
            }}
          />
        ) : null}
        {count('orders')}
        {count('units')}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('hint')}
      </Text>
    </>
  );
}
