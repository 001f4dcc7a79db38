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
import { Menu, Tooltip, VisuallyHidden } from '@mantine/core';
import classes from './SegmentTable.module.css';
import { IconAlertTriangle, IconArrowBarToDown, IconArrowBarToUp, IconCopy, IconDots, IconGripVertical, IconPencil, IconRowInsertBottom, IconTrash } from '@tabler/icons-react';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, Segment } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { discountPercent, segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import { clockTime, computeShowTiming, zoneAbbreviation } from '../../../../shared/domain/timing';
import { formatDuration } from '../../components/format';
import { useDomainLabels } from '../../components/labels';
import { currentLocale } from '../../i18n/i18n';

export interface SegmentActions {
  edit(segment: Segment): void;
  duplicate(segment: Segment): void;
  insertAfter(segment: Segment): void;
  remove(segment: Segment): void;
  moveTo(segment: Segment, where: 'top' | 'bottom'): void;
}

interface RowProps {
  segment: Segment;
  index: number;
  startAt: string;
  /** Planned seconds from the show's start to the end of this segment. */
  runningTotalSec: number;
  showZone: string;
  viewerZone: string | undefined;
  productsById: Map<string, Product>;
  issues: SegmentIssue[];
  actions: SegmentActions;
}

/**
 * The row's "more actions" menu is mounted only while open: a Mantine Menu per row (floating-ui and
 * listeners) is most of a row's cost, and a long run-of-show re-renders every row when the order changes.
 */
// Constant elements: React skips re-rendering them when a row re-renders (every row does on a move).
const gripIcon = <IconGripVertical size={16} aria-hidden />;
const pencilIcon = <IconPencil size={16} aria-hidden />;
const dotsIcon = <IconDots size={16} aria-hidden />;
const warningIcon = <IconAlertTriangle size={12} aria-hidden />;

function RowMenu({ segment, actions }: { segment: Segment; actions: SegmentActions }) {
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const [opened, setOpened] = useState(false);
  const trigger = (
    <button type="button" className={classes.iconButton} aria-label={t('runOfShow.moreActions', { title: segment.title })} aria-haspopup="menu" aria-expanded={opened} onClick={() => setOpened(true)}>
      {dotsIcon}
    </button>
  );
  if (!opened) return trigger;
  return (
    <Menu position="bottom-end" opened onChange={setOpened} trapFocus returnFocus>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconRowInsertBottom size={14} />} onClick={() => actions.insertAfter(segment)}>
          {t('runOfShow.insertBelow')}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowBarToUp size={14} />} onClick={() => actions.moveTo(segment, 'top')}>
          {t('runOfShow.moveTop')}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowBarToDown size={14} />} onClick={() => actions.moveTo(segment, 'bottom')}>
          {t('runOfShow.moveBottom')}
        </Menu.Item>
        <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => actions.duplicate(segment)}>
          {tc('actions.duplicate')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(segment)}>
          {tc('actions.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const SegmentRow = memo(function SegmentRow({ segment, index, startAt, runningTotalSec, showZone, viewerZone, productsById, issues, actions }: RowProps) {
  const { t } = useTranslation('shows');
  const labels = useDomainLabels();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: segment.id });
  const products = segment.productIds.map((id) => productsById.get(id)).filter((p) => p !== undefined);
  const first = products[0];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const problems = [...errors, ...warnings];
  const problemText = problems.map((i) => labels.issue(i)).join(' ');
  return (
    <div role="row" aria-label={`${index + 1}. ${segment.title}`} ref={setNodeRef} className={classes.cells} style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}>
      <div role="cell" className={classes.cell}>
        <button type="button" ref={setActivatorNodeRef} className={classes.handle} aria-label={t('runOfShow.reorder', { title: segment.title })} {...attributes} {...listeners}>
          {gripIcon}
        </button>
      </div>
      <div role="cell" className={classes.cell}>
        {index + 1}
      </div>
      <div role="cell" className={classes.cell}>
        <div className={classes.strong}>{clockTime(startAt, showZone)}</div>
        {viewerZone ? <div className={classes.dim}>{clockTime(startAt, viewerZone)}</div> : null}
      </div>
      <div role="cell" className={classes.cell}>
        <span className={classes.kind}>{labels.kind(segment.kind)}</span>
      </div>
      <div role="cell" className={classes.cell}>
        <div>{segment.title}</div>
        {products.length > 0 ? <div className={classes.dim}>{products.map((p) => p.name).join(' · ')}</div> : null}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.right}`}>
        <div>{formatDuration(segment.plannedSec)}</div>
        <div className={classes.dim} title={t('runOfShow.runningTotal')}>
          Σ {formatDuration(runningTotalSec)}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        {segment.deal ? (
          <>
            {formatMoney(segment.deal.price, currentLocale())}
            {first && first.listPrice.currency === segment.deal.price.currency ? ` (−${discountPercent(first.listPrice.amountMinor, segment.deal.price.amountMinor)}%)` : ''}
            {segment.deal.code ? ` · ${segment.deal.code}` : ''}
            {segment.deal.stockCap ? ` · ${t('runOfShow.cap', { cap: segment.deal.stockCap })}` : ''}
          </>
        ) : (
          <span className={classes.dim}>—</span>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        {segment.scene ?? <span className={classes.dim}>—</span>}
      </div>
      <div role="cell" className={classes.cell}>
        <div className={classes.actions}>
          {problems.length > 0 ? (
            <Tooltip multiline w={280} label={problemText}>
              <span className={errors.length > 0 ? classes.error : classes.warning} role="img" aria-label={t('runOfShow.issues', { title: segment.title, issues: problemText })}>
                {warningIcon}
                {problems.length}
              </span>
            </Tooltip>
          ) : null}
          <button type="button" className={classes.iconButton} aria-label={t('runOfShow.edit', { title: segment.title })} onClick={() => actions.edit(segment)}>
            {pencilIcon}
          </button>
          <RowMenu segment={segment} actions={actions} />
        </div>
      </div>
    </div>
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
  const { t } = useTranslation('shows');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const timing = useMemo(() => computeShowTiming(showStartAt, segments, targetDurationSec), [showStartAt, segments, targetDurationSec]);
  const issues = useMemo(() => new Map(segments.map((s) => [s.id, segmentIssues(s, productsById)])), [segments, productsById]);
  const ids = useMemo(() => segments.map((s) => s.id), [segments]);
  const titleOf = (id: string | number) => segments.find((s) => s.id === id)?.title ?? t('runOfShow.segmentFallback');
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('runOfShow.dragStart', { title: titleOf(active.id), position: positionOf(active.id), total: ids.length }),
    onDragOver: ({ active, over }) =>
      over ? t('runOfShow.dragOver', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length }) : t('runOfShow.dragOverNone', { title: titleOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('runOfShow.dragEnd', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length }) : t('runOfShow.dragEndNone', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('runOfShow.dragCancel', { title: titleOf(active.id), position: positionOf(active.id) }),
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
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('runOfShow.instructions') } }}
    >
      <div role="table" aria-label={t('runOfShow.label')} className={classes.table}>
        <div role="rowgroup" className={classes.row}>
          <div role="row" className={classes.head}>
            <div role="columnheader" className={classes.cell}>
              <VisuallyHidden>{t('runOfShow.reorderColumn')}</VisuallyHidden>
            </div>
            <div role="columnheader" className={classes.cell}>
              #
            </div>
            <div role="columnheader" className={classes.cell}>
              {showLabel}
              {viewerZone ? <div className={classes.dim}>{t('runOfShow.you', { zone: zoneAbbreviation(showStartAt, viewerZone) })}</div> : null}
            </div>
            <div role="columnheader" className={classes.cell}>
              {t('runOfShow.kind')}
            </div>
            <div role="columnheader" className={classes.cell}>
              {t('runOfShow.segment')}
            </div>
            <div role="columnheader" className={`${classes.cell} ${classes.right}`}>
              {t('runOfShow.planned')}
              <div className={classes.dim}>{t('runOfShow.total')}</div>
            </div>
            <div role="columnheader" className={classes.cell}>
              {t('runOfShow.deal')}
            </div>
            <div role="columnheader" className={classes.cell}>
              {t('runOfShow.scene')}
            </div>
            <div role="columnheader" className={classes.cell}>
              <VisuallyHidden>{t('runOfShow.actions')}</VisuallyHidden>
            </div>
          </div>
        </div>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <div role="rowgroup" className={classes.row}>
            {segments.map((segment, index) => (
              <SegmentRow
                key={segment.id}
                segment={segment}
                index={index}
                startAt={timing.segments[index]?.startAt ?? showStartAt}
                runningTotalSec={timing.segments[index]?.runningTotalSec ?? 0}
                showZone={showZone}
                viewerZone={viewerZone}
                productsById={productsById}
                issues={issues.get(segment.id) ?? []}
                actions={actions}
              />
            ))}
          </div>
        </SortableContext>
      </div>
    </DndContext>
  );
}

/** The list after moving `segment` to `toIndex`, with the rank it will be stored with. */
export function movedSegments(segments: Segment[], segment: Segment, toIndex: number, rank: string): Segment[] {
  const from = segments.findIndex((s) => s.id === segment.id);
  return arrayMove(segments, from, toIndex).map((s) => (s.id === segment.id ? { ...s, rank } : s));
}
