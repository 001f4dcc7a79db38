/**
 * A form over an entity: @mantine/form values checked by a zod schema derived from the entity schema, errors as
 * sentences (form-messages.ts), shown once the user submits and cleared as a field is corrected. `save` turns the
 * checked values into the entity and writes it; a failed save is a notice titled `failure`, and nothing typed is
 * lost. Invariant: `save` only ever sees values the schema accepted.
 * Live: given the entity's `version` (its updatedAt), a form kept open while the entity changes elsewhere (another
 * window, a teammate in a team workspace) takes the new values of every field the user has not touched, so saving
 * it never writes an old value back over someone else's edit; the fields the user changed stay theirs.
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
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

export function useEntityForm<Values extends Record<string, unknown>>(
  { ns, schema, sentences, failure }: EntityFormSpec,
  initialValues: Values,
  save: (values: Values) => Promise<unknown>,
  version?: string,
): EntityForm<Values> {
  const { t } = useTranslation([ns, 'kit']);
  const messages: FieldMessages = Object.fromEntries(Object.entries(sentences).map(([path, key]) => [path, typeof key === 'string' ? (row: number) => t(key, { row }) : key]));
  const form = useForm<Values>({ mode: 'controlled', initialValues, validate: sentenceResolver<Values>(schema, messages, t('kit:invalidField')) });
  const [saving, setSaving] = useState(false);
  const adopted = useRef(version);
  useEffect(() => {
    if (version === undefined || version === adopted.current) return;
    adopted.current = version;
    const touched = new Set(Object.keys(initialValues).filter((field) => form.isDirty(field)));
    form.setInitialValues(initialValues);
    for (const [field, value] of Object.entries(initialValues)) {
      if (!touched.has(field)) form.setFieldValue(field, value as never);
    }
    // Only a new version of the entity is adopted; initialValues is recomputed on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const onSubmit = form.onSubmit(async (values) => {
    setSaving(true);
    await runAction(() => save(values), t(failure));
    setSaving(false);
  });
  return { form, onSubmit, saving };
}
