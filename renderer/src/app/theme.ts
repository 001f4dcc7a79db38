import { Badge, createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'orange',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A badge is a short label (status, tier, platform): it never shrinks to a stub like "ACTI…" in a narrow
    // table cell. Mantine's badge clips and ellipsises; here it keeps its full width and the cell grows instead.
    Badge: Badge.extend({
      styles: {
        root: { overflow: 'visible', flexShrink: 0, maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'kol-studio-color-scheme' });
