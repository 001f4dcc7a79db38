// The pages outside the studio window (overlays, phone) translate with the studio's i18next and locale files; the
// native OBS text sources (electron/, which may not import renderer/) read shared/runner/overlay-text.ts, which
// must say exactly what the `overlay` namespace says.
import { describe, expect, it } from 'vitest';
import { overlayStrings } from '../../../shared/runner/overlay-text';
import { createPageI18n, pageLanguage, pageLanguages } from './page-i18n';

describe('page i18n', () => {
  it('maps a locale to a language the namespace has', () => {
    expect(pageLanguage('overlay', 'zh-CN')).toBe('zh-CN');
    expect(pageLanguage('overlay', 'zh-Hans-SG')).toBe('zh-CN');
    expect(pageLanguage('overlay', 'zh-TW')).toBe('zh-TW');
    expect(pageLanguage('overlay', 'zh-Hant-HK')).toBe('zh-TW');
    expect(pageLanguage('phone', 'zh-TW')).toBe('zh-CN'); // the phone console has en and zh-CN
    expect(pageLanguage('overlay', 'en-US')).toBe('en');
    expect(pageLanguage('phone', 'fr-FR')).toBe('en');
    expect(pageLanguages('phone').sort()).toEqual(['en', 'zh-CN']);
  });

  it('translates with placeholders and plurals, and switches language', () => {
    const overlay = createPageI18n('overlay', 'zh-CN');
    expect(overlay.t('left', { n: 12 })).toBe('仅剩 12 件');
    overlay.setLanguage('en-US');
    expect(overlay.t('left', { n: 12 })).toBe('12 left');
    const phone = createPageI18n('phone', 'en');
    expect(phone.t('pending', { count: 1 })).toBe('1 command waiting to send');
    expect(phone.t('pending', { count: 3 })).toBe('3 commands waiting to send');
    expect(createPageI18n('phone', 'zh-CN').t('pending', { count: 3 })).toBe('3 条指令等待发送');
  });

  it('the native OBS text words are the overlay namespace words', () => {
    for (const [tag, language] of [['en-US', 'en'], ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-TW']] as const) {
      const page = createPageI18n('overlay', language);
      const native = overlayStrings(tag);
      for (const key of Object.keys(native) as (keyof typeof native)[]) {
        expect(page.t(key, { n: '{n}', price: '{price}', time: '{time}' }), `${tag} ${key}`).toBe(native[key]);
      }
    }
  });
});
