// Every problem an invite link can have (shared/sync/invite-link.ts) and every reason a team request can be refused
// for (shared/contract/domains/sync.contract.ts) has its own sentence in English and Chinese, with its data filled in.
import { beforeAll, describe, expect, it } from 'vitest';
import { teamRefusalReasons } from '../../../shared/contract/domains/sync.contract';
import { StudioError } from '../../../shared/contract/errors';
import { studioMethods } from '../../../shared/contract/registry';
import { inviteLinkProblems } from '../../../shared/sync/invite-link';
import { errorSentence } from '../studio/studio-errors';
import { i18n, initI18n, setLanguage } from './i18n';

beforeAll(async () => {
  // i18n marks <html lang>; this test runs in Node, where there is no document.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await initI18n('en');
});

describe('team sentences', () => {
  it('word every invite link problem and every team refusal in both languages', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await setLanguage(language, { persist: false });
      const fallback = errorSentence(new StudioError('refused', 'x', { reason: 'a_reason_from_the_future' }));
      for (const problem of inviteLinkProblems) {
        expect(i18n.exists(`invite.problems.${problem}`, { ns: 'team' }), `${language} ${problem}`).toBe(true);
      }
      for (const reason of teamRefusalReasons) {
        const sentence = errorSentence(new StudioError('refused', 'listTeamMembers: the services\u2019 English', { reason, port: 4480 }));
        expect(sentence, `${language} ${reason}`).not.toBe(fallback);
        expect(sentence).not.toContain('{{');
        for (const method of studioMethods) expect(sentence).not.toContain(method);
      }
    }
    expect(errorSentence(new StudioError('refused', 'x', { reason: 'team_port_busy', port: 4480 }))).toContain('4480');
    await setLanguage('en', { persist: false });
    expect(errorSentence(new StudioError('refused', 'x', { reason: 'team_port_busy', port: 4480 }))).toBe(
      'Another program is using port 4480, so this computer cannot host the workspace. Close that program, then turn hosting on again.',
    );
  });
});
