import { describe, expect, it } from 'vitest';
import { reportDocumentSchema } from '../contract/report.schema';
import type { ShowRun } from '../domain/entities';
import { sampleReportDocument, sampleReportRun } from '../sample/sample-report';
import { buildReportDocument, dealEventText, formatOverUnder, onAirRange, overUnderPhrase, reportTitle, reportTotalLine, reportTotals, stockText } from './report.document';

const run: ShowRun = {
  id: 'show-1@2026-11-29T15:58:00.000Z',
  showId: 'show-1',
  showTitle: '深夜场 Late show',
  startedAt: '2026-11-29T15:58:00.000Z',
  endedAt: '2026-11-29T16:10:30.000Z',
  rehearsal: true,
  plan: [
    { segmentId: 'a', title: 'Opening', kind: 'opening', plannedSec: 300 },
    { segmentId: 'b', title: '秒杀 Flash', kind: 'flash_deal', plannedSec: 360, stockCap: 200 },
    { segmentId: 'c', title: 'Closing', kind: 'closing', plannedSec: 120 },
  ],
  segments: [
    { segmentId: 'a', startedAt: '2026-11-29T15:58:00.000Z', endedAt: '2026-11-29T16:04:00.000Z' },
    { segmentId: 'b', startedAt: '2026-11-29T16:04:00.000Z', endedAt: '2026-11-29T16:10:30.000Z' },
  ],
  deals: [
    { segmentId: 'b', at: '2026-11-29T16:04:10.000Z', action: 'countdown_started' },
    { segmentId: 'b', at: '2026-11-29T16:05:00.000Z', action: 'stock_set', value: 1500 },
    { segmentId: 'b', at: '2026-11-29T16:09:59.000Z', action: 'sold_out' },
  ],
  notes: 'Good energy.',
  createdAt: '2026-11-29T16:10:30.000Z',
  updatedAt: '2026-11-29T16:10:30.000Z',
};

