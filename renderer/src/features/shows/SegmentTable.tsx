/**
 * The run-of-show as a sortable table: drag a row by its handle, or focus the handle and use the keyboard
 * (Space to lift, arrows to move, Space to drop, Escape to cancel). The new order shows at once (the
 * rank the database will store is computed here with the same rule); rows are memoised so a move
 * re-renders only what changed. Clicking a row (outside its buttons) selects it, or clears the selection
 * when it was selected; the selected row carries aria-current and is where a new segment goes after.
 * Beside a row's issues, its claim flags (claims-ui.ts, computed once per segment object like the issues).
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
import { IconAlertTriangle, IconArrowBarToDown, IconChecks, IconMessageExclamation, IconArrowBarToUp, IconCopy, IconDots, IconGripVertical, IconPencil, IconRowInsertBottom, IconTrash } from '@tabler/icons-react';
import { memo, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, Segment } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { discountPercent, segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import { clockTime, computeShowTiming, zoneAbbreviation } from '../../../../shared/domain/timing';
import { formatDuration } from '../../components/format';
import { domainLabels } from '../../components/labels';
import { currentLocale } from '../../i18n/i18n';
import { claimSentences, segmentClaimsCached, type RecordClaims } from '../../components/claims-ui';

export interface SegmentActions {
  edit(segment: Segment): void;
  /** Select the row, or clear the selection when it is the selected one. */
  select(segment: Segment): void;
  duplicate(segment: Segment): void;
  insertAfter(segment: Segment): void;
  remove(segment: Segment): void;
  moveTo(segment: Segment, where: 'top' | 'bottom'): void;
}

/**
 * Words a row needs, resolved once per table render (and language), not per row: a move re-renders every row,
 * and i18next interpolation in 200 rows is most of a move's cost. Templates carry a marker for the title.
 */
interface RowText {
  reorder: string;
  edit: string;
  moreActions: string;
  issues: string;
  cap: string;
  runningTotal: string;
  insertBelow: string;
  moveTop: string;
  moveBottom: string;
  duplicate: string;
  delete: string;
  kind: (kind: Segment['kind']) => string;
  issue: (issue: SegmentIssue) => string;
  /** The claim badge's name: its flags as sentences (called only for rows with flags). */
  claims: (title: string, claims: RecordClaims) => string;
  /** Hard start: "Hard start 20:30 · 4 min late" (only pinned rows call it). */
  pinned: (pinnedClock: string, driftSec: number) => string;
}

const MARK = '\u0000';
const fill = (template: string, value: string | number) => template.split(MARK).join(String(value));

function useRowText(): RowText {
  const { t } = useTranslation('shows');
  // react-i18next hands out a new `t` when the language changes, so the words follow it.
  return useMemo(() => {
    const labels = domainLabels(t);
    const kinds = new Map<string, string>();
    return {
      reorder: t('runOfShow.reorder', { title: MARK }),
      edit: t('runOfShow.edit', { title: MARK }),
      moreActions: t('runOfShow.moreActions', { title: MARK }),
      issues: t('runOfShow.issues', { title: MARK, issues: `${MARK}${MARK}` }),
      cap: t('runOfShow.cap', { cap: MARK }),
      runningTotal: t('runOfShow.runningTotal'),
      insertBelow: t('runOfShow.insertBelow'),
      moveTop: t('runOfShow.moveTop'),
      moveBottom: t('runOfShow.moveBottom'),
      duplicate: t('common:actions.duplicate'),
      delete: t('common:actions.delete'),
      kind: (kind) => {
        let label = kinds.get(kind);
        if (label === undefined) kinds.set(kind, (label = labels.kind(kind)));
        return label;
      },
      issue: (issue) => labels.issue(issue),
      claims: (title, { flags, open }) =>
        open > 0
          ? t('claims:row.open', { count: open, title, flags: claimSentences(t, flags) })
          : t('claims:row.reviewed', { count: flags.length, title, flags: claimSentences(t, flags) }),
      pinned: (pinnedClock, driftSec) => {
        const length = formatDuration(Math.abs(driftSec));
        const drift = driftSec === 0 ? t('beats:table.onTime') : t(driftSec > 0 ? 'beats:table.late' : 'beats:table.early', { length });
        return `${t('beats:table.pinned', { pinned: pinnedClock })} · ${drift}`;
      },
    };
  }, [t]);
}

