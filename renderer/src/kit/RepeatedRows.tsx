/**
 * Rows a form repeats (contacts, KPIs, handles, rate card): a heading, each row's fields with a remove button named
 * after the row, and an add button. The fields of row i are the caller's; labels carry the 1-based row number.
 */
import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props<Row> {
  heading: string;
  rows: Row[];
  addLabel: string;
  removeLabel(row: number): string;
  onAdd(): void;
  onRemove(index: number): void;
  children(row: Row, index: number): ReactNode;
}

export function RepeatedRows<Row>({ heading, rows, addLabel, removeLabel, onAdd, onRemove, children }: Props<Row>) {
  return (
    <>
      <Text size="sm" fw={500}>
        {heading}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} align="flex-start" gap="xs" grow>
          {children(row, i)}
          <ActionIcon variant="subtle" color="red" mt={28} maw={28} aria-label={removeLabel(i + 1)} onClick={() => onRemove(i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
    </>
  );
}
