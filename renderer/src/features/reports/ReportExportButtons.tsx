/**
 * "Export report PDF" and "Export report CSV" for one show run: each button's accessible name names the show;
 * the file downloads (save dialog in the desktop app); a failure is a notification saying why.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportFormat } from '../../../../shared/contract/report.schema';
import type { ShowRun } from '../../../../shared/domain/entities';
import { downloadFile } from '../../components/files';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { exportRunReport } from './report-export';

export function ReportExportButtons({ run }: { run: ShowRun }) {
  const { t } = useTranslation('reportExport');
  const [busy, setBusy] = useState<ReportExportFormat | null>(null);

  const save = async (format: ReportExportFormat) => {
    setBusy(format);
    try {
      const file = await exportRunReport(db, run, format);
      downloadFile(file);
      notifications.show({ color: 'green', title: t('exported'), message: file.fileName });
    } catch (error) {
      notifyError(t('failed'), error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap="xs" role="group" aria-label={t('group', { title: run.showTitle })}>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileTypePdf size={16} />}
        loading={busy === 'pdf'}
        disabled={busy !== null}
        aria-label={t('pdfLabel', { title: run.showTitle })}
        onClick={() => void save('pdf')}
      >
        {t('pdf')}
      </Button>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        aria-label={t('csvLabel', { title: run.showTitle })}
        onClick={() => void save('csv')}
      >
        {t('csv')}
      </Button>
    </Group>
  );
}