interface RowProps {
  text: RowText;
  segment: Segment;
  index: number;
  startAt: string;
  /** Planned seconds from the show's start to the end of this segment. */
  runningTotalSec: number;
  /** Hard start only: planned start − pinned instant, seconds (positive = late). */
  driftSec: number | undefined;
  showZone: string;
  viewerZone: string | undefined;
  productsById: Map<string, Product>;
  issues: SegmentIssue[];
  actions: SegmentActions;
  selected: boolean;
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
const claimIcon = <IconMessageExclamation size={12} aria-hidden />;
const claimsReviewedIcon = <IconChecks size={12} aria-hidden />;

function RowMenu({ segment, actions, text }: { segment: Segment; actions: SegmentActions; text: RowText }) {
  const [opened, setOpened] = useState(false);
  const trigger = (
    <button type="button" className={classes.iconButton} aria-label={fill(text.moreActions, segment.title)} aria-haspopup="menu" aria-expanded={opened} onClick={() => setOpened(true)}>
      {dotsIcon}
    </button>
  );
  if (!opened) return trigger;
  return (
    <Menu position="bottom-end" opened onChange={setOpened} trapFocus returnFocus>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconRowInsertBottom size={14} />} onClick={() => actions.insertAfter(segment)}>
          {text.insertBelow}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowBarToUp size={14} />} onClick={() => actions.moveTo(segment, 'top')}>
          {text.moveTop}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowBarToDown size={14} />} onClick={() => actions.moveTo(segment, 'bottom')}>
          {text.moveBottom}
        </Menu.Item>
        <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => actions.duplicate(segment)}>
          {text.duplicate}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(segment)}>
          {text.delete}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

interface BodyProps {
  text: RowText;
  segment: Segment;
  productsById: Map<string, Product>;
  issues: SegmentIssue[];
  actions: SegmentActions;
}

/** Claim flags of the segment (beside its issues): unreviewed count, or a check when every flag is reviewed. */
function ClaimBadge({ text, segment }: { text: RowText; segment: Segment }) {
  const claims = segmentClaimsCached(segment);
  if (claims.flags.length === 0) return null;
  const label = text.claims(segment.title, claims);
  return (
    <Tooltip multiline w={320} label={label}>
      <span className={claims.open > 0 ? classes.warning : classes.dim} role="img" aria-label={label} data-claims={claims.open}>
        {claims.open > 0 ? claimIcon : claimsReviewedIcon}
        {claims.open > 0 ? claims.open : null}
      </span>
    </Tooltip>
  );
}

/** Kind and title: depends on the segment only, so a move (which renumbers every row) skips it. */
const TitleCells = memo(function TitleCells({ text, segment, productsById }: Pick<BodyProps, 'text' | 'segment' | 'productsById'>) {
  const names = segment.productIds.map((id) => productsById.get(id)?.name).filter((name) => name !== undefined);
  return (
    <>
      <div role="cell" className={classes.cell}>
        <span className={classes.kind}>{text.kind(segment.kind)}</span>
      </div>
      <div role="cell" className={classes.cell}>
        <div>{segment.title}</div>
        {names.length > 0 ? <div className={classes.dim}>{names.join(' · ')}</div> : null}
      </div>
    </>
  );
});

/** Deal, scene and actions: depends on the segment only, like TitleCells. */
const DetailCells = memo(function DetailCells({ text, segment, productsById, issues, actions }: BodyProps) {
  const first = segment.productIds.length > 0 ? productsById.get(segment.productIds[0] ?? '') : undefined;
  const errors = issues.filter((i) => i.severity === 'error');
  const problems = [...errors, ...issues.filter((i) => i.severity === 'warning')];
  const problemText = problems.length > 0 ? problems.map((i) => text.issue(i)).join(' ') : '';
  return (
    <>
      <div role="cell" className={classes.cell}>
        {segment.deal ? (
          <>
            {formatMoney(segment.deal.price, currentLocale())}
            {first && first.listPrice.currency === segment.deal.price.currency ? ` (−${discountPercent(first.listPrice.amountMinor, segment.deal.price.amountMinor)}%)` : ''}
            {segment.deal.code ? ` · ${segment.deal.code}` : ''}
            {segment.deal.stockCap ? ` · ${fill(text.cap, segment.deal.stockCap)}` : ''}
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
              <span className={errors.length > 0 ? classes.error : classes.warning} role="img" aria-label={text.issues.replace(`${MARK}${MARK}`, problemText).split(MARK).join(segment.title)}>
                {warningIcon}
                {problems.length}
              </span>
            </Tooltip>
          ) : null}
          <ClaimBadge text={text} segment={segment} />
          <button type="button" className={classes.iconButton} aria-label={fill(text.edit, segment.title)} onClick={() => actions.edit(segment)}>
            {pencilIcon}
          </button>
          <RowMenu segment={segment} actions={actions} text={text} />
        </div>
      </div>
    </>
  );
});

