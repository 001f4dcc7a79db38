/**
 * One show's run-of-show: details and timing (show zone and the viewer's), the sortable segment table,
 * the segment editor, and run-sheet exports for the brand and the crew.
 * A row can be selected (click it, or edit it); "Add segment" opens the editor on a draft that is written
 * only on Save, after the selected segment or before Closing when none is selected (shows.repo newSegmentIndex).
 */
import { Alert, Anchor, Badge, Button, Drawer, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconVideo } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Segment } from '../../../../shared/domain/entities';
import { defaultOrientation } from '../../../../shared/domain/safe-zones';
import { clockTime, computeShowTiming, localDate, zoneAbbreviation } from '../../../../shared/domain/timing';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration } from '../../components/format';
import { useDomainLabels } from '../../components/labels';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { i18n } from '../../i18n/i18n';
import { SegmentEditor } from './SegmentEditor';
import { movedSegments, SegmentTable, type SegmentActions } from './SegmentTable';
import { RunSheetExportButtons } from './RunSheetExportButtons';
import { PartnershipTermsSection } from '../payouts/PartnershipTermsSection';
import { ShowForm, viewerZone as browserZone } from './ShowForm';
import { usePlanningLookups, useSegments, useShow } from './shows.hooks';
import { addSegment, blankSegment, deleteSegment, duplicateSegment, moveSegment, newSegmentIndex, rankForMove, updateSegment, updateShow, type SegmentDraft } from './shows.repo';
import { editedFields } from '../../db/records';

interface EditTarget {
  /** The stored segment's id; absent while the segment is new (not written until Save). */
  id?: string;
  draft: SegmentDraft;
  /** The stored title, for the drawer's heading. */
  title: string;
  /** For a new segment: the segment it goes after (null: before Closing, or at the end). */
  afterId?: string | null;
}

const defaultScenes = ['Opening', 'Product Close-up', 'Deal', 'Two-shot', 'Giveaway', 'Q&A', 'BRB', 'Closing'];

