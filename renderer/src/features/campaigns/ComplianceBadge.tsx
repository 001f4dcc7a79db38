/**
 * A campaign's disclosure compliance score (share of sponsored items correctly disclosed), red below 100 %.
 * Whole percents rounded down, so 99.6 % never reads as 100 %.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceScore } from '../../../../shared/domain/disclosure';
import { currentLocale } from '../../i18n/i18n';

export function ComplianceBadge({ compliance }: { compliance: ComplianceScore }) {
  const { t } = useTranslation('disclosure');
  if (compliance.score === null)
    return (
      <Badge color="gray" variant="light" tt="none">
        {t('score.none')}
      </Badge>
    );
  const text = t('score.value', { percent: new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(compliance.score * 100) / 100), compliant: compliance.compliant, sponsored: compliance.sponsored });
  return (
    <Badge color={compliance.score < 1 ? 'red' : 'green'} variant="light" tt="none" aria-label={`${t('score.label')}: ${text}`}>
      {text}
    </Badge>
  );
}
