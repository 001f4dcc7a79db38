/**
 * A row's actions. As icons (edit, duplicate, delete…), each named by its label (e.g. "Delete Lumi"); or, with
 * `menuLabel`, as one "Actions for …" menu whose items read their labels. Delete is red in both.
 */
import { ActionIcon, Group, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface RowAction {
  label: string;
  icon: ReactNode;
  danger?: boolean;
  onClick(): void;
}

export function RowActions({ actions, menuLabel }: { actions: RowAction[]; menuLabel?: string }) {
  if (menuLabel) {
    return (
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={menuLabel}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {actions.map((a) => (
            <Menu.Item key={a.label} leftSection={a.icon} {...(a.danger ? { color: 'red' } : {})} onClick={a.onClick}>
              {a.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((a) => (
        <ActionIcon key={a.label} variant="subtle" {...(a.danger ? { color: 'red' } : {})} aria-label={a.label} onClick={a.onClick}>
          {a.icon}
        </ActionIcon>
      ))}
    </Group>
  );
}
