import { Badge, Group } from '@mantine/core';
import type { ObsStatus } from '../../../../shared/contract/studio-api';

/** What a producer checks before and during a show: on air or not, and whether OBS drops frames. */
export function ObsHealth({ status }: { status: ObsStatus }) {
  return (
    <Group gap="xs" aria-label="OBS output">
      <Badge color={status.streaming ? 'red' : 'gray'} variant={status.streaming ? 'filled' : 'light'}>
        {status.streaming ? 'Streaming' : 'Not streaming'}
      </Badge>
      <Badge color={status.recording ? 'red' : 'gray'} variant={status.recording ? 'filled' : 'light'}>
        {status.recording ? 'Recording' : 'Not recording'}
      </Badge>
      {status.renderSkippedFrames !== undefined ? (
        <Badge color={(status.renderSkippedFrames ?? 0) + (status.outputSkippedFrames ?? 0) > 0 ? 'yellow' : 'teal'} variant="light">
          Skipped frames: render {status.renderSkippedFrames} · output {status.outputSkippedFrames ?? 0}
          {status.activeFps !== undefined ? ` · ${status.activeFps} fps` : ''}
        </Badge>
      ) : null}
    </Group>
  );
}
