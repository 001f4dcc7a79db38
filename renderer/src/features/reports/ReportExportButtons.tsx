/**
 * "Export report PDF" and "Export report CSV" for one show run: each button's accessible name names the show;
 * the file downloads (save dialog in the desktop app); a failure is a notification saying why. The language
 * picker beside them ("Export language") chooses the report's language, the UI language by default.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportFormat } from '../../../../shared/contract/report.schema';
import type { ShowRun } from '../../../../shared/domain/entities';
import { ExportLanguageSelect, useExportLanguage } from '../../components/ExportLanguageSelect';
import { downloadFile } from '../../components/files';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { exportRunReport } from './report-export';

export function ReportExportButtons({ run }: { run: ShowRun }) {
  const { t } = useTranslation('reportExport');
  const [busy, setBusy] = useState<ReportExportFormat | null>(null);
  const [language, setLanguage] = useExportLanguage();

  const save = async (format: ReportExportFormat) => {
    setBusy(format);
    try {
      const file = await exportRunReport(db, run, format, language);
      downloadFile(file);
      notifications.show({ color: 'green', title: t('exported'), message: file.fileName });
    } catch (error) {
      notifyError(t('failed'), error);
    } finally {
      setBusy(null);
    }
  };

  const buttons = [
    { format: 'pdf', icon: <IconFileTypePdf size={16} />, text: t('pdf'), label: t('pdfLabel', { title: run.showTitle }) },
    { format: 'csv', icon: <IconFileSpreadsheet size={16} />, text: t('csv'), label: t('csvLabel', { title: run.showTitle }) },
  ] as const;

  return (
    <Group gap="xs" role="group" aria-label={t('group', { title: run.showTitle })}>
      {buttons.map((b) => (
        <Button key={b.format} size="xs" variant="light" leftSection={b.icon} loading={busy === b.format} disabled={busy !== null} aria-label={b.label} onClick={() => void save(b.format)}>
          {b.text}
        </Button>
      ))}
      <ExportLanguageSelect value={language} onChange={setLanguage} disabled={busy !== null} />
    </Group>
  );
}
