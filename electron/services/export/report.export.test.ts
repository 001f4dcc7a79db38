import { describe, expect, it } from 'vitest';
import { requestArgs } from '../../../shared/contract/studio-api';
import { sampleReportDocument, sampleReportRun } from '../../../shared/sample/sample-report';
import { renderReportCsv } from './report.csv';
import { exportShowReport, reportFileName } from './report.export';
import { renderReportPdf } from './report.pdf';

const report = sampleReportDocument();

describe('exportShowReport', () => {
  it.each([
    ['pdf', '光研补水之夜-glow-theory-hydration-night-2026-11-29-report.pdf', 'application/pdf'],
    ['csv', '光研补水之夜-glow-theory-hydration-night-2026-11-29-report.csv', 'text/csv;charset=utf-8'],
  ] as const)('as %s: %s (%s)', async (format, fileName, mime) => {
    const file = await exportShowReport(report, format);
    expect(file.fileName).toBe(fileName);
    expect(file.mime).toBe(mime);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.toString('base64')).toBe(file.base64);
    if (format === 'pdf') {
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.equals(await renderReportPdf(report))).toBe(true);
    } else {
      expect(bytes.toString('utf8')).toBe(renderReportCsv(report));
    }
  });

  it('names files by show and date in the show’s zone; a title with no letters left becomes "show"', () => {
    expect(reportFileName({ title: 'Late show: Q&A / 问答?', date: '2026-11-30' }, 'csv')).toBe('late-show-q-a-问答-2026-11-30-report.csv');
    expect(reportFileName({ title: '<>:"/\\|?*', date: 'soon' }, 'pdf')).toBe('show-undated-report.pdf');
  });

  it('the contract accepts a built report (rehearsal too) and only pdf or csv', () => {
    const rehearsal = sampleReportDocument(sampleReportRun({ rehearsal: true }));
    expect(requestArgs.exportShowReport.safeParse([rehearsal, 'pdf']).success).toBe(true);
    expect(requestArgs.exportShowReport.safeParse([report, 'csv']).success).toBe(true);
    expect(requestArgs.exportShowReport.safeParse([report, 'html']).success).toBe(false);
    expect(requestArgs.exportShowReport.safeParse([{ ...report, title: 'x'.repeat(301) }, 'pdf']).success).toBe(false);
  });
});
