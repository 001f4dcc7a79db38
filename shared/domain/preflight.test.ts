import { describe, expect, it } from 'vitest';
import type { ShowSnapshot, SnapshotSegment } from '../runner/runner.types';
import {
  claimFlags,
  openFlags,
  disclosureFlags,
  disclosurePlatformOf,
  missingScenes,
  needsOffAirConfirmation,
  preflightItems,
  showFlags,
  type PreflightReport,
} from './preflight';

const overlays = { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false };

function segment(id: string, patch: Partial<SnapshotSegment> = {}): SnapshotSegment {
  return { id, kind: 'product_pitch', title: `Segment ${id}`, plannedSec: 60, productIds: [], sponsored: false, overlays, talkingPoints: [], crewNotes: '', fanGroupText: '', ...patch };
}

function show(platforms: string[], segments: SnapshotSegment[]): ShowSnapshot {
  return {
    show: { id: 's', title: 'Show', zone: 'Asia/Shanghai', startAt: '2026-12-01T12:00:00.000Z', targetDurationSec: 3600, platforms, orientation: 'landscape', hosts: [] },
    segments,
    products: [],
  };
}

const goodReport: PreflightReport = {
  obs: { connected: true, obsVersion: '29.0.2' },
  scenes: { required: ['Opening', 'Deal'], missing: [], available: ['Opening', 'Deal', 'Camera'] },
  streaming: true,
  recording: true,
  overlays: { pages: [{ page: 'all', url: 'http://127.0.0.1/overlay/all', reachable: true }], connectedClients: 1 },
  flags: [],
};

describe('disclosure flags for a show', () => {
  it('flags a sponsored segment without a label, and one whose label does not suit a Chinese platform', () => {
    const snapshot = show(['douyin', 'tiktok_shop_live'], [
      segment('a', { sponsored: true }),
      segment('b', { sponsored: true, disclosureLabel: '#ad' }),
      segment('c', { sponsored: true, disclosureLabel: '广告 #ad' }),
      segment('d', { sponsored: false }),
    ]);
    expect(disclosureFlags(snapshot)).toEqual([
      { family: 'disclosure', code: 'disclosureMissing', severity: 'problem', segmentId: 'a', segmentTitle: 'Segment a' },
      { family: 'disclosure', code: 'disclosureUnfit', severity: 'problem', segmentId: 'b', segmentTitle: 'Segment b', label: '#ad', platforms: ['douyin'] },
    ]);
  });

  it('accepts #ad on western platforms and a show with no platform set; rejects a vague tag', () => {
    expect(disclosureFlags(show(['tiktok_shop_live', 'instagram_live'], [segment('a', { sponsored: true, disclosureLabel: '#ad' })]))).toEqual([]);
    expect(disclosureFlags(show([], [segment('a', { sponsored: true, disclosureLabel: 'Paid partnership' })]))).toEqual([]);
    expect(disclosureFlags(show([], [segment('a', { sponsored: true, disclosureLabel: '#collab' })]))[0]).toMatchObject({ code: 'disclosureUnfit', platforms: ['other'] });
  });

  it('applies Chinese rules to Chinese live platforms, including ones added later', () => {
    expect(['douyin', 'taobao_live', 'kuaishou', 'wechat_channels', 'xiaohongshu_live', 'jd'].map(disclosurePlatformOf)).toEqual(Array(6).fill('douyin'));
    expect(['tiktok_shop_live', 'shopee', 'lazada', 'other'].map(disclosurePlatformOf)).toEqual(Array(4).fill('other'));
  });

  it('flags claims in what the host says or shows, as warnings naming the segment, field and words; showFlags joins the families', () => {
    const snapshot = show(['douyin'], [
      segment('a', { sponsored: true, talkingPoints: ['最近好多人问', '全网最低 best ever'], fanGroupText: '今晚8点开播' }),
      segment('b', { title: '第一次见面', crewNotes: 'no “根治” on stream', fanGroupText: '根治痘痘', lowerThird: { name: 'Lin', line: 'Guaranteed results' } }),
    ]);
    expect(claimFlags(snapshot)).toEqual([
      { family: 'claim', code: 'price', severity: 'warning', segmentId: 'a', segmentTitle: 'Segment a', term: '全网最低', field: 'talkingPoint', reviewed: false },
      { family: 'claim', code: 'absolute', severity: 'warning', segmentId: 'a', segmentTitle: 'Segment a', term: 'best ever', field: 'talkingPoint', reviewed: false },
      { family: 'claim', code: 'medical', severity: 'warning', segmentId: 'b', segmentTitle: '第一次见面', term: '根治', field: 'fanGroupText', reviewed: false },
      { family: 'claim', code: 'guarantee', severity: 'warning', segmentId: 'b', segmentTitle: '第一次见面', term: 'Guaranteed results', field: 'lowerThird', reviewed: false },
    ]);
    expect(showFlags(snapshot).map((flag) => flag.family)).toEqual(['disclosure', 'claim', 'claim', 'claim', 'claim']);
    expect(preflightItems({ ...goodReport, flags: claimFlags(snapshot) }).find((item) => item.id === 'claims')?.level).toBe('warning');
  });

  it('keeps reviewed claim flags (marked reviewed) but counts only the others', () => {
    const reviewedAll = show(['douyin'], [
      segment('a', { talkingPoints: ['全网最低'], reviewedClaimKeys: ['talkingPoint|zh-price-lowest|全网最低'] }),
    ]);
    expect(claimFlags(reviewedAll).map((flag) => flag.family === 'claim' && flag.reviewed)).toEqual([true]);
    expect(openFlags(claimFlags(reviewedAll))).toEqual([]);
    expect(preflightItems({ ...goodReport, flags: claimFlags(reviewedAll) }).find((item) => item.id === 'claims')?.level).toBe('ok');
    // The same words in another kind of place are a new flag to review.
    const moved = show(['douyin'], [segment('a', { fanGroupText: '全网最低', reviewedClaimKeys: ['talkingPoint|zh-price-lowest|全网最低'] })]);
    expect(preflightItems({ ...goodReport, flags: claimFlags(moved) }).find((item) => item.id === 'claims')?.level).toBe('warning');
  });
});

