/**
 * Campaign report as PDF for the brand (pdfkit, A4 landscape), on the run-sheet's page machinery (pdf.kit.ts):
 * a header (brand, campaign, dates) with the key facts (budget, spend and share of budget, live shows' net GMV,
 * promo-code revenue, ROI, CPM, cost per engagement, items, disclosure compliance), then one table per section:
 * Summary, KPIs (actual against target with progress), Live shows, Creator leaderboard, Content items with their
 * figures and disclosure check (flagged in red when missing or unfit). Each section is its own table: its heading
 * repeats on every page it runs onto, with the running header. "Page N of M" on every page.
 *
 * Written in the report's language (campaign-report.strings.ts, formatting from export.strings.ts).
 * Reproducible: CreationDate comes from `report.generatedAt`, so the same report gives the same bytes.
 */
import { campaignTranslator } from '../../../shared/export/campaign-report.strings';
import {
  campaignDates,
  kpiNumberText,
  moneySumsText,
  percentText,
  platformName,
  summaryRows,
  summaryValueText,
  type CampaignReportDocument,
} from '../../../shared/export/campaign-report.document';
import { formatCountIn, formatDateIn } from '../../../shared/export/export.strings';
import { B, BODY_BOTTOM, C, bandHeight, CONTENT_W, CellWriter, PdfTableWriter, S, createPdf, dash, layoutColumns, type Fact, type PdfFonts, type TableColumnSpec, type TextStyle } from './pdf.kit';

type CellValue = string | { text: string; style: TextStyle } | undefined;
type Row<K extends string> = Partial<Record<K, CellValue>>;

const sectionStyle: TextStyle = { font: B, size: 8.4, color: C.accent };
const flagged: TextStyle = { ...S.bodyBold, color: C.deal };

/** One section's table on the shared document; continues at `y` and leaves `y` where it ends. */
class SectionTable<K extends string> extends PdfTableWriter<K> {
  constructor(
    doc: PDFKit.PDFDocument,
    fontKey: string,
    columns: TableColumnSpec<K>[],
    report: CampaignReportDocument,
    private readonly running: [string, string],
    y: number,
  ) {
    super(doc, fontKey, columns, report.language);
    this.y = y;
  }

  get bottom(): number {
    return this.y;
  }

  protected drawRunningHeader(): void {
    this.drawRunningHeaderText(...this.running);
  }

  header(block: Parameters<PdfTableWriter<K>['drawTitleBlock']>[0], facts: readonly Fact[]): void {
    this.y = this.drawFacts(facts, this.drawTitleBlock(block)) + 2;
  }

  table(title: string, rows: readonly Row<K>[], empty: string): void {
    // Keep the section's title and heading with at least a row's room under them.
    if (this.y + bandHeight(this.headerBand) + 70 > BODY_BOTTOM) this.newPage(false);
    this.drawAfterTable(new CellWriter(this.kit, CONTENT_W).text(title.toUpperCase(), sectionStyle), 10);
    this.y += 3;
    this.drawTableHeader();
    // The page already carries the header and earlier sections: a row that does not fit moves on.
    this.pageHasRows = true;
    if (rows.length === 0) this.drawEmptyTable(empty);
    rows.forEach((row, i) => {
      const cells = this.row();
      for (const column of this.columns) {
        const value = row[column.key];
        cells.put(column.key, (w) => (value === undefined || value === '' ? dash(w) : typeof value === 'string' ? w.text(value, S.body) : w.text(value.text, value.style)));
      }
      this.placeRow([cells.band(i % 2 === 1 ? C.zebra : undefined)]);
    });
  }

  footers(left: string): void {
    this.drawFooters(left);
  }
}

function columns<K extends string>(defs: { key: K; heading: string; numeric?: boolean }[], fixed: Partial<Record<K, number>>, flex: Partial<Record<K, number>>): TableColumnSpec<K>[] {
  return layoutColumns(
    defs.map((d) => ({ ...d, numeric: d.numeric ?? false })),
    fixed,
    flex,
  );
}

