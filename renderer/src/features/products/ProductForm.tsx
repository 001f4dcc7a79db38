/**
 * Create or edit a product. Prices are typed in major units and stored as integer minor units; nothing is
 * saved while a field is invalid (the message says which field and why).
 */
import { Button, FileInput, Group, Image, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { db } from '../../db/db';
import { notifyError } from '../../components/undo';
import { NeedBrand } from '../brands/NeedBrand';
import { useAssetUrl, useBrands } from './products.hooks';
import { saveProduct, type ProductDraft } from './products.repo';

export const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'HKD', 'TWD', 'SGD', 'MYR', 'THB', 'IDR', 'PHP', 'VND', 'AUD', 'CAD'];

interface Props {
  product?: Product;
  onDone(id?: string): void;
}

export function ProductForm({ product, onDone }: Props) {
  const { t } = useTranslation('products');
  const { t: tc } = useTranslation('common');
  const brands = useBrands();
  const imageUrl = useAssetUrl(product?.imageAssetId);
  const [brandId, setBrandId] = useState<string | null>(product?.brandId ?? null);
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [variantNotes, setVariantNotes] = useState(product?.variantNotes ?? '');
  const [currency, setCurrency] = useState(product?.listPrice.currency ?? 'CNY');
  const [price, setPrice] = useState<number | string>(product ? product.listPrice.amountMinor / 10 ** minorDigits(product.listPrice.currency) : '');
  const [stock, setStock] = useState<number | string>(product?.stockOnHand ?? 0);
  const [link, setLink] = useState(product?.link ?? '');
  const [sellingPoints, setSellingPoints] = useState(product?.sellingPoints.join('\n') ?? '');
  const [image, setImage] = useState<File | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const errors = {
    brand: brandId ? undefined : t('errors.brand'),
    sku: sku.trim() ? undefined : t('errors.sku'),
    name: name.trim() ? undefined : t('errors.name'),
    price: typeof price === 'number' && price >= 0 ? undefined : t('errors.price'),
    stock: typeof stock === 'number' && Number.isInteger(stock) && stock >= 0 ? undefined : t('errors.stock'),
    link: link.trim() === '' || /^https?:\/\/\S+$/.test(link.trim()) ? undefined : t('errors.link'),
    image: image && image.size > 5 * 1024 * 1024 ? t('errors.imageSize') : image && !/^image\/(png|jpeg|webp)$/.test(image.type) ? t('errors.imageType') : undefined,
  };
  const [touched, setTouched] = useState(false);
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (error: string | undefined) => (touched ? error : undefined);

  const submit = async () => {
    setTouched(true);
    if (!valid || !brandId) return;
    setSaving(true);
    const draft: ProductDraft = {
      brandId,
      sku: sku.trim(),
      name: name.trim(),
      variantNotes: variantNotes.trim(),
      listPrice: { amountMinor: Math.round((price as number) * 10 ** minorDigits(currency)), currency },
      stockOnHand: stock as number,
      sellingPoints: sellingPoints.split('\n').map((s) => s.trim()).filter(Boolean),
      ...(link.trim() ? { link: link.trim() } : {}),
    };
    try {
      const id = await saveProduct(db, draft, { ...(product ? { id: product.id } : {}), ...(image !== undefined ? { image } : {}) });
      onDone(id);
    } catch (error) {
      notifyError(t('form.saveFailed'), error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        void submit();
      }}>
      <Stack gap="sm">
      {brands && brands.length === 0 ? <NeedBrand for="product" onCreated={setBrandId} /> : null}
      <Select label={t('form.brand')} data={(brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={setBrandId} error={show(errors.brand)} required searchable />
      <Group grow>
        <TextInput label={t('form.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} error={show(errors.sku)} required />
        <TextInput label={t('form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={show(errors.name)} required />
      </Group>
      <TextInput label={t('form.variantNotes')} description={t('form.variantHint')} value={variantNotes} onChange={(e) => setVariantNotes(e.currentTarget.value)} />
      <Group grow>
        <NumberInput label={t('form.listPrice')} value={price} onChange={setPrice} min={0} decimalScale={minorDigits(currency)} error={show(errors.price)} required />
        <Select label={t('form.currency')} data={currencies} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} searchable />
        <NumberInput label={t('form.stock')} value={stock} onChange={setStock} min={0} allowDecimal={false} error={show(errors.stock)} />
      </Group>
      <TextInput label={t('form.link')} placeholder="https://" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={show(errors.link)} />
      <Textarea label={t('form.sellingPoints')} description={t('form.onePerLine')} autosize minRows={3} value={sellingPoints} onChange={(e) => setSellingPoints(e.currentTarget.value)} />
      <Group align="flex-end">
        {imageUrl && image === undefined ? <Image src={imageUrl} alt={t('form.imageAlt', { name })} w={72} h={72} radius="sm" fit="cover" /> : null}
        <FileInput label={t('form.image')} accept="image/png,image/jpeg,image/webp" clearable value={image ?? null} onChange={(file) => setImage(file ?? (product?.imageAssetId ? null : undefined))} error={show(errors.image)} placeholder={t('form.imageFormats')} style={{ flex: 1 }} />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onDone()}>
          {tc('actions.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('form.save')}
        </Button>
      </Group>
      </Stack>
    </form>
  );
}