describe('buildReportDocument', () => {
  it('prints the date and every clock in the show’s zone, not UTC', () => {
    const doc = buildReportDocument(run, { zone: 'Asia/Shanghai', brandName: '  Glow Theory 光研 ', generatedAt: '2026-11-30T01:00:00.000Z' });
    // 15:58 UTC on the 29th is 23:58 in Shanghai; the show ends after midnight there.
    expect(doc).toMatchObject({
      title: '深夜场 Late show',
      brandName: 'Glow Theory 光研',
      rehearsal: true,
      zone: 'Asia/Shanghai',
      zoneLabel: 'GMT+8',
      date: '2026-11-29',
      startClock: '23:58:00',
      endClock: '00:10:30',
      plannedSec: 780,
      actualSec: 750,
      overUnderSec: -30,
      notes: 'Good energy.',
    });
    expect(onAirRange(doc)).toBe('23:58:00–00:10:30 (+1 day) GMT+8');
    expect(doc.rows.map((r) => [r.index, r.title, r.onAirClock ?? null, r.actualSec, r.overUnderSec])).toEqual([
      [1, 'Opening', '23:58:00', 360, 60],
      [2, '秒杀 Flash', '00:04:00', 390, 30],
      [3, 'Closing', null, null, null],
    ]);
    expect(doc.rows[1]?.deals.map((d) => `${d.clock} ${dealEventText('en', d)}`)).toEqual(['00:04:10 Countdown started', '00:05:00 Stock set to 1,500', '00:09:59 Sold out']);
    expect(doc.rows[1]).toMatchObject({ stockCap: 200, stockSold: 200, soldOut: true });
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('in New York the same run is on the 29th in the morning, and has no brand when none is known', () => {
    const doc = buildReportDocument(run, { zone: 'America/New_York', generatedAt: '2026-11-30T01:00:00.000Z' });
    expect(doc).toMatchObject({ date: '2026-11-29', startClock: '10:58:00', endClock: '11:10:30', zoneLabel: 'EST' });
    expect(doc).not.toHaveProperty('brandName');
    expect(onAirRange(doc)).toBe('10:58:00–11:10:30 EST');
    const { endedAt: _ended, ...notEnded } = run;
    const running = buildReportDocument(notEnded, { zone: 'America/New_York', generatedAt: '2026-11-30T01:00:00.000Z' });
    expect(onAirRange(running)).toBe('10:58:00 EST (not ended)');
  });

  it('says how the run went in words and signed clocks', () => {
    expect(formatOverUnder(60)).toBe('+1:00');
    expect(formatOverUnder(-30)).toBe('−0:30');
    expect(formatOverUnder(0)).toBe('0:00');
    expect(overUnderPhrase('en', -136)).toBe('2 min 16 s under plan');
    expect(overUnderPhrase('en', 3600)).toBe('1 h over plan');
    expect(overUnderPhrase('en', 0)).toBe('on plan');
    expect(stockText('en', { stockCap: 300, stockSold: 255 })).toBe('255 / 300');
    expect(stockText('en', { stockCap: 1500 })).toBe('— / 1,500');
    expect(stockText('en', {})).toBe('—');
    expect(dealEventText('en', { action: 'countdown_stopped' })).toBe('Countdown stopped');
    const sample = sampleReportDocument();
    expect(reportTotalLine(sample)).toBe('Total: planned 58:00 · ran 55:44 · 2 min 16 s under plan');
    expect(reportTotals(sample)).toEqual({ segmentsAired: 7, stockSold: 605, stockRows: 3, soldOut: 2, dealEvents: 12 });
  });

  it('says the same in Chinese when the report is written in 简体中文', () => {
    expect(overUnderPhrase('zh-CN', -136)).toBe('比计划少 2分钟16秒');
    expect(overUnderPhrase('zh-CN', 0)).toBe('与计划一致');
    expect(dealEventText('zh-CN', { action: 'stock_set', value: 1500 })).toBe('库存设为 1,500');
    expect(dealEventText('zh-CN', { action: 'sold_out' })).toBe('已售罄');
    const sample = { ...sampleReportDocument(), language: 'zh-CN' as const };
    expect(reportTotalLine(sample)).toBe('合计：计划 58:00 · 实际 55:44 · 比计划少 2分钟16秒');
    expect(reportTitle(sample)).toBe('直播复盘报告');
    expect(reportTitle({ ...sample, rehearsal: true })).toBe('彩排报告');
  });
});

describe('reportDocumentSchema', () => {
  const doc = sampleReportDocument(sampleReportRun({ rehearsal: true }));

  it('accepts a built report, rehearsal flag included', () => {
    expect(reportDocumentSchema.parse(doc).rehearsal).toBe(true);
  });

  it('rejects what a writer must not get: bad clocks, unknown kinds and actions, oversized lists and notes', () => {
    const bad = (patch: object) => reportDocumentSchema.safeParse({ ...doc, ...patch }).success;
    expect(bad({ startClock: '20:00' })).toBe(false);
    expect(bad({ date: '29/11/2026' })).toBe(false);
    expect(bad({ notes: 'x'.repeat(20_001) })).toBe(false);
    expect(bad({ rows: Array.from({ length: 1001 }, (_, i) => ({ ...doc.rows[0], index: i + 1 })) })).toBe(false);
    expect(bad({ rows: [{ ...doc.rows[0], kind: 'karaoke' }] })).toBe(false);
    expect(bad({ rows: [{ ...doc.rows[1], deals: [{ action: 'refund', at: doc.startedAt, clock: '20:00:00' }] }] })).toBe(false);
    expect(bad({ rows: [{ ...doc.rows[1], deals: Array.from({ length: 2001 }, () => doc.rows[1]?.deals[0]) }] })).toBe(false);
    expect(bad({ rows: [{ ...doc.rows[0], actualSec: -5 }] })).toBe(false);
    expect(bad({ rows: [{ ...doc.rows[0], actualSec: null, overUnderSec: null }] })).toBe(true);
  });
});