function facts(report: CampaignReportDocument): Fact[] {
  const lang = report.language;
  const t = campaignTranslator(lang);
  const r = report.results;
  const byKey = new Map(summaryRows(report).map((row) => [row.key, row]));
  const value = (key: Parameters<typeof t>[0]) => {
    const row = byKey.get(key);
    return row ? summaryValueText(lang, row.value) : '—';
  };
  const compliance = r.disclosure.sponsored === 0 ? t('fact.complianceNone') : t('fact.complianceValue', { disclosed: r.disclosure.disclosed, sponsored: r.disclosure.sponsored });
  return [
    { label: t('fact.dates'), value: campaignDates(report) },
    { label: t('fact.budget'), value: moneySumsText(lang, [r.spend.budget]) },
    { label: t('fact.spend'), value: moneySumsText(lang, r.spend.total), ...(r.spend.budgetUsed !== undefined ? { detail: t('fact.spendDetail', { used: percentText(lang, r.spend.budgetUsed) }) } : {}) },
    { label: t('fact.liveGmv'), value: moneySumsText(lang, r.liveGmvNet) },
    { label: t('fact.promoRevenue'), value: moneySumsText(lang, r.promoRevenue) },
    { label: t('fact.roi'), value: value('metric.roi') },
    { label: t('fact.cpm'), value: value('metric.cpm') },
    { label: t('fact.cpe'), value: value('metric.cpe') },
    { label: t('fact.items'), value: formatCountIn(lang, r.items), detail: t('fact.itemsDetail', { n: formatCountIn(lang, r.itemsWithResults) }) },
    { label: t('fact.compliance'), value: compliance, ...(r.disclosure.missing > 0 ? { detail: `${t('metric.missing')}: ${formatCountIn(lang, r.disclosure.missing)}` } : {}) },
  ];
}

