/**
 * Words for domain codes shown in the UI (segment kinds, show platforms, overlays, segment issues), in the UI
 * language. shared/ stays pure and English (exports use its labels); the renderer translates by code here.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Segment, ShowPlatform } from '../../../shared/domain/entities';
import type { SegmentIssue } from '../../../shared/domain/segment-rules';

export interface DomainLabels {
  kind(kind: Segment['kind']): string;
  platform(platform: ShowPlatform): string;
  overlay(overlay: keyof Segment['overlays']): string;
  issue(issue: Pick<SegmentIssue, 'code' | 'params'>): string;
}

/** The labels through any `t` (keys carry their namespace), for callers that memoise their own words. */
export function domainLabels(t: TFunction): DomainLabels {
  return {
    kind: (kind) => t(`common:segmentKind.${kind}`),
    platform: (platform) => t(`common:platform.${platform}`),
    overlay: (overlay) => t(`common:overlay.${overlay}`),
    issue: (issue) => t(`common:issue.${issue.code}`, issue.params),
  };
}

export function useDomainLabels(): DomainLabels {
  const { t } = useTranslation('common');
  return domainLabels(t);
}
