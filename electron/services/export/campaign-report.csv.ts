/**
 * Campaign report as CSV for the brand's spreadsheets: a title row (campaign, brand, dates), then sections, each a
 * title row, a heading row and its rows, separated by a blank row: Summary (figures, spend against budget, ROI, CPM,
 * CPE, disclosure), KPIs (actual against target), Live shows (net GMV per currency, and where it comes from),
 * Creator leaderboard, Content items (figures and disclosure check per item). Every row has the same number of
 * cells (padded), so any spreadsheet reads it as one grid.
 *
 * Money is written as a number in major units with its currency in the next cell, one row per currency (sums are
 * never mixed); percentages as text in the language ("85%"). UTF-8 with a BOM, CRLF; text cells formula-escaped
 * (writeCsv). Headings and words are in the report's language (campaign-report.strings.ts).
 */
import { writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';
import { minorDigits } from '../../../shared/domain/money';
import type { Money } from '../../../shared/domain/entities';
import type { MoneySums } from '../../../shared/sales/results.types';
import { campaignTranslator } from '../../../shared/export/campaign-report.strings';
import {
  campaignDates,
  moneySumsText,
  percentText,
  platformName,
  summaryRows,
  summaryValueText,
  type CampaignReportDocument,
} from '../../../shared/export/campaign-report.document';

const major = (m: Money): number => m.amountMinor / 10 ** minorDigits(m.currency);

/** One or more [value, currency] pairs: one per currency, or a single ['', ''] when there is none. */
const moneyCells = (sums: MoneySums): [CsvCell, CsvCell][] => (sums.length === 0 ? [['', '']] : sums.map((m) => [major(m), m.currency]));

export function renderCampaignReportCsv(report: CampaignReportDocument): string {
  const lang = report.language;
  const t = campaignTranslator(lang);
  const r = report.results;
  const rows: CsvCell[][] = [];
  const section = (title: string, headings: string[], body: CsvCell[][]) => {
    rows.push([], [title], headings, ...body);
  };

  section(
    t('section.summary'),
    [t('col.metric'), t('col.value'), t('col.currency'), t('col.target'), t('col.currency'), t('col.progress')],
    summaryRows(report).flatMap((row): CsvCell[][] => {
      const label = t(row.key);
      const target: CsvCell[] = row.target && 'money' in row.target && row.target.money[0] ? [major(row.target.money[0]), row.target.money[0].currency] : ['', ''];
      const progress = row.progress !== undefined ? percentText(lang, row.progress) : '';
      if ('money' in row.value) return moneyCells(row.value.money).map(([value, currency]) => [label, value, currency, ...target, progress]);
      if ('count' in row.value) return [[label, row.value.count, '', ...target, progress]];
      return [[label, summaryValueText(lang, row.value), '', ...target, progress]];
    }),
  );
  section(
    t('section.kpis'),
    [t('col.kpi'), t('col.actual'), t('col.target'), t('col.unit'), t('col.progress')],
    r.kpis.map((k) => [k.name, k.actual ?? t('kpiNoActual'), k.target, k.unit ?? '', k.ratio !== undefined ? percentText(lang, k.ratio) : '']),
  );
  section(
    t('section.shows'),
    [t('col.show'), t('col.gmvNet'), t('col.currency'), t('col.source')],
    r.liveShows.flatMap((s) => moneyCells(s.gmvNet).map(([value, currency]) => [s.title, value, currency, t(`source.${s.source}`)])),
  );
  section(
    t('section.leaderboard'),
    [t('col.rank'), t('col.creator'), t('col.items'), t('col.views'), t('col.engagements'), t('col.promoOrders'), t('col.gmvNet'), t('col.spend')],
    r.leaderboard.map((row, i) => [i + 1, row.name, row.items, row.views, row.engagements, row.promoOrders, moneySumsText(lang, row.liveGmvNet), moneySumsText(lang, row.spend)]),
  );
  const count = (n: number | undefined): CsvCell => n ?? '';
  section(
    t('section.items'),
    [
      t('col.date'),
      t('col.creator'),
      t('col.platform'),
      t('col.item'),
      t('col.status'),
      t('col.sponsored'),
      t('col.disclosure'),
      t('col.check'),
      t('col.views'),
      t('col.likes'),
      t('col.comments'),
      t('col.shares'),
      t('col.saves'),
      t('col.clicks'),
      t('col.promoOrders'),
      t('col.promoRevenue'),
      t('col.currency'),
    ],
    report.items.map((item) => {
      const res = item.results;
      return [
        item.date,
        item.creatorName,
        platformName(item.platform),
        item.title,
        t(`status.${item.status}`),
        t(item.sponsored ? 'yes' : 'no'),
        item.disclosure ?? '',
        t(`check.${item.check}`),
        count(res?.views),
        count(res?.likes),
        count(res?.comments),
        count(res?.shares),
        count(res?.saves),
        count(res?.clicks),
        count(res?.promoOrders),
        res?.promoRevenue ? major(res.promoRevenue) : '',
        res?.promoRevenue?.currency ?? '',
      ];
    }),
  );

  const width = Math.max(...rows.map((row) => row.length));
  const pad = (row: CsvCell[]): CsvCell[] => [...row, ...Array<CsvCell>(width - row.length).fill('')];
  const title = pad([t('title'), report.campaignName, report.brandName ?? '', campaignDates(report)]);
  return writeCsv(title.map(String), rows.map(pad));
}
