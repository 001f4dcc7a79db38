/**
 * GMV per minute of a run with the segments on air as bands (@mantine/charts AreaChart, bands as recharts
 * ReferenceArea through `referenceAreas`). One currency is drawn (the first of the run's GMV); the figure names it.
 * Accessible: a figure with a name and a caption; the tables beside it carry the numbers.
 * A band is labelled with its segment's title when the band is wide enough for it (at the chart's narrowest width),
 * else with the segment's number in the run (the report's # column), so labels of short segments never overlap.
 */
import { AreaChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, minorDigits } from '../../../../shared/domain/money';
import { amountIn } from '../../../../shared/sales/money-sums';
import type { ShowResults } from '../../../../shared/sales/results.types';
import { formatTimeInZone } from '../../components/format';
import { currentLocale } from '../../i18n/i18n';

const bandColors = ['blue.4', 'teal.4', 'grape.4', 'orange.4', 'cyan.4', 'pink.4'];
/** The plot's width on the narrowest report (px) and a label character's width (px): what "wide enough" assumes. */
const NARROWEST_PLOT_PX = 600;
const LABEL_CHAR_PX = 7;

export function GmvChart({ results, zone }: { results: ShowResults; zone: string }) {
  const { t } = useTranslation('results');
  const currency = results.gmvGross[0]?.currency;
  if (!currency || results.timeline.length === 0) return null;
  const scale = 10 ** minorDigits(currency);
  const locale = currentLocale();
  const startMs = Date.parse(results.timeline[0]!.at);
  const last = results.timeline.length - 1;
  const data = results.timeline.map((point) => ({ minute: formatTimeInZone(point.at, zone), gmv: amountIn(point.gmv, currency) / scale }));
  const indexOf = (instant: string) => Math.min(last, Math.max(0, Math.floor((Date.parse(instant) - startMs) / 60_000)));
  const numberOf = (segmentId: string) => results.segments.findIndex((segment) => segment.segmentId === segmentId) + 1;
  const bandLabel = (band: ShowResults['bands'][number], from: number, to: number) =>
    ((to - from + 1) / data.length) * NARROWEST_PLOT_PX >= band.title.length * LABEL_CHAR_PX ? band.title : String(numberOf(band.segmentId));
  const referenceAreas = results.bands.map((band, i) => {
    const from = indexOf(band.from);
    const to = indexOf(band.to);
    return {
      x1: data[from]!.minute,
      x2: data[to]!.minute,
      color: bandColors[i % bandColors.length],
      label: bandLabel(band, from, to),
      labelPosition: 'insideTopLeft' as const,
    };
  });
  const title = t('chart.title', { currency });
  return (
    <figure aria-label={title} style={{ margin: 0 }}>
      <Text fw={600} size="sm" mb={4} component="figcaption">
        {title}
        {results.gmvGross.length > 1 ? ` ${t('chart.oneCurrency')}` : ''}
      </Text>
      <AreaChart
        h={240}
        data={data}
        dataKey="minute"
        series={[{ name: 'gmv', label: t('chart.series'), color: 'indigo.6' }]}
        curveType="stepAfter"
        withDots={false}
        referenceAreas={referenceAreas}
        valueFormatter={(value) => formatMoney({ amountMinor: Math.round(value * scale), currency }, locale)}
        tooltipAnimationDuration={0}
        yAxisProps={{ width: 96 }}
      />
    </figure>
  );
}
