/**
 * The one translation mechanism for the pages served outside the studio window (OBS overlay pages, the phone
 * console): the same i18next and the same locale files as the studio (locales/<language>/<namespace>.json),
 * without React, with only the page's namespace bundled (both languages eagerly: the pages load no chunk later).
 *
 * Invariants:
 * - a key missing at run time is a console error (as in the studio), so a page test that watches the console fails;
 * - `pageLanguage` maps any BCP 47 tag to a language the namespace has: zh-TW / zh-HK / zh-Hant → zh-TW when the
 *   namespace has it (the overlay's price locale), any other zh-* → zh-CN, anything else → en.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

type Bundle = Record<string, string>;
const bundles = import.meta.glob<Bundle>('./locales/*/{overlay,phone}.json', { eager: true, import: 'default' });

export type PageNamespace = 'overlay' | 'phone';

/** Languages that have the namespace, e.g. ['en', 'zh-CN', 'zh-TW']. */
export function pageLanguages(ns: PageNamespace): string[] {
  return Object.keys(bundles)
    .filter((path) => path.endsWith(`/${ns}.json`))
    .map((path) => path.split('/')[2] ?? '')
    .filter(Boolean);
}

export function pageLanguage(ns: PageNamespace, tag: string): string {
  const lower = tag.toLowerCase();
  const has = pageLanguages(ns);
  if ((lower === 'zh-tw' || lower === 'zh-hk' || lower.startsWith('zh-hant')) && has.includes('zh-TW')) return 'zh-TW';
  if (lower.startsWith('zh')) return 'zh-CN';
  return 'en';
}

export interface PageI18n {
  readonly i18n: I18n;
  /** `t` bound to the namespace, in the current language. */
  t: TFunction;
  setLanguage(tag: string): void;
}

/** Initialises synchronously (resources are bundled) in the language for `tag`. */
export function createPageI18n(ns: PageNamespace, tag: string): PageI18n {
  const resources: Record<string, Record<string, Bundle>> = {};
  for (const [path, bundle] of Object.entries(bundles)) {
    if (!path.endsWith(`/${ns}.json`)) continue;
    const language = path.split('/')[2] ?? 'en';
    resources[language] = { [ns]: bundle };
  }
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: pageLanguage(ns, tag),
    fallbackLng: 'en',
    ns: [ns],
    defaultNS: ns,
    resources,
    interpolation: { escapeValue: false }, // the pages write textContent only
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, namespace, key) => {
      console.error(`Missing translation: ${namespace}:${key} (${lngs.join(', ')})`);
    },
  });
  const page: PageI18n = {
    i18n: instance,
    t: instance.getFixedT(null, ns),
    setLanguage(next) {
      void instance.changeLanguage(pageLanguage(ns, next));
      page.t = instance.getFixedT(null, ns);
    },
  };
  return page;
}
