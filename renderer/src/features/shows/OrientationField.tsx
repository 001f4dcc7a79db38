/**
 * The show's Orientation: Vertical 9:16 or Landscape 16:9, as a labelled radio group ("Orientation"). How the value
 * follows the platforms until picked is in orientation.ts.
 */
import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Orientation } from '../../../../shared/domain/safe-zones';

export function OrientationField({ value, onChange }: { value: Orientation; onChange(value: Orientation): void }) {
  const { t } = useTranslation('vertical');
  return (
    <Radio.Group label={t('orientation.label')} description={t('orientation.hint')} value={value} onChange={(v) => onChange(v === 'vertical' ? 'vertical' : 'landscape')}>
      <Group mt={4}>
        <Radio value="vertical" label={t('orientation.vertical')} />
        <Radio value="landscape" label={t('orientation.landscape')} />
      </Group>
    </Radio.Group>
  );
}
