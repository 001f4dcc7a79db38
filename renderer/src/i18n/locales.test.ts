// Every UI string exists in both languages: the same namespaces, the same keys, no empty values, and the same
// {{placeholders}} in each pair (a translation that drops {{count}} would show a wrong sentence).
import { describe, expect, it } from 'vitest';

const files = import.meta.glob<unknown>('./locales/*/*.json', { eager: true, import: 'default' });

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function load(language: string): Map<string, Map<string, string>> {
  const prefix = `./locales/${language}/`;
  return new Map(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, bundle]) => [path.slice(prefix.length, -'.json'.length), flatten(bundle)]),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locales', () => {
  const en = load('en');
  const zh = load('zh-CN');

  it('have the same namespaces in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(0);
  });

  it('have the same keys, none empty, with the same placeholders', () => {
    for (const [ns, enKeys] of en) {
      const zhKeys = zh.get(ns) ?? new Map<string, string>();
      // Chinese has no plural forms: an English key_one/key_other pair is one key_other in Chinese.
      expect([...new Set([...zhKeys.keys()].map(baseKey))].sort(), ns).toEqual([...new Set([...enKeys.keys()].map(baseKey))].sort());
      for (const [key, text] of enKeys) {
        expect(text.trim(), `${ns}:${key} (en)`).not.toBe('');
        const zhText = zhKeys.get(key) ?? zhKeys.get(`${baseKey(key)}_other`) ?? '';
        expect(zhText.trim(), `${ns}:${key} (zh-CN)`).not.toBe('');
        expect(placeholders(zhText), `${ns}:${key} placeholders`).toEqual(placeholders(text));
      }
    }
  });
});
