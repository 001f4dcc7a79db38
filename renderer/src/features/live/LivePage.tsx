import { IconBroadcast } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function LivePage() {
  return (
    <>
      <PageHeader title="Live" description="The live console: cues, timers, deals and OBS." />
      <EmptyState icon={<IconBroadcast />} title="The live console is not built yet">
        Going live (the show runner, OBS scene changes on cue, deal overlays and hotkeys) comes after the run-of-show planner. You can already connect to OBS in Settings.
      </EmptyState>
    </>
  );
}
