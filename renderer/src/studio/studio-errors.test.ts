import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError, type StudioErrorCode } from '../../../shared/contract/errors';
import { studioMethods } from '../../../shared/contract/methods';
import { initI18n, setLanguage } from '../i18n/i18n';
import { errorSentence } from './studio-errors';

const codes: StudioErrorCode[] = ['invalid-arguments', 'unknown-method', 'forbidden', 'failed', 'disconnected'];

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
});
