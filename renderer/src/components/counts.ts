/**
 * Counted nouns in the UI language ("1 show", "2 shows", "3 场直播"): i18next plurals in the `counts` namespace
 * (en has `_one` and `_other`; zh-CN only `_other`, Chinese has no plural forms). The number is formatted with
 * Intl for the language, the plural form is chosen from the raw count.
 * Invariant: a count shown beside a noun goes through here (or its own `_one`/`_other` keys), never
 * "{{n}} shows" in one string.
 */
import type { TFunction } from 'i18next';
import { currentLocale } from '../i18n/i18n';

export type CountedNoun = 'brands' | 'creators' | 'campaigns' | 'contentItems' | 'products' | 'shows' | 'segments' | 'items';

/** "1 show", "1,234 products", "3 场直播". */
export function countOf(t: TFunction, noun: CountedNoun, count: number): string {
  return t(`counts:${noun}`, { count, formatted: new Intl.NumberFormat(currentLocale()).format(count) });
}

/** Each noun's count as its phrase, for strings that list several ("{{brands}} · {{shows}}"). */
export function countPhrases<K extends CountedNoun>(t: TFunction, counts: Record<K, number>): Record<K, string> {
  return Object.fromEntries((Object.keys(counts) as K[]).map((noun) => [noun, countOf(t, noun, counts[noun])])) as Record<K, string>;
}
