/**
 * A deal's price ladder (阶梯价): later prices in the order they take over, each with its trigger: a time (seconds
 * into the segment) or stock left falling to a threshold.
 *
 * Invariants: controlled (the segment editor owns the steps and saves them inside the deal); prices are typed in
 * major units and kept as integer minor units in the deal's currency (a blank price is -1, which the rules refuse);
 * each step keeps its id for the run log; the rules (shared/domain/segment-rules.ts ladderIssues) judge the order
 * and refuse a step above the list price.
 */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PriceStep } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';

interface Props {
  value: PriceStep[];
  currency: string;
  onChange(value: PriceStep[]): void;
  /** Errors about the ladder, already worded. */
  error?: string;
}

export function PriceLadderFields({ value, currency, onChange, error }: Props) {
  const { t } = useTranslation('beats');
  const scale = 10 ** minorDigits(currency);
  const set = (index: number, step: PriceStep) => onChange(value.map((s, i) => (i === index ? step : s)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('ladder.section')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('ladder.hint')}
      </Text>
      {value.map((step, index) => {
        const n = index + 1;
        const amount = step.trigger.kind === 'time' ? step.trigger.offsetSec : step.trigger.atOrBelow;
        return (
          <Group key={step.id} align="flex-end" wrap="nowrap" gap="xs">
            <NumberInput
              label={t('ladder.price', { n, currency })}
              min={0}
              decimalScale={minorDigits(currency)}
              value={step.price.amountMinor >= 0 ? step.price.amountMinor / scale : ''}
              onChange={(v) => set(index, { ...step, price: { amountMinor: typeof v === 'number' ? Math.round(v * scale) : -1, currency } })}
              w={150}
            />
            <Select
              label={t('ladder.trigger', { n })}
              data={[
                { value: 'time', label: t('ladder.byTime') },
                { value: 'stock', label: t('ladder.byStock') },
              ]}
              value={step.trigger.kind}
              onChange={(v) => v && set(index, { ...step, trigger: v === 'time' ? { kind: 'time', offsetSec: amount } : { kind: 'stock', atOrBelow: amount } })}
              allowDeselect={false}
              w={200}
            />
            <NumberInput
              label={step.trigger.kind === 'time' ? t('ladder.offset', { n }) : t('ladder.stock', { n })}
              min={0}
              allowDecimal={false}
              value={amount}
              onChange={(v) => {
                const whole = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
                set(index, { ...step, trigger: step.trigger.kind === 'time' ? { kind: 'time', offsetSec: whole } : { kind: 'stock', atOrBelow: whole } });
              }}
              w={170}
            />
            <ActionIcon variant="subtle" color="red" aria-label={t('ladder.remove', { n })} onClick={() => onChange(value.filter((_, i) => i !== index))} mb={4}>
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => {
            const last = value[value.length - 1]?.trigger;
            const offsetSec = last?.kind === 'time' ? last.offsetSec + 60 : 60;
            onChange([...value, { id: crypto.randomUUID(), price: { amountMinor: -1, currency }, trigger: { kind: 'time', offsetSec } }]);
          }}
        >
          {t('ladder.add')}
        </Button>
      </Group>
    </Stack>
  );
}
