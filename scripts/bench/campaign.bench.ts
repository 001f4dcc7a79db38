/**
 * Campaign report benchmark.
 * - campaign_report_pdf_ms: end to end, what "Export campaign report" (PDF) costs for a campaign of 200 content
 *   items and 5 live shows: campaignResults over the items, shows and payouts, buildCampaignReport, the contract's
 *   schema check at the door, and exportCampaignReport(doc, 'pdf') (layout, CJK font subsetting, base64); median of
 *   7 runs after one warm-up (the warm-up also reads the font files into memory). Target ≤ 2,000 ms.
 */
import { performance } from 'node:perf_hooks';
import { exportCampaignReport } from '../../electron/services/export/campaign-report.export';
import { requestArgs } from '../../shared/contract/studio-api';
import { buildCampaignReport } from '../../shared/export/campaign-report.document';
import { campaignResults } from '../../shared/sales/campaign-results';
import { sampleCampaignInputs } from '../../shared/sample/sample-campaign-report';
import { SAMPLE_GENERATED_AT } from '../../shared/sample/sample-runsheet';
import { median, round } from './stats';

export async function runCampaignBench(): Promise<Record<string, number>> {
  const { input, brandName, campaign, items } = sampleCampaignInputs({ items: 200, shows: 5 });
  if (items.length !== 200 || input.liveShows.length !== 5) throw new Error('expected 200 items and 5 shows');
  const once = async () => {
    const results = campaignResults(input);
    const doc = buildCampaignReport({ language: 'en', generatedAt: SAMPLE_GENERATED_AT, campaign, brandName, items, creators: input.creators, results });
    const [checked, format] = requestArgs.exportCampaignReport.parse([doc, 'pdf']);
    return exportCampaignReport(checked, format);
  };
  await once();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await once();
    runs.push(performance.now() - start);
  }
  return { campaign_report_pdf_ms: round(median(runs)) };
}

/** Run alone: `npx tsx scripts/bench/campaign.bench.ts`. */
if (process.argv[1]?.endsWith('campaign.bench.ts')) {
  void runCampaignBench().then((r) => console.log(JSON.stringify(r)));
}
