/** A page's title, description and actions. With `ns`, title and description are that namespace's `title` and `description`. */
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { actions?: ReactNode } & ({ title: string; description?: string } | { ns: string });

export function PageHeader(props: Props) {
  const { t } = useTranslation('ns' in props ? props.ns : undefined);
  const title = 'ns' in props ? t('title') : props.title;
  const description = 'ns' in props ? t('description') : props.description;
  return (
    <Group justify="space-between" align="flex-start" mb="lg">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {props.actions}
    </Group>
  );
}
