/**
 * A creator's payout statement as CSV (for the creator's and the agency's spreadsheets): every row names the
 * creator, brand, scope and period, then its section (fees, a product's commission, the summary, sales left out)
 * and its figures. Amounts are plain decimal numbers in major units (16900 CNY → 169) with their currency in the
 * next column, so a sheet can sum them; product rows carry gross, refunds, net, the rate in percent, commission and
 * the commission clawed back for refunds. The total row's amount equals slot fee + flat fee + commission + bonus.
 * The last row states the rounding rule. UTF-8 with a BOM, CRLF line ends; words in the document's language
 * (shared/export/payout.document.ts). Formula injection neutralised by writeCsv (escapeCsvFormula).
 */
import { writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';
import { bonusDetail, excludedLines, payoutPeriodText, payoutScopeText, payoutTranslator, slotFeeDetail, type PayoutDocument } from '../../../shared/export/payout.document';
import { moneyAmount } from './runsheet.csv';

export function renderPayoutCsv(doc: PayoutDocument): string {
  const t = payoutTranslator(doc.language);
  const s = doc.statement;
  const fields = [
    t('creator'),
    t('brand'),
    t('scope'),
    t('period'),
    t('csvSection'),
    t('csvItem'),
    t('colSku'),
    t('colGross'),
    t('colRefunds'),
    t('colNet'),
    `${t('colRate')} (%)`,
    t('colCommission'),
    t('colClawback'),
    t('csvAmount'),
    t('csvCurrency'),
    t('csvDetail'),
  ];
  const who: CsvCell[] = [s.creatorName, doc.brandName ?? '', payoutScopeText(doc), payoutPeriodText(doc)];
  const none: CsvCell[] = ['', '', '', '', '', '', ''];
  const item = (section: string, name: string, amount: CsvCell, detail = '', currency = s.currency): CsvCell[] => [...who, section, name, ...none, amount, currency, detail];
  const rows: CsvCell[][] = [
    item(t('csvFees'), t('slotFee'), moneyAmount(s.slotFee), slotFeeDetail(doc)),
    item(t('csvFees'), t('flatFee'), moneyAmount(s.flatFee)),
    ...s.lines.map((l): CsvCell[] => [
      ...who,
      t('csvProduct'),
      l.name,
      l.sku,
      moneyAmount(l.gross),
      moneyAmount(l.refunds),
      moneyAmount(l.net),
      Number((l.rate * 100).toFixed(4)),
      moneyAmount(l.commission),
      moneyAmount(l.clawback),
      moneyAmount(l.commission),
      s.currency,
      '',
    ]),
    item(t('csvSummary'), t('gross'), moneyAmount(s.gross)),
    item(t('csvSummary'), t('refunds'), moneyAmount(s.refunds)),
    item(t('csvSummary'), t('net'), moneyAmount(s.net)),
    item(t('csvSummary'), t('commission'), moneyAmount(s.commission)),
    item(t('csvSummary'), t('clawback'), moneyAmount(s.clawback)),
    item(t('csvSummary'), t('bonus'), moneyAmount(s.bonus), bonusDetail(doc)),
    item(t('csvSummary'), t('total'), moneyAmount(s.total), doc.notes ?? ''),
    ...s.excluded.map((e, i) => item(t('csvExcluded'), e.lines === 1 ? t('csvLinesOne') : t('csvLines', { n: e.lines }), moneyAmount(e.gross), excludedLines(doc)[i] ?? '', e.currency)),
    item(t('csvSummary'), t('currency'), '', t('rounding', { currency: s.currency })),
  ];
  return writeCsv(fields, rows);
}
