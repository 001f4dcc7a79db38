import { IconChartBar } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Post-show reports for brands." />
      <EmptyState icon={<IconChartBar />} title="No reports yet">
        A report is written when a show ends: planned against actual timing, deals run and stock sold. No show has run yet.
      </EmptyState>
    </>
  );
}
