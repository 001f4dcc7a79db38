/**
 * Run-sheet fixtures from the sample workspace, for tests and benchmarks of the exporters: the sample
 * show as the app would export it, and a long show made by repeating its segments with unique titles.
 * Deterministic for a given `generatedAt`.
 */
import type { Segment } from '../domain/entities';
import { buildRunSheet, type RunSheet, type RunSheetInput, type RunSheetView } from '../domain/runsheet';
import type { ExportLanguage } from '../export/export.strings';
import { buildSampleWorkspace, type SampleWorkspace } from './sample-workspace';
import { compareByRank } from '../domain/rank-order';

export const SAMPLE_GENERATED_AT = '2026-11-26T04:00:00.000Z';

/** The run-sheet input of a sample show: the first (Hydration Night) unless `showId` names another. */
export function sampleRunSheetInput(generatedAt = SAMPLE_GENERATED_AT, showId?: string): { input: RunSheetInput; workspace: SampleWorkspace } {
  const workspace = buildSampleWorkspace(new Date(generatedAt));
  const show = showId === undefined ? workspace.shows[0] : workspace.shows.find((s) => s.id === showId);
  if (!show) throw new Error('the sample workspace has no show');
  const brand = workspace.brands.find((b) => b.id === show.brandId);
  const campaign = workspace.campaigns.find((c) => c.id === show.campaignId);
  const input: RunSheetInput = {
    show,
    segments: workspace.segments.filter((s) => s.showId === show.id).sort(compareByRank),
    products: new Map(workspace.products.map((p) => [p.id, p])),
    hosts: show.hostIds.map((id) => workspace.creators.find((c) => c.id === id)).filter((c) => c !== undefined),
    ...(brand ? { brand } : {}),
    ...(campaign ? { campaign } : {}),
  };
  return { input, workspace };
}

/** A `count`-segment show: the sample's segments repeated, each title made unique with a "#NNN" prefix. */
export function repeatSegments(input: RunSheetInput, count: number): RunSheetInput {
  const segments = Array.from({ length: count }, (_, i): Segment => {
    const base = input.segments[i % input.segments.length]!;
    return { ...base, id: `${base.id}-${i}`, title: `#${String(i + 1).padStart(3, '0')} ${base.title}` };
  });
  return { ...input, segments };
}

export function sampleRunSheet(view: RunSheetView, input: RunSheetInput = sampleRunSheetInput().input, language: ExportLanguage = 'en'): RunSheet {
  return buildRunSheet(input, view, { generatedAt: SAMPLE_GENERATED_AT, viewerZone: 'Europe/London', language });
}
