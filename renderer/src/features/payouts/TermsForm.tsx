/**
 * The partnership-terms form (@mantine/form with the zod schema of terms.form.ts): creator, where the terms apply
 * (the page's show or campaign, or the creator's default), currency, slot fee, commission rate (%), per-product
 * rates, flat fee, bonus tiers and notes. Every field has a label; a bad value gets a sentence under its field
 * (with the row for product rates and bonus tiers) and nothing is saved until all are valid. Money is typed in
 * major units of the chosen currency.
 */
import { ActionIcon, Alert, Button, Fieldset, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Creator, PartnershipTerms, Product } from '../../../../shared/domain/entities';
import { termsFormSchema, type TermsFormValues, type TermsT } from './terms.form';

export interface TermsFormProps {
  initial: TermsFormValues;
  /** Editing stored terms: the creator is fixed. */
  editing: boolean;
  creators: readonly Pick<Creator, 'id' | 'name'>[];
  products: readonly Pick<Product, 'id' | 'name' | 'sku'>[];
  /** "this show" / "this campaign", for the scope choice. */
  scopeLabel: string;
  /** The creator's stored terms, to warn when saving would replace other terms at the same scope. */
  existing: readonly PartnershipTerms[];
  currentId?: string;
  onCancel(): void;
  onSubmit(values: TermsFormValues): Promise<void>;
}

export function TermsForm({ initial, editing, creators, products, scopeLabel, existing, currentId, onCancel, onSubmit }: TermsFormProps) {
  const { t } = useTranslation('payouts');
  const schema = useMemo(() => termsFormSchema(t as TermsT), [t]);
  const form = useForm<TermsFormValues>({ mode: 'controlled', initialValues: initial, validate: zod4Resolver(schema) });
  const v = form.values;
  const replaces = existing.find((e) => e.id !== currentId && e.creatorId === v.creatorId && (v.appliesTo === 'default' ? !e.showId && !e.campaignId : !!(e.showId || e.campaignId)));
  const typed = v.currency.trim().toUpperCase();
  const currency = /^[A-Z]{3}$/.test(typed) ? typed : '—';
  const productOptions = products.map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }));

  return (
    <form noValidate onSubmit={form.onSubmit(async (values) => onSubmit({ ...values, currency: values.currency.trim().toUpperCase() }))}>
      <Stack gap="sm">
        <Select
          label={t('fields.creator')}
          data={creators.map((c) => ({ value: c.id, label: c.name }))}
          disabled={editing}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('creatorId')}
        />
        <div>
          <Text size="sm" fw={500} id="terms-applies-to">
            {t('fields.appliesTo')}
          </Text>
          <SegmentedControl
            aria-labelledby="terms-applies-to"
            data={[
              { value: 'scope', label: scopeLabel },
              { value: 'default', label: t('fields.default') },
            ]}
            {...form.getInputProps('appliesTo')}
          />
          <Text size="xs" c="dimmed">
            {v.appliesTo === 'default' ? t('fields.defaultHint') : t('fields.scopeHint')}
          </Text>
        </div>
        {replaces ? (
          <Alert color="orange" role="alert">
            {t('replaces')}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <TextInput label={t('fields.currency')} description={t('fields.currencyHint')} maxLength={3} {...form.getInputProps('currency')} />
          <NumberInput clampBehavior="none" label={t('fields.slotFee')} description={t('fields.inCurrency', { currency })} min={0} decimalScale={4} thousandSeparator="," {...form.getInputProps('slotFee')} />
          <NumberInput clampBehavior="none" label={t('fields.flatFee')} description={t('fields.inCurrency', { currency })} min={0} decimalScale={4} thousandSeparator="," {...form.getInputProps('flatFee')} />
          <NumberInput clampBehavior="none" label={t('fields.rate')} description={t('fields.rateHint')} min={0} max={100} decimalScale={4} suffix=" %" {...form.getInputProps('commissionPercent')} />
        </Group>

        <Fieldset legend={t('fields.productRates')}>
          <Stack gap="xs">
            {v.productRates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('fields.noProductRates')}
              </Text>
            ) : null}
            {v.productRates.map((_, i) => (
              <Group key={i} align="flex-start" wrap="nowrap">
                <Select
                  style={{ flex: 1 }}
                  label={t('fields.productRow', { row: i + 1 })}
                  data={productOptions}
                  searchable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`productRates.${i}.productId`)}
                />
                <NumberInput clampBehavior="none" w={140} label={t('fields.productRateRow', { row: i + 1 })} min={0} max={100} decimalScale={4} suffix=" %" {...form.getInputProps(`productRates.${i}.percent`)} />
                <ActionIcon mt={26} variant="subtle" color="red" aria-label={t('fields.removeProductRate', { row: i + 1 })} onClick={() => form.removeListItem('productRates', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={products.length === 0} onClick={() => form.insertListItem('productRates', { productId: '', percent: '' })}>
                {t('fields.addProductRate')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('fields.bonusTiers')}>
          <Stack gap="xs">
            {v.bonusTiers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('fields.noBonusTiers')}
              </Text>
            ) : null}
            {v.bonusTiers.map((_, i) => (
              <Group key={i} align="flex-start" wrap="nowrap" grow>
                <NumberInput clampBehavior="none" label={t('fields.tierAtLeastRow', { row: i + 1 })} description={t('fields.inCurrency', { currency })} min={0} decimalScale={4} thousandSeparator="," {...form.getInputProps(`bonusTiers.${i}.atLeast`)} />
                <NumberInput clampBehavior="none" label={t('fields.tierBonusRow', { row: i + 1 })} description={t('fields.inCurrency', { currency })} min={0} decimalScale={4} thousandSeparator="," {...form.getInputProps(`bonusTiers.${i}.bonus`)} />
                <ActionIcon mt={44} style={{ flex: 'none' }} variant="subtle" color="red" aria-label={t('fields.removeTier', { row: i + 1 })} onClick={() => form.removeListItem('bonusTiers', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('bonusTiers', { atLeast: '', bonus: '' })}>
                {t('fields.addTier')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