function draw(doc: PDFKit.PDFDocument, fontKey: string, report: CampaignReportDocument): void {
  const lang = report.language;
  const t = campaignTranslator(lang);
  const r = report.results;
  const running: [string, string] = [`${report.brandName ? `${report.brandName} · ` : ''}${report.campaignName}`, `${campaignDates(report)} · ${t('title')}`];
  const count = (n: number | undefined) => (n === undefined ? undefined : formatCountIn(lang, n));
  const progress = (ratio: number | undefined) => (ratio === undefined ? undefined : { text: percentText(lang, ratio), style: ratio >= 1 ? { ...S.bodyBold, color: C.approved } : S.bodyBold });

  const summary = new SectionTable(
    doc,
    fontKey,
    columns(
      [
        { key: 'metric', heading: t('col.metric') },
        { key: 'value', heading: t('col.value'), numeric: true },
        { key: 'target', heading: t('col.target'), numeric: true },
        { key: 'progress', heading: t('col.progress'), numeric: true },
      ],
      { progress: 80 },
      { metric: 0.4, value: 0.3, target: 0.3 },
    ),
    report,
    running,
    0,
  );
  summary.header(
    {
      badge: t('title'),
      badgeColor: C.accent,
      meta: t('generated', { at: report.generatedAt.slice(0, 16).replace('T', ' ') }),
      brand: report.brandName ?? '',
      title: report.campaignName,
    },
    facts(report),
  );
  summary.table(
    t('section.summary'),
    summaryRows(report).map((row) => ({
      metric: t(row.key),
      value: summaryValueText(lang, row.value),
      target: row.target ? summaryValueText(lang, row.target) : undefined,
      progress: progress(row.progress),
    })),
    '',
  );

  const kpis = new SectionTable(
    doc,
    fontKey,
    columns(
      [
        { key: 'kpi', heading: t('col.kpi') },
        { key: 'metric', heading: t('col.metric') },
        { key: 'actual', heading: t('col.actual'), numeric: true },
        { key: 'target', heading: t('col.target'), numeric: true },
        { key: 'progress', heading: t('col.progress'), numeric: true },
      ],
      { progress: 80 },
      { kpi: 0.4, metric: 0.2, actual: 0.2, target: 0.2 },
    ),
    report,
    running,
    summary.bottom,
  );
  kpis.table(
    t('section.kpis'),
    r.kpis.map((k) => ({
      kpi: k.name,
      metric: k.metric ? t(`metric.${k.metric}`) : { text: t('kpiNoActual'), style: S.small },
      actual: k.actual !== undefined ? `${kpiNumberText(lang, k.actual)}${k.unit ? ` ${k.unit}` : ''}` : undefined,
      target: `${kpiNumberText(lang, k.target)}${k.unit ? ` ${k.unit}` : ''}`,
      progress: progress(k.ratio),
    })),
    t('noKpis'),
  );

  const shows = new SectionTable(
    doc,
    fontKey,
    columns(
      [
        { key: 'show', heading: t('col.show') },
        { key: 'gmv', heading: t('col.gmvNet'), numeric: true },
        { key: 'source', heading: t('col.source') },
      ],
      {},
      { show: 0.5, gmv: 0.25, source: 0.25 },
    ),
    report,
    running,
    kpis.bottom,
  );
  shows.table(
    t('section.shows'),
    r.liveShows.map((s) => ({ show: s.title, gmv: { text: moneySumsText(lang, s.gmvNet), style: S.bodyBold }, source: t(`source.${s.source}`) })),
    t('noShows'),
  );

  const board = new SectionTable(
    doc,
    fontKey,
    columns(
      [
        { key: 'rank', heading: '#' },
        { key: 'creator', heading: t('col.creator') },
        { key: 'items', heading: t('col.items'), numeric: true },
        { key: 'views', heading: t('col.views'), numeric: true },
        { key: 'engagements', heading: t('col.engagements'), numeric: true },
        { key: 'promo', heading: t('col.promoOrders'), numeric: true },
        { key: 'gmv', heading: t('col.gmvNet'), numeric: true },
        { key: 'spend', heading: t('col.spend'), numeric: true },
      ],
      { rank: 24, items: 50, views: 70, engagements: 70, promo: 70 },
      { creator: 0.4, gmv: 0.3, spend: 0.3 },
    ),
    report,
    running,
    shows.bottom,
  );
  board.table(
    t('section.leaderboard'),
    r.leaderboard.map((row, i) => ({
      rank: String(i + 1),
      creator: { text: row.name, style: S.title },
      items: count(row.items),
      views: count(row.views),
      engagements: count(row.engagements),
      promo: count(row.promoOrders),
      gmv: moneySumsText(lang, row.liveGmvNet),
      spend: moneySumsText(lang, row.spend),
    })),
    t('noCreators'),
  );

  const items = new SectionTable(
    doc,
    fontKey,
    columns(
      [
        { key: 'date', heading: t('col.date') },
        { key: 'item', heading: t('col.item') },
        { key: 'creator', heading: t('col.creator') },
        { key: 'status', heading: t('col.status') },
        { key: 'disclosure', heading: t('col.disclosure') },
        { key: 'views', heading: t('col.views'), numeric: true },
        { key: 'likes', heading: t('col.likes'), numeric: true },
        { key: 'comments', heading: t('col.comments'), numeric: true },
        { key: 'shares', heading: t('col.shares'), numeric: true },
        { key: 'saves', heading: t('col.saves'), numeric: true },
        { key: 'clicks', heading: t('col.clicks'), numeric: true },
        { key: 'promo', heading: t('col.promoOrders'), numeric: true },
      ],
      { date: 62, status: 56, views: 56, likes: 48, comments: 48, shares: 44, saves: 44, clicks: 44, promo: 50 },
      { item: 0.45, creator: 0.2, disclosure: 0.35 },
    ),
    report,
    running,
    board.bottom,
  );
  items.table(
    t('section.items'),
    report.items.map((item) => {
      const res = item.results;
      const check = t(`check.${item.check}`);
      const bad = item.check === 'missing' || item.check === 'unfit';
      return {
        date: formatDateIn(lang, item.date),
        item: `${item.title}\n${platformName(item.platform)}`,
        creator: item.creatorName,
        status: t(`status.${item.status}`),
        disclosure: item.sponsored ? { text: item.disclosure ? `${item.disclosure} · ${check}` : check, style: bad ? flagged : S.body } : { text: check, style: S.small },
        views: count(res?.views),
        likes: count(res?.likes),
        comments: count(res?.comments),
        shares: count(res?.shares),
        saves: count(res?.saves),
        clicks: count(res?.clicks),
        promo: count(res?.promoOrders),
      };
    }),
    t('noItems'),
  );
  items.footers(`${t('footer')} · ${report.brandName ? `${report.brandName} · ` : ''}${report.campaignName} · ${campaignDates(report)}`);
}

/** Writes the campaign report PDF and resolves with its bytes. */
export async function renderCampaignReportPdf(report: CampaignReportDocument, fonts?: PdfFonts): Promise<Buffer> {
  const t = campaignTranslator(report.language);
  return createPdf(
    { Title: `${report.campaignName} · ${t('title')}`, Subject: `${t('title')}${report.brandName ? ` · ${report.brandName}` : ''}`, created: new Date(report.generatedAt) },
    fonts,
    (doc, fontKey) => draw(doc, fontKey, report),
  );
}
