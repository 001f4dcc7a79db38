/**
 * The live script's version and approval (Draft / Approved by the brand), edited on the show form and printed
 * on the brand run-sheet with its sign-off block.
 */
import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Show } from '../../../../shared/domain/entities';

export interface ScriptFieldsValue {
  scriptVersion: string;
  scriptApproval: NonNullable<Show['scriptApproval']>;
}

/** The show fields to save: the version only when there is one. */
export function savedScriptFields(value: ScriptFieldsValue): Pick<Show, 'scriptVersion' | 'scriptApproval'> {
  const version = value.scriptVersion.trim();
  return { scriptApproval: value.scriptApproval, scriptVersion: version || undefined };
}

export function ScriptFields({ value, onChange }: { value: ScriptFieldsValue; onChange(value: ScriptFieldsValue): void }) {
  const { t } = useTranslation('exports');
  const labelId = useId();
  return (
    <Group grow align="flex-start">
      <TextInput label={t('script.version')} description={t('script.versionHint')} maxLength={40} value={value.scriptVersion} onChange={(e) => onChange({ ...value, scriptVersion: e.currentTarget.value })} />
      <Stack gap={4}>
        <Text id={labelId} size="sm" fw={500}>
          {t('script.approval')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={value.scriptApproval}
          onChange={(v) => onChange({ ...value, scriptApproval: v === 'approved' ? 'approved' : 'draft' })}
          data={[
            { value: 'draft', label: t('script.draft') },
            { value: 'approved', label: t('script.approved') },
          ]}
        />
      </Stack>
    </Group>
  );
}
