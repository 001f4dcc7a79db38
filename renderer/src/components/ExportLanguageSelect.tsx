/**
 * The language an export is written in (run-sheets, reports): English or 简体中文, the UI language by default.
 * Each option is named in its own language, so a producer finds 简体中文 whatever the UI language is.
 */
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportLanguages, isExportLanguage, type ExportLanguage } from '../../../shared/export/export.strings';
import { currentLocale, languageNames } from '../i18n/i18n';

/** The export language state, starting from the UI language. */
export function useExportLanguage(): [ExportLanguage, (language: ExportLanguage) => void] {
  return useState<ExportLanguage>(() => currentLocale());
}

export function ExportLanguageSelect({ value, onChange, disabled }: { value: ExportLanguage; onChange(language: ExportLanguage): void; disabled?: boolean }) {
  const { t } = useTranslation('exports');
  return (
    <Select
      size="xs"
      w={120}
      aria-label={t('language')}
      title={t('languageHint')}
      data={exportLanguages.map((l) => ({ value: l, label: languageNames[l] }))}
      value={value}
      onChange={(v) => isExportLanguage(v) && onChange(v)}
      allowDeselect={false}
      disabled={disabled}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
