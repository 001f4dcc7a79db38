/**
 * A show's run-sheet exports: brand PDF (the 直播脚本 the brand approves), crew PDF, CSV, the shareable page and
 * print, with the language they are written in (the UI language by default). Brand-facing exports are refused
 * while the plan has errors; the reason is a notification naming each problem.
 */
import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileSpreadsheet, IconFileTypePdf, IconPrinter, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../shared/contract/runsheet.schema';
import type { RunSheetView } from '../../../../shared/domain/runsheet';
import { ExportLanguageSelect, useExportLanguage } from '../../components/ExportLanguageSelect';
import { base64ToBytes, downloadFile, printHtml } from '../../components/files';
import { useDomainLabels } from '../../components/labels';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { exportShow, PlanHasErrors } from './show-export';

export function RunSheetExportButtons({ showId, viewerZone }: { showId: string; viewerZone: string | undefined }) {
  const { t } = useTranslation('shows');
  const { t: tx } = useTranslation('exports');
  const labels = useDomainLabels();
  const [exporting, setExporting] = useState<string | null>(null);
  const [language, setLanguage] = useExportLanguage();

  const planErrorsText = (error: PlanHasErrors) =>
    [
      t('editor.exportBlocked', { count: error.issues.length }),
      ...error.issues.map((i) => t('editor.exportProblem', { index: i.index, title: i.title, message: labels.issue(i.issue) })),
    ].join(' ');

  const runExport = async (key: string, view: RunSheetView, format: ExportFormat | 'print') => {
    setExporting(key);
    try {
      const file = await exportShow(db, showId, view, format === 'print' ? 'html' : format, viewerZone, language);
      if (format === 'print') printHtml(new TextDecoder().decode(base64ToBytes(file.base64)));
      else {
        downloadFile(file);
        notifications.show({ color: 'green', title: t('editor.exported'), message: file.fileName });
      }
    } catch (error) {
      notifyError(t('failed.export'), error instanceof PlanHasErrors ? new Error(planErrorsText(error)) : error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Group mb="md" gap="xs" role="group" aria-label={tx('runSheetGroup')}>
      <Button variant="light" leftSection={<IconFileTypePdf size={16} />} loading={exporting === 'brand-pdf'} onClick={() => void runExport('brand-pdf', 'brand', 'pdf')}>
        {t('editor.exportBrandPdf')}
      </Button>
      <Button variant="light" leftSection={<IconFileTypePdf size={16} />} loading={exporting === 'crew-pdf'} onClick={() => void runExport('crew-pdf', 'crew', 'pdf')}>
        {t('editor.exportCrewPdf')}
      </Button>
      <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting === 'csv'} onClick={() => void runExport('csv', 'brand', 'csv')}>
        {t('editor.exportCsv')}
      </Button>
      <Button variant="light" leftSection={<IconShare size={16} />} loading={exporting === 'html'} onClick={() => void runExport('html', 'brand', 'html')}>
        {t('editor.exportHtml')}
      </Button>
      <Menu>
        <Menu.Target>
          <Button variant="default" leftSection={<IconPrinter size={16} />} rightSection={<IconChevronDown size={14} />}>
            {t('editor.print')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void runExport('print', 'brand', 'print')}>{t('editor.printBrand')}</Menu.Item>
          <Menu.Item onClick={() => void runExport('print', 'crew', 'print')}>{t('editor.printCrew')}</Menu.Item>
          <Menu.Item onClick={() => void runExport('crew-csv', 'crew', 'csv')}>{t('editor.exportCrewCsv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ExportLanguageSelect value={language} onChange={setLanguage} disabled={exporting !== null} />
    </Group>
  );
}
