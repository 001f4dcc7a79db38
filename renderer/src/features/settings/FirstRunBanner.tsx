import { Alert, Button, Group, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useWorkspaceCounts } from '../../db/workspace.hooks';
import { isWorkspaceEmpty } from '../../db/workspace.repo';
import { useLoadSample } from './useLoadSample';

/** Shown while the workspace is empty: the sample workspace is one click away. */
export function FirstRunBanner() {
  const counts = useWorkspaceCounts();
  const { load, loading } = useLoadSample();
  if (!counts || !isWorkspaceEmpty(counts)) return null;
  return (
    <Alert role="region" aria-label="Welcome to KOL Studio" variant="light" color="orange" icon={<IconSparkles />} title="Welcome to KOL Studio" mb="lg">
      <Group justify="space-between" align="center">
        <Text size="sm">Your workspace is empty. Explore with a realistic demo: brands, creators, campaigns, products and a live show.</Text>
        <Button onClick={() => void load()} loading={loading}>
          Load sample workspace
        </Button>
      </Group>
    </Alert>
  );
}
