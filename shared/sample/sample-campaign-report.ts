/**
 * Campaign report fixtures from the sample workspace, for tests of the campaign report exporters and the
 * `campaign_report_pdf_ms` benchmark: the Hydration campaign with its content items (those with results keep them;
 * repeated with unique ids and scaled figures to reach `items`), `shows` live shows with net GMV, and two payout
 * statements (slot fee and commission for the hosts). Deterministic.
 */
import type { ContentItem, Money } from '../domain/entities';
import { buildCampaignReport, type CampaignReportDocument } from '../export/campaign-report.document';
import type { ExportLanguage } from '../export/export.strings';
import { campaignResults, type CampaignResultsInput } from '../sales/campaign-results';
import type { PayoutStatement } from '../sales/results.types';
import { SAMPLE_GENERATED_AT } from './sample-runsheet';
import { buildSampleWorkspace, sampleIds as I } from './sample-workspace';

const cny = (amountMinor: number): Money => ({ amountMinor, currency: 'CNY' });

function samplePayout(creatorId: string, creatorName: string, slotFee: number, commission: number): PayoutStatement {
  const zero = cny(0);
  return {
    creatorId,
    creatorName,
    scope: { kind: 'campaign', campaignId: I.campaignHydration, name: 'Hydration' },
    termsId: `sample-terms-${creatorId}`,
    currency: 'CNY',
    slots: 1,
    slotFee: cny(slotFee),
    flatFee: zero,
    gross: zero,
    refunds: zero,
    net: zero,
    lines: [],
    commission: cny(commission),
    clawback: zero,
    bonus: zero,
    total: cny(slotFee + commission),
    excluded: [],
  };
}

export function sampleCampaignInputs(options: { items?: number; shows?: number } = {}): { input: CampaignResultsInput; brandName: string; campaign: { name: string; startDate: string; endDate: string }; items: ContentItem[] } {
  const ws = buildSampleWorkspace(new Date(SAMPLE_GENERATED_AT));
  const campaign = ws.campaigns.find((c) => c.id === I.campaignHydration)!;
  const base = ws.contentItems.filter((item) => item.campaignId === campaign.id);
  const count = options.items ?? base.length;
  const items = Array.from({ length: count }, (_, i): ContentItem => {
    const item = base[i % base.length]!;
    if (count === base.length) return item;
    const round = Math.floor(i / base.length);
    const scale = 1 + (round % 7) / 10;
    const results = item.results
      ? Object.fromEntries(Object.entries(item.results).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * scale) : v]))
      : i % 3 === 0
        ? { views: 1000 * (i + 1), likes: 37 * (i + 1), comments: 3 * i, shares: 2 * i, saves: 5 * i, clicks: 11 * i }
        : undefined;
    return { ...item, id: `${item.id}-${i}`, title: `#${String(i + 1).padStart(3, '0')} ${item.title ?? item.format}`, ...(results ? { results } : {}) };
  });
  const showCount = options.shows ?? 1;
  const liveShows = Array.from({ length: showCount }, (_, i) => ({
    showId: i === 0 ? I.showHydrationNight : `${I.showHydrationNight}-${i}`,
    title: i === 0 ? ws.shows[0]!.title : `${ws.shows[0]!.title} #${i + 1}`,
    gmvNet: [cny(12_345_600 + i * 1_000_000)],
    source: 'orders' as const,
    orders: 812 + i * 40,
    units: 1_020 + i * 55,
    hostIds: [I.creatorLin, I.creatorChen],
  }));
  const names = new Map(ws.creators.map((c) => [c.id, c.name]));
  const payouts = [samplePayout(I.creatorLin, names.get(I.creatorLin) ?? '', 3_000_000, 1_234_500), samplePayout(I.creatorChen, names.get(I.creatorChen) ?? '', 1_500_000, 617_200)];
  const brandName = ws.brands.find((b) => b.id === campaign.brandId)?.name ?? '';
  return {
    input: { campaign, items, creators: ws.creators, liveShows, payouts },
    brandName,
    campaign,
    items,
  };
}

export function sampleCampaignReport(language: ExportLanguage = 'en', options: { items?: number; shows?: number } = {}): CampaignReportDocument {
  const { input, brandName, campaign, items } = sampleCampaignInputs(options);
  return buildCampaignReport({ language, generatedAt: SAMPLE_GENERATED_AT, campaign, brandName, items, creators: input.creators, results: campaignResults(input) });
}