export function ShowEditorPage() {
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const { t: tp } = useTranslation('planning');
  const { t: tv } = useTranslation('vertical');
  const labels = useDomainLabels();
  const { showId } = useParams();
  const show = useShow(showId);
  const stored = useSegments(showId);
  const lookups = usePlanningLookups();
  // The database is the truth; a pending local order lets a move show at once, before the write comes back.
  // It applies only to the list it was made from: the next read from the database replaces it.
  const [pending, setPending] = useState<{ base: Segment[]; list: Segment[] } | null>(null);
  const saving = pending !== null && pending.base === stored;
  const segments = useMemo(() => (pending && pending.base === stored ? pending.list : (stored ?? [])), [pending, stored]);
  /** The segment in the editor: a stored one (with its id), or a new draft placed after `afterId` on Save. */
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // Search links a segment as ?segment=<id>: select it and open it in the editor, once, then drop the link.
  const [params, setParams] = useSearchParams();
  const linkedSegment = params.get('segment');
  const [handledLink, setHandledLink] = useState<string | null>(null);
  if (linkedSegment !== handledLink && (linkedSegment === null || stored)) {
    setHandledLink(linkedSegment);
    const found = linkedSegment ? stored?.find((s) => s.id === linkedSegment) : undefined;
    if (found) {
      setSelectedId(found.id);
      setEditing({ id: found.id, draft: found, title: found.title });
    }
  }
  useEffect(() => {
    if (linkedSegment !== null && linkedSegment === handledLink) setParams({}, { replace: true });
  }, [linkedSegment, handledLink, setParams]);
  const [editingShow, setEditingShow] = useState(false);

  // Row actions stay the same object across renders (rows are memoised); they read the latest list here.
  const latest = useRef({ stored, segments });
  useEffect(() => {
    latest.current = { stored, segments };
  });
  const onMove = useCallback((segment: Segment, toIndex: number) => {
    const { stored: base, segments: list } = latest.current;
    if (!base) return;
    const rank = rankForMove(list, segment.id, toIndex);
    setPending({ base, list: movedSegments(list, segment, toIndex, rank) });
    void moveSegment(db, segment.id, rank).catch((e: unknown) => {
      setPending(null);
      notifyError(i18n.t('failed.move', { ns: 'shows' }), e);
    });
  }, []);

  const actions: SegmentActions = useMemo(
    () => ({
      edit: (segment) => {
        setSelectedId(segment.id);
        setEditing({ id: segment.id, draft: segment, title: segment.title });
      },
      select: (segment) => setSelectedId((current) => (current === segment.id ? null : segment.id)),
      duplicate: (segment) => void duplicateSegment(db, segment.id).catch((e: unknown) => notifyError(t('failed.duplicateSegment'), e)),
      insertAfter: (segment) => {
        setSelectedId(segment.id);
        setEditing({ draft: blankSegment('product_pitch', t('editor.newSegment')), title: '', afterId: segment.id });
      },
      remove: (segment) =>
        void deleteSegment(db, segment.id)
          .then((undo) => notifyDeleted(segment.title, undo))
          .catch((e: unknown) => notifyError(t('failed.deleteSegment'), e)),
      moveTo: (segment, where) => onMove(segment, where === 'top' ? 0 : latest.current.segments.length - 1),
    }),
    [onMove, t],
  );

  if (show === null) {
    return (
      <EmptyState icon={<IconVideo />} title={t('editor.notFound')} action={<Anchor component={Link} to="/shows">{t('editor.back')}</Anchor>}>
        {t('editor.maybeDeleted')}
      </EmptyState>
    );
  }
  if (!show || !stored || !lookups) return null;

  const viewerZone = browserZone !== show.zone ? browserZone : undefined;
  const timing = computeShowTiming(show.startAt, segments, show.targetDurationSec);
  const hosts = show.hostIds.map((id) => lookups.creators.find((c) => c.id === id)?.name).filter(Boolean);
  const brand = lookups.brands.find((b) => b.id === show.brandId);
  const scenes = [...new Set([...segments.map((s) => s.scene).filter((s): s is string => !!s), ...defaultScenes])];

  const selected = selectedId ? segments.find((s) => s.id === selectedId) : undefined;
  const slotIndex = newSegmentIndex(segments, selected?.id);
  const startNewSegment = () =>
    setEditing({
      draft: segments.length === 0 ? blankSegment('opening', t('editor.opening')) : blankSegment('product_pitch', t('editor.newSegment')),
      title: '',
      afterId: selected?.id ?? null,
    });
  const saveSegment = async (target: EditTarget, changes: SegmentDraft) => {
    try {
      // Only what the user changed in the editor: a teammate's edit of another field meanwhile is kept.
      if (target.id !== undefined) await updateSegment(db, target.id, editedFields(target.draft, changes));
      else setSelectedId(await addSegment(db, show.id, changes, target.afterId));
      setEditing(null);
    } catch (error) {
      notifyError(target.id !== undefined ? t('failed.saveSegment') : t('failed.insert'), error);
    }
  };

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Anchor component={Link} to="/shows" size="sm">
            {t('editor.backLink')}
          </Anchor>
          <Title order={2}>{show.title}</Title>
          <Group gap={6}>
            {show.platforms.map((p) => (
              <Badge key={p} variant="light">
                {labels.platform(p)}
              </Badge>
            ))}
            <Badge variant="outline" color="gray">
              {tv('orientation.badge', { orientation: tv(`orientation.${show.orientation ?? defaultOrientation(show.platforms)}`) })}
            </Badge>
            {show.isTemplate ? <Badge color="grape">{t('editor.template')}</Badge> : null}
          </Group>
        </Stack>
        <Group>
          <Text size="sm" c="dimmed" role="status" aria-label={t('editor.saveState')}>
            {saving ? t('editor.saving') : t('editor.saved')}
          </Text>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditingShow(true)}>
            {t('editor.edit')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={startNewSegment} {...(segments.length > 0 ? { 'aria-describedby': 'new-segment-slot' } : {})}>
            {t('editor.addSegment')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('editor.starts', { zone: show.zone })}
          </Text>
          <Text fw={600}>
            {localDate(show.startAt, show.zone)} {clockTime(show.startAt, show.zone)} {zoneAbbreviation(show.startAt, show.zone)}
          </Text>
          {viewerZone ? (
            <Text size="xs" c="dimmed">
              {t('editor.yourTime', { time: `${localDate(show.startAt, viewerZone)} ${clockTime(show.startAt, viewerZone)} ${zoneAbbreviation(show.startAt, viewerZone)}` })}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('editor.ends')}
          </Text>
          <Text fw={600} aria-label={t('editor.showEnds')}>
            {clockTime(timing.endAt, show.zone)} {zoneAbbreviation(timing.endAt, show.zone)}
          </Text>
          {viewerZone ? (
            <Text size="xs" c="dimmed">
              {t('editor.yourTime', { time: clockTime(timing.endAt, viewerZone) })}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('editor.plannedTarget')}
          </Text>
          <Text fw={600} aria-label={t('editor.plannedLength')}>
            {formatDuration(timing.totalSec)} / {formatDuration(show.targetDurationSec)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('editor.hostsBrand')}
          </Text>
          <Text fw={600} lineClamp={1}>
            {hosts.join(', ') || '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {brand?.name ?? t('editor.noBrand')}
          </Text>
        </Paper>
      </SimpleGrid>

      {timing.overTarget ? (
        <Alert color="orange" icon={<IconAlertTriangle />} title={t('editor.overTarget')} mb="md" role="alert">
          {t('editor.overTargetBody', { over: formatDuration(timing.overTargetSec), target: formatDuration(show.targetDurationSec) })}
        </Alert>
      ) : null}

      <RunSheetExportButtons showId={show.id} viewerZone={viewerZone} />

      {segments.length > 0 ? (
        <Text id="new-segment-slot" size="sm" c="dimmed" mb="xs">
          {selected
            ? tp('newSegment.afterSelected', { title: selected.title })
            : slotIndex < segments.length
              ? tp('newSegment.beforeClosing', { title: segments[slotIndex]?.title ?? '' })
              : tp('newSegment.atEnd')}
        </Text>
      ) : null}
      {segments.length === 0 ? (
        <EmptyState icon={<IconVideo />} title={t('editor.noSegments')} action={<Button onClick={startNewSegment}>{t('editor.addFirst')}</Button>}>
          {t('editor.noSegmentsBody')}
        </EmptyState>
      ) : (
        <SegmentTable
          segments={segments}
          showStartAt={show.startAt}
          showZone={show.zone}
          viewerZone={viewerZone}
          targetDurationSec={show.targetDurationSec}
          productsById={lookups.productsById}
          actions={actions}
          selectedId={selected?.id}
          onMove={onMove}
        />
      )}

      <PartnershipTermsSection scope={{ kind: 'show', show }} />

      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="xl" closeButtonProps={{ 'aria-label': tc('actions.close') }} title={editing ? (editing.id !== undefined ? t('editor.editSegment', { title: editing.title }) : tp('newSegment.drawerTitle')) : ''}>
        {editing ? (
          <SegmentEditor
            key={editing.id ?? 'new'}
            segment={editing.draft}
            showId={show.id}
            {...(editing.id !== undefined ? { segmentId: editing.id } : {})}
            products={show.brandId ? lookups.products.filter((p) => p.brandId === show.brandId) : lookups.products}
            productsById={lookups.productsById}
            sceneSuggestions={scenes}
            onCancel={() => setEditing(null)}
            onSave={(changes) => saveSegment(editing, changes)}
          />
        ) : null}
      </Drawer>
      <Modal opened={editingShow} onClose={() => setEditingShow(false)} title={t('editor.edit')} size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
        <ShowForm
          initial={show}
          submitLabel={t('editor.save')}
          onCancel={() => setEditingShow(false)}
          onSubmit={async (draft) => {
            try {
              await updateShow(db, show.id, draft);
              setEditingShow(false);
            } catch (error) {
              notifyError(t('failed.save'), error);
            }
          }}
        />
      </Modal>
    </>
  );
}
