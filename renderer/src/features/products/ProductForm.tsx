/**
 * Create or edit a product. Prices are typed in major units and stored as integer minor units; nothing is
 * saved while a field is invalid (the message says which field and why). The values are checked by the product
 * schema (kit/useEntityForm).
 */
import { FileInput, Group, Image, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Product } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { productSchema } from '../../../../shared/exchange/entity.schemas';
import { db } from '../../db/db';
import { FormFooter } from '../../kit/FormFooter';
import { amount, filled, imageFile, optionalText } from '../../kit/form-schemas';
import { currencies, fromMoney, toMoney, type NumberValue } from '../../kit/money-field';
import { useEntityForm } from '../../kit/useEntityForm';
import { NeedBrand } from '../brands/NeedBrand';
import { useAssetUrl, useBrands } from './products.hooks';
import { saveProduct } from './products.repo';

const formSchema = productSchema.pick({ brandId: true, stockOnHand: true }).extend({
  sku: filled,
  name: filled,
  price: amount,
  link: z.string().trim().regex(/^(https?:\/\/\S+)?$/),
  image: imageFile(/^image\/(png|jpeg|webp)$/),
});

const spec = { ns: 'products', schema: formSchema, failure: 'form.saveFailed', sentences: { brandId: 'errors.brand', sku: 'errors.sku', name: 'errors.name', price: 'errors.price', stockOnHand: 'errors.stock', link: 'errors.link', imageSize: 'errors.imageSize', imageType: 'errors.imageType' } };

interface Props {
  product?: Product;
  onDone(id?: string): void;
}

export function ProductForm({ product, onDone }: Props) {
  const { t } = useTranslation('products');
  const brands = useBrands();
  const imageUrl = useAssetUrl(product?.imageAssetId);
  const { form, onSubmit, saving } = useEntityForm(
    spec,
    {
      brandId: product?.brandId ?? null,
      sku: product?.sku ?? '',
      name: product?.name ?? '',
      variantNotes: product?.variantNotes ?? '',
      currency: product?.listPrice.currency ?? 'CNY',
      price: (product ? fromMoney(product.listPrice) : '') as NumberValue,
      stockOnHand: (product?.stockOnHand ?? 0) as NumberValue,
      link: product?.link ?? '',
      sellingPoints: product?.sellingPoints.join('\n') ?? '',
      image: undefined as File | null | undefined,
    },
    async (v) => {
      const draft = {
        brandId: v.brandId ?? '',
        sku: v.sku.trim(),
        name: v.name.trim(),
        variantNotes: v.variantNotes.trim(),
        listPrice: toMoney(Number(v.price), v.currency),
        stockOnHand: Number(v.stockOnHand),
        sellingPoints: v.sellingPoints.split('\n').map((s) => s.trim()).filter(Boolean),
        ...optionalText('link', v.link),
      };
      onDone(await saveProduct(db, draft, { ...(product ? { id: product.id } : {}), ...(v.image !== undefined ? { image: v.image } : {}) }));
    },
    product?.updatedAt,
  );
  const values = form.getValues();

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        {brands && brands.length === 0 ? <NeedBrand for="product" onCreated={(id) => form.setFieldValue('brandId', id)} /> : null}
        <Select label={t('form.brand')} data={(brands ?? []).map((b) => ({ value: b.id, label: b.name }))} {...form.getInputProps('brandId')} required searchable />
        <Group grow>
          <TextInput label={t('form.sku')} {...form.getInputProps('sku')} required />
          <TextInput label={t('form.name')} {...form.getInputProps('name')} required />
        </Group>
        <TextInput label={t('form.variantNotes')} description={t('form.variantHint')} {...form.getInputProps('variantNotes')} />
        <Group grow>
          <NumberInput label={t('form.listPrice')} {...form.getInputProps('price')} min={0} decimalScale={minorDigits(values.currency)} required />
          <Select label={t('form.currency')} data={currencies} {...form.getInputProps('currency')} allowDeselect={false} searchable />
          <NumberInput label={t('form.stock')} {...form.getInputProps('stockOnHand')} min={0} allowDecimal={false} />
        </Group>
        <TextInput label={t('form.link')} placeholder="https://" {...form.getInputProps('link')} />
        <Textarea label={t('form.sellingPoints')} description={t('form.onePerLine')} autosize minRows={3} {...form.getInputProps('sellingPoints')} />
        <Group align="flex-end">
          {imageUrl && values.image === undefined ? <Image src={imageUrl} alt={t('form.imageAlt', { name: values.name })} w={72} h={72} radius="sm" fit="cover" /> : null}
          <FileInput label={t('form.image')} accept="image/png,image/jpeg,image/webp" clearable value={values.image ?? null} onChange={(file) => form.setFieldValue('image', file ?? (product?.imageAssetId ? null : undefined))} error={form.errors.image} placeholder={t('form.imageFormats')} style={{ flex: 1 }} />
        </Group>
        <FormFooter submitLabel={t('form.save')} saving={saving} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
