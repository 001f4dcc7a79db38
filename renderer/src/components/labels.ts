/**
 * Words for domain codes shown in the UI (segment kinds, show platforms, overlays, segment issues), in the UI
 * language. shared/ stays pure and English (exports use its labels); the renderer translates by code here.
 */
import { useTranslation } from 'react-i18next';
import type { Segment, ShowPlatform } from '../../../shared/domain/entities';
import type { SegmentIssue } from '../../../shared/domain/segment-rules';

export interface DomainLabels {
  kind(kind: Segment['kind']): string;
  platform(platform: ShowPlatform): string;
  overlay(overlay: keyof Segment['overlays']): string;
  issue(issue: Pick<SegmentIssue, 'code' | 'params'>): string;
}

export function useDomainLabels(): DomainLabels {
  const { t } = useTranslation('common');
  return {
    kind: (kind) => t(`segmentKind.${kind}`),
    platform: (platform) => t(`platform.${platform}`),
    overlay: (overlay) => t(`overlay.${overlay}`),
    issue: (issue) => t(`issue.${issue.code}`, issue.params),
  };
}
