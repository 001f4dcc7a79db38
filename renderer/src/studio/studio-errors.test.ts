import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError, studioErrorCodes as codes } from '../../../shared/contract/errors';
import { studioMethods } from '../../../shared/contract/registry';
import { initI18n, setLanguage } from '../i18n/i18n';
import { errorSentence } from './studio-errors';

beforeAll(async () => {
  // i18n marks <html lang>; this test runs in Node, where there is no document.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await initI18n('en');
});

describe('errorSentence', () => {
  it('never shows a method name or a code, in English or Chinese', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await setLanguage(language, { persist: false });
      for (const code of codes) {
        const sentence = errorSentence(new StudioError(code, 'runnerCommand: the studio host did not answer in time'));
        expect(sentence.length).toBeGreaterThan(5);
        for (const method of studioMethods) expect(sentence).not.toContain(method);
        for (const c of codes) expect(sentence).not.toContain(`[${c}]`);
      }
    }
    await setLanguage('en', { persist: false });
  });

  it('reads the transport failure as a sentence for a creator', async () => {
    await setLanguage('en', { persist: false });
    expect(errorSentence(new StudioError('disconnected', 'runnerCommand: the studio host did not answer in time'))).toBe(
      'The studio is not answering, so this may not have been done. Check again once it is back.',
    );
    await setLanguage('zh-CN', { persist: false });
    expect(errorSentence(new StudioError('disconnected', 'x'))).toBe('工作室没有响应，此操作可能未完成。请在连接恢复后再检查一次。');
    await setLanguage('en', { persist: false });
  });

  it("shows a service's own sentence without the method in front, and a plain error's message as it is", () => {
    expect(errorSentence(new StudioError('failed', 'enableRemote: Turn on "Remote control on this network" first.'))).toBe('Turn on "Remote control on this network" first.');
    expect(errorSentence(new StudioError('failed', ''))).toBe('Something went wrong in the studio. Try again.');
    expect(errorSentence(new Error('This show has no segments yet.'))).toBe('This show has no segments yet.');
    expect(errorSentence(new StudioError('invalid-arguments', 'runnerLoad: argument 0.segments: Too big'))).toBe(
      'The studio could not accept this, because some of the information is not valid (argument 0.segments: Too big).',
    );
  });

  it("words a refusal in the UI's language from its reason, command and data, never the services' English", async () => {
    const paused = new StudioError('refused', 'pause: can only pause a live show (it is paused)', { reason: 'wrong_status', command: 'pause' });
    const soldOut = new StudioError('refused', 'markSoldOut: "Serum" is already sold out', { reason: 'already_sold_out', command: 'markSoldOut' });
    const odd = new StudioError('refused', 'whatever: something new', { reason: 'a_reason_from_the_future' });
    await setLanguage('en', { persist: false });
    expect(errorSentence(paused)).toBe('Only a live show can be paused.');
    expect(errorSentence(soldOut)).toBe('This deal is already sold out.');
    expect(errorSentence(odd)).toBe('The studio could not do that right now.');
    const ownScene = new StudioError('refused', '"Intro" is one of the show\'s own scenes', { reason: 'own_scene', scene: 'Intro' });
    expect(errorSentence(ownScene)).toBe('“Intro” is one of the show’s own scenes: pick your camera or capture scene.');
    await setLanguage('zh-CN', { persist: false });
    expect(errorSentence(paused)).toBe('只有直播中的节目才能暂停。');
    expect(errorSentence(soldOut)).toBe('此优惠已经售罄。');
    expect(errorSentence(new StudioError('refused', 'No show is loaded', { reason: 'not_loaded', command: 'next' }))).toBe('尚未加载节目：请先选择一个节目并开播（或彩排）。');
    expect(errorSentence(new StudioError('refused', 'Connect to OBS first', { reason: 'obs_not_connected' }))).toBe('请先连接 OBS（设置 → OBS Studio）。');
    expect(errorSentence(ownScene)).toBe('「Intro」是本节目自己的场景：请选择你的摄像头或采集场景。');
    for (const error of [paused, soldOut, odd]) expect(errorSentence(error)).not.toMatch(/[a-z]{3}/);
    await setLanguage('en', { persist: false });
  });
});
