/**
 * UI language (i18next + react-i18next). English and Simplified Chinese.
 *
 * Invariants:
 * - Strings live in `locales/<language>/<namespace>.json`, one namespace per feature (common, shell, settings, …),
 *   found by file name: adding a namespace is adding the two files, nothing to register.
 * - English is bundled with the first screen; Chinese loads on demand (a separate chunk) before it is shown.
 * - `en` and `zh-CN` have exactly the same keys (locales.test.ts), and a key missing at run time is a console error,
 *   so an e2e run that opens the page fails.
 * - The chosen language is a device preference in localStorage, like the colour scheme; without one the
 *   browser's language decides (Chinese for any zh-*, English otherwise).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

const STORAGE_KEY = 'kol-studio-language';

type Bundle = Record<string, unknown>;
// The namespaces of the pages outside the studio window (OBS overlays, the phone console) are theirs alone
// (page-i18n.ts): the studio does not bundle them.
const english = import.meta.glob<Bundle>(['./locales/en/*.json', '!./locales/en/{overlay,phone}.json'], { eager: true, import: 'default' });
const chinese = import.meta.glob<Bundle>(['./locales/zh-CN/*.json', '!./locales/zh-CN/{overlay,phone}.json'], { import: 'default' });

function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The saved language, else the one the browser prefers. */
export function preferredLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be unavailable (privacy modes); fall back to the browser's language.
  }
  if (isLanguage(saved)) return saved;
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

async function loadBundles(instance: I18n, language: Language): Promise<void> {
  if (language === 'en' || instance.hasResourceBundle(language, 'common')) return;
  await Promise.all(
    Object.entries(chinese).map(async ([path, load]) => {
      instance.addResourceBundle(language, namespaceOf(path), await load(), true, true);
    }),
  );
}

export const i18n: I18n = i18next.createInstance();

/** Initialise once, before the first render; resolves when the preferred language's strings are loaded. */
export async function initI18n(language: Language = preferredLanguage()): Promise<I18n> {
  const resources: Record<string, Bundle> = {};
  for (const [path, bundle] of Object.entries(english)) resources[namespaceOf(path)] = bundle;
  await i18n.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: Object.keys(resources),
    defaultNS: 'common',
    resources: { en: resources },
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      console.error(`Missing translation: ${ns}:${key} (${lngs.join(', ')})`);
    },
  });
  await setLanguage(language, { persist: false });
  return i18n;
}

/** Switch the UI language (loads its strings first) and remember it on this device. */
export async function setLanguage(language: Language, { persist = true } = {}): Promise<void> {
  await loadBundles(i18n, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  if (persist) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // Not remembered; the switch still applies to this session.
    }
  }
}

/** The current UI language, for Intl formatting (dates, numbers, money). */
export function currentLocale(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