/** Issues per (catalog, segment object), cached: an unchanged segment keeps the same array across a move. */
const issueCache = new WeakMap<Map<string, Product>, WeakMap<Segment, SegmentIssue[]>>();
function issuesOf(segment: Segment, productsById: Map<string, Product>): SegmentIssue[] {
  let bySegment = issueCache.get(productsById);
  if (!bySegment) issueCache.set(productsById, (bySegment = new WeakMap()));
  let found = bySegment.get(segment);
  if (!found) bySegment.set(segment, (found = segmentIssues(segment, productsById)));
  return found;
}

/**
 * One row: the sortable wrapper and the cells that change with the row's position (number, clock, running total).
 * The rest is in memoised parts keyed on the segment object, so moving one segment re-renders little per row.
 */
const SegmentRow = memo(function SegmentRow({ text, segment, index, startAt, runningTotalSec, driftSec, showZone, viewerZone, productsById, issues, actions, selected }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: segment.id });
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element) || event.target.closest('button, a, [role="menu"]')) return;
    actions.select(segment);
  };
  return (
    <div
      role="row"
      aria-label={`${index + 1}. ${segment.title}`}
      aria-current={selected ? 'true' : undefined}
      onClick={onClick}
      ref={setNodeRef}
      className={selected ? `${classes.cells} ${classes.selected}` : classes.cells}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}>
      <div role="cell" className={classes.cell}>
        <button type="button" ref={setActivatorNodeRef} className={classes.handle} aria-label={fill(text.reorder, segment.title)} {...attributes} {...listeners}>
          {gripIcon}
        </button>
      </div>
      <div role="cell" className={classes.cell}>
        {index + 1}
      </div>
      <div role="cell" className={classes.cell}>
        <div className={classes.strong}>{clockTime(startAt, showZone)}</div>
        {viewerZone ? <div className={classes.dim}>{clockTime(startAt, viewerZone)}</div> : null}
        {segment.pinnedAt !== undefined && driftSec !== undefined ? (
          <div className={driftSec > 0 ? classes.error : classes.dim}>{text.pinned(clockTime(segment.pinnedAt, showZone), driftSec)}</div>
        ) : null}
      </div>
      <TitleCells text={text} segment={segment} productsById={productsById} />
      <div role="cell" className={`${classes.cell} ${classes.right}`}>
        <div>{formatDuration(segment.plannedSec)}</div>
        <div className={classes.dim} title={text.runningTotal}>
          Σ {formatDuration(runningTotalSec)}
        </div>
      </div>
      <DetailCells text={text} segment={segment} productsById={productsById} issues={issues} actions={actions} />
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
  /** The selected segment's id, if any. */
  selectedId?: string | undefined;
  onMove(segment: Segment, toIndex: number): void;
}

export function SegmentTable({ segments, showStartAt, showZone, viewerZone, targetDurationSec, productsById, actions, selectedId, onMove }: Props) {
  const { t } = useTranslation('shows');
  const text = useRowText();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const timing = useMemo(() => computeShowTiming(showStartAt, segments, targetDurationSec), [showStartAt, segments, targetDurationSec]);
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
                text={text}
                segment={segment}
                index={index}
                startAt={timing.segments[index]?.startAt ?? showStartAt}
                runningTotalSec={timing.segments[index]?.runningTotalSec ?? 0}
                driftSec={timing.segments[index]?.driftSec}
                showZone={showZone}
                viewerZone={viewerZone}
                productsById={productsById}
                issues={issuesOf(segment, productsById)}
                actions={actions}
                selected={segment.id === selectedId}
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
