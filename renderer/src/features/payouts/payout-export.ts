/**
 * Builds a creator's payout statement for a show or a campaign from the workspace (the terms, the scope's shows,
 * the order lines imported for them) and has the export service write it as PDF or CSV, so the desktop app and
 * browser mode produce the same files. A statement that cannot be made (no terms, terms that mix currencies) is
 * refused with a sentence in the user's language, before anything is sent.
 */
import type { PayoutExportFormat } from '../../../../shared/contract/payout.schema';
import type { ExportedFile } from '../../../../shared/contract/runsheet.schema';
import type { Id } from '../../../../shared/domain/entities';
import type { ExportLanguage } from '../../../../shared/export/export.strings';
import { buildPayoutDocument, type PayoutDocument } from '../../../../shared/export/payout.document';
import { payoutShows, payoutStatement, type PayoutSubject } from '../../../../shared/sales/payouts';
import type { PayoutProblem } from '../../../../shared/sales/results.types';
import type { AppDb } from '../../db/app-db';
import { i18n } from '../../i18n/i18n';
import { studio } from '../../studio/studio';

export type PayoutScopeRef = { kind: 'show'; showId: Id } | { kind: 'campaign'; campaignId: Id };

/** The problem as a sentence in the UI language. */
export function payoutProblemText(problem: PayoutProblem, creatorName: string): string {
  if (problem.code === 'no_terms') return i18n.t('problem.noTerms', { ns: 'payouts', name: creatorName });
  return i18n.t('problem.mixedCurrency', { ns: 'payouts', name: creatorName, field: i18n.t(`problem.field.${problem.field.replace(/\[\d+\]/, '')}`, { ns: 'payouts', row: Number(/\[(\d+)\]/.exec(problem.field)?.[1] ?? 0) + 1 }), currency: problem.currency, expected: problem.expected });
}

async function subjectOf(db: AppDb, scope: PayoutScopeRef): Promise<PayoutSubject> {
  if (scope.kind === 'show') {
    const show = await db.shows.get(scope.showId);
    if (!show) throw new Error(i18n.t('problem.gone', { ns: 'payouts' }));
    return { kind: 'show', show };
  }
  const campaign = await db.campaigns.get(scope.campaignId);
  if (!campaign) throw new Error(i18n.t('problem.gone', { ns: 'payouts' }));
  return { kind: 'campaign', campaign, shows: await db.shows.where('campaignId').equals(campaign.id).toArray() };
}

export async function loadPayoutDocument(db: AppDb, creatorId: Id, scope: PayoutScopeRef, language: ExportLanguage): Promise<PayoutDocument> {
  const creator = await db.creators.get(creatorId);
  if (!creator) throw new Error(i18n.t('problem.gone', { ns: 'payouts' }));
  const subject = await subjectOf(db, scope);
  const shows = payoutShows(subject, creatorId);
  const [terms, orderLines] = await Promise.all([
    db.partnershipTerms.where('creatorId').equals(creatorId).toArray(),
    db.orderLines
      .where('showId')
      .anyOf(shows.map((s) => s.id))
      .toArray(),
  ]);
  const result = payoutStatement({ creator, subject, terms, orderLines });
  if (!result.ok) throw new Error(payoutProblemText(result.problem, creator.name));
  const brandId = subject.kind === 'show' ? subject.show.brandId : subject.campaign.brandId;
  const brand = brandId ? await db.brands.get(brandId) : undefined;
  const applied = terms.find((t) => t.id === result.statement.termsId);
  return buildPayoutDocument(result.statement, {
    language,
    generatedAt: new Date().toISOString(),
    shows,
    ...(brand ? { brandName: brand.name } : {}),
    ...(applied?.notes ? { notes: applied.notes } : {}),
  });
}

export async function exportPayout(db: AppDb, creatorId: Id, scope: PayoutScopeRef, format: PayoutExportFormat, language: ExportLanguage): Promise<ExportedFile> {
  return studio.exportPayoutStatement(await loadPayoutDocument(db, creatorId, scope, language), format);
}
