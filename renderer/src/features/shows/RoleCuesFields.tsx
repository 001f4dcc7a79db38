/**
 * A segment's role cues: three labelled text areas, one cue per line, for the 主播 host, the 助播 assistant and the
 * 场控 controller. Controlled: the segment editor owns the text (as typed, blank lines included) and saves it
 * cleaned with `roleCuesFromLines` (shared/domain/role-cues.ts). Crew notes stay a separate field: notes for the
 * whole crew.
 */
import { Divider, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cueRoles, MAX_CUE_LENGTH, MAX_CUES_PER_ROLE, type RoleCueLines } from '../../../../shared/domain/role-cues';

const MAX_CHARS = MAX_CUES_PER_ROLE * (MAX_CUE_LENGTH + 1);

export function RoleCuesFields({ value, onChange }: { value: RoleCueLines; onChange(value: RoleCueLines): void }) {
  const { t } = useTranslation('roles');
  return (
    <>
      <Divider label={t('editor.section')} labelPosition="left" />
      <Text size="xs" c="dimmed" mt={-6}>
        {t('editor.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {cueRoles.map((role) => (
          <Textarea
            key={role}
            label={t(`editor.${role}`)}
            placeholder={t(`editor.${role}Placeholder`)}
            autosize
            minRows={3}
            maxLength={MAX_CHARS}
            value={value[role]}
            onChange={(e) => onChange({ ...value, [role]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
