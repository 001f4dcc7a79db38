/**
 * The run-of-show as a sortable table: drag a row by its handle, or focus the handle and use the keyboard
 * (Space to lift, arrows to move, Space to drop, Escape to cancel). The new order shows at once (the
 * rank the database will store is computed here with the same rule); rows are memoised so a move
 * re-renders only what changed.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { restrictToVerticalAxis } from '@dnd-kit/modifiers';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Group, Menu, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconDots, IconGripVertical, IconPencil, IconRowInsertBottom, IconTrash } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import type { Product, Segment } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { segmentKindLabels } from '../../../../shared/domain/runsheet';
import { discountPercent, segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import { clockTime, computeShowTiming, zoneAbbreviation } from '../../../../shared/domain/timing';
import { formatDuration } from '../../components/format';

export interface SegmentActions {
  edit(segment: Segment): void;
  duplicate(segment: Segment): void;
  insertAfter(segment: Segment): void;
  remove(segment: Segment): void;
}

interface RowProps {
  segment: Segment;
  index: number;
  startAt: string;
  showZone: string;
  viewerZone: string | undefined;
  productsById: Map<string, Product>;
  issues: SegmentIssue[];
  actions: SegmentActions;
}

const SegmentRow = memo(function SegmentRow({ segment, index, startAt, showZone, viewerZone, productsById, issues, actions }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: segment.id });
  const products = segment.productIds.map((id) => productsById.get(id)).filter((p) => p !== undefined);
  const first = products[0];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <Table.Tr
      ref={setNodeRef}
      aria-label={`${index + 1}. ${segment.title}`}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}
    >
      <Table.Td>
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" aria-label={`Reorder ${segment.title}`} style={{ cursor: 'grab', touchAction: 'none' }} {...attributes} {...listeners}>
          <IconGripVertical size={16} />
        </ActionIcon>
      </Table.Td>
      <Table.Td>{index + 1}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {clockTime(startAt, showZone)}
        </Text>
        {viewerZone ? (
          <Text size="xs" c="dimmed">
            {clockTime(startAt, viewerZone)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" size="sm">
          {segmentKindLabels[segment.kind]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{segment.title}</Text>
        {products.length > 0 ? (
          <Text size="xs" c="dimmed">
            {products.map((p) => p.name).join(' · ')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">{formatDuration(segment.plannedSec)}</Table.Td>
      <Table.Td>
        {segment.deal ? (
          <Text size="sm">
            {formatMoney(segment.deal.price)}
            {first && first.listPrice.currency === segment.deal.price.currency ? ` (−${discountPercent(first.listPrice.amountMinor, segment.deal.price.amountMinor)}%)` : ''}
            {segment.deal.code ? ` · ${segment.deal.code}` : ''}
            {segment.deal.stockCap ? ` · cap ${segment.deal.stockCap}` : ''}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>{segment.scene ?? <Text span size="sm" c="dimmed">—</Text>}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {errors.length > 0 || warnings.length > 0 ? (
            <Tooltip multiline w={280} label={[...errors, ...warnings].map((i) => i.message).join(' ')}>
              <Badge color={errors.length > 0 ? 'red' : 'yellow'} variant="light" leftSection={<IconAlertTriangle size={12} />} aria-label={`${segment.title}: ${[...errors, ...warnings].map((i) => i.message).join(' ')}`}>
                {errors.length + warnings.length}
              </Badge>
            </Tooltip>
          ) : null}
          <ActionIcon variant="subtle" aria-label={`Edit ${segment.title}`} onClick={() => actions.edit(segment)}>
            <IconPencil size={16} />
          </ActionIcon>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`More actions for ${segment.title}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconRowInsertBottom size={14} />} onClick={() => actions.insertAfter(segment)}>
                Insert segment below
              </Menu.Item>
              <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => actions.duplicate(segment)}>
                Duplicate
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(segment)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

interface Props {
  segments: Segment[];
  showStartAt: string;
  showZone: string;
  viewerZone: string | undefined;
  targetDurationSec: number;
  productsById: Map<string, Product>;
  actions: SegmentActions;
  onMove(segment: Segment, toIndex: number): void;
}

export function SegmentTable({ segments, showStartAt, showZone, viewerZone, targetDurationSec, productsById, actions, onMove }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const timing = useMemo(() => computeShowTiming(showStartAt, segments, targetDurationSec), [showStartAt, segments, targetDurationSec]);
  const issues = useMemo(() => new Map(segments.map((s) => [s.id, segmentIssues(s, productsById)])), [segments, productsById]);
  const ids = useMemo(() => segments.map((s) => s.id), [segments]);
  const titleOf = (id: string | number) => segments.find((s) => s.id === id)?.title ?? 'segment';
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, position ${positionOf(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over position ${positionOf(over.id)} of ${ids.length}.` : `${titleOf(active.id)} is no longer over a position.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at position ${positionOf(over.id)} of ${ids.length}.` : `Dropped ${titleOf(active.id)}.`),
    onDragCancel: ({ active }) => `Cancelled. ${titleOf(active.id)} stays at position ${positionOf(active.id)}.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    const moving = segments[from];
    if (moving && to >= 0) onMove(moving, to);
  };

  const showLabel = zoneAbbreviation(showStartAt, showZone);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: 'To reorder, press Space, move with the arrow keys, press Space again to drop or Escape to cancel.' } }}
    >
      <Table aria-label="Run-of-show" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Reorder</VisuallyHidden>
            </Table.Th>
            <Table.Th w={36}>#</Table.Th>
            <Table.Th w={90}>
              {showLabel}
              {viewerZone ? (
                <Text size="xs" c="dimmed">
                  you: {zoneAbbreviation(showStartAt, viewerZone)}
                </Text>
              ) : null}
            </Table.Th>
            <Table.Th w={140}>Kind</Table.Th>
            <Table.Th>Segment</Table.Th>
            <Table.Th ta="right" w={80}>
              Planned
            </Table.Th>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Scene</Table.Th>
            <Table.Th w={120}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <Table.Tbody>
            {segments.map((segment, index) => (
              <SegmentRow
                key={segment.id}
                segment={segment}
                index={index}
                startAt={timing.segments[index]?.startAt ?? showStartAt}
                showZone={showZone}
                viewerZone={viewerZone}
                productsById={productsById}
                issues={issues.get(segment.id) ?? []}
                actions={actions}
              />
            ))}
          </Table.Tbody>
        </SortableContext>
      </Table>
    </DndContext>
  );
}

/** The list after moving `segment` to `toIndex`, with the rank it will be stored with. */
export function movedSegments(segments: Segment[], segment: Segment, toIndex: number, rank: string): Segment[] {
  const from = segments.findIndex((s) => s.id === segment.id);
  return arrayMove(segments, from, toIndex).map((s) => (s.id === segment.id ? { ...s, rank } : s));
}
