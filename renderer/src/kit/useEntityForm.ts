/**
 * A form over an entity: @mantine/form values checked by a zod schema derived from the entity schema, errors as
 * sentences (form-messages.ts), shown once the user submits and cleared as a field is corrected. `save` turns the
 * checked values into the entity and writes it; a failed save is a notice titled `failure`, and nothing typed is
 * lost. Invariant: `save` only ever sees values the schema accepted.
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { runAction } from './entity-actions';
import { sentenceResolver, type FieldMessages } from './form-messages';

/** What a form declares once, at module level. */
export interface EntityFormSpec {
  /** The form's i18n namespace: `sentences` and `failure` are its keys. */
  ns: string;
  schema: z.ZodType;
  /** zod issue message or field path (rows as `*`) → the key of its sentence (given `row`), or a sentence made here. */
  sentences: Record<string, string | (() => string)>;
  failure: string;
}

export interface EntityForm<Values extends Record<string, unknown>> {
  form: UseFormReturnType<Values>;
  onSubmit(event?: React.FormEvent<HTMLFormElement>): void;
  saving: boolean;
}

export function useEntityForm<Values extends Record<string, unknown>>({ ns, schema, sentences, failure }: EntityFormSpec, initialValues: Values, save: (values: Values) => Promise<unknown>): EntityForm<Values> {
  const { t } = useTranslation([ns, 'kit']);
  const messages: FieldMessages = Object.fromEntries(Object.entries(sentences).map(([path, key]) => [path, typeof key === 'string' ? (row: number) => t(key, { row }) : key]));
  const form = useForm<Values>({ mode: 'controlled', initialValues, validate: sentenceResolver<Values>(schema, messages, t('kit:invalidField')) });
  const [saving, setSaving] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    setSaving(true);
    await runAction(() => save(values), t(failure));
    setSaving(false);
  });
  return { form, onSubmit, saving };
}