describe('the checklist', () => {
  it('lists missing scenes in the show order', () => {
    expect(missingScenes(['Opening', 'Deal', 'Closing'], new Set(['Deal', 'Camera']))).toEqual(['Opening', 'Closing']);
    expect(missingScenes([], [])).toEqual([]);
  });

  it('is all ok when OBS is connected, has the scenes, streams, records and the overlays answer', () => {
    expect(preflightItems(goodReport)).toEqual([
      { id: 'obs', level: 'ok' },
      { id: 'scenes', level: 'ok' },
      { id: 'streaming', level: 'ok' },
      { id: 'recording', level: 'ok' },
      { id: 'overlays', level: 'ok' },
      { id: 'disclosure', level: 'ok' },
      { id: 'claims', level: 'ok' },
    ]);
    expect(needsOffAirConfirmation(goodReport)).toBe(false);
  });

  it('says what is wrong: OBS lost, scenes missing, not streaming, an overlay page not answering, a disclosure flag', () => {
    const levels = (report: PreflightReport) => Object.fromEntries(preflightItems(report).map((item) => [item.id, item.level]));
    expect(levels({ ...goodReport, obs: { connected: false }, scenes: null, streaming: null, recording: null })).toMatchObject({
      obs: 'problem',
      scenes: 'problem',
      streaming: 'problem',
      recording: 'warning',
    });
    expect(levels({ ...goodReport, scenes: { required: ['Opening'], missing: ['Opening'], available: [] } }).scenes).toBe('problem');
    expect(levels({ ...goodReport, streaming: false, recording: false })).toMatchObject({ streaming: 'warning', recording: 'warning' });
    expect(levels({ ...goodReport, overlays: { pages: [{ page: 'all', url: 'x', reachable: false }], connectedClients: 0 } }).overlays).toBe('problem');
    expect(levels({ ...goodReport, overlays: { pages: [], connectedClients: 0 } }).overlays).toBe('problem');
    expect(levels({ ...goodReport, flags: [{ family: 'disclosure', code: 'disclosureMissing', severity: 'problem', segmentId: 'a', segmentTitle: 'A' }] }).disclosure).toBe('problem');
  });

  it('asks for confirmation to go live unless OBS really streams', () => {
    expect(needsOffAirConfirmation({ streaming: false })).toBe(true);
    expect(needsOffAirConfirmation({ streaming: null })).toBe(true);
    expect(needsOffAirConfirmation({ streaming: true })).toBe(false);
  });
});
