// The saved overlay look survives a restart; a bad file falls back to the default look, and nothing invalid is written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultOverlayTheme } from '../../../shared/contract/overlay-theme.schema';
import { loadOverlayTheme, OVERLAY_THEME_FILE, saveOverlayTheme } from './overlay.theme-store';

describe('overlay theme store', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kol-theme-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives the default look until one is saved, then the saved one after a restart', async () => {
    expect(await loadOverlayTheme(dataDir)).toEqual(defaultOverlayTheme);
    const theme = { accent: '#00aa55', text: '#fefefe', card: '#000000aa', font: '霞鹜文楷 Screen', locale: 'en-US', dealEndedHoldSec: 8 };
    await saveOverlayTheme(dataDir, theme);
    expect(await loadOverlayTheme(dataDir)).toEqual(theme);
  });

  it('refuses a theme that could break out of CSS, and writes nothing', async () => {
    await expect(saveOverlayTheme(dataDir, { ...defaultOverlayTheme, font: 'x"; } body { display:none' })).rejects.toThrow(/font name/);
    await expect(saveOverlayTheme(dataDir, { ...defaultOverlayTheme, accent: 'red' })).rejects.toThrow(/hex colour/);
    expect(await loadOverlayTheme(dataDir)).toEqual(defaultOverlayTheme);
  });

  it('reads a look saved before the deal-ended hold existed with the default hold, and refuses a bad hold', async () => {
    writeFileSync(join(dataDir, OVERLAY_THEME_FILE), JSON.stringify({ accent: '#00aa55', text: '#fefefe', card: '#000000aa', font: '', locale: 'en-US' }));
    expect(await loadOverlayTheme(dataDir)).toMatchObject({ accent: '#00aa55', dealEndedHoldSec: 5 });
    await expect(saveOverlayTheme(dataDir, { ...defaultOverlayTheme, dealEndedHoldSec: 61 })).rejects.toThrow(/60 s or less/);
    await expect(saveOverlayTheme(dataDir, { ...defaultOverlayTheme, dealEndedHoldSec: -1 })).rejects.toThrow(/0 s or more/);
    await expect(saveOverlayTheme(dataDir, { ...defaultOverlayTheme, dealEndedHoldSec: 2.5 })).rejects.toThrow(/whole number/);
  });

  it('falls back to the default look when the file is corrupt', async () => {
    writeFileSync(join(dataDir, OVERLAY_THEME_FILE), '{"accent": "#fff", ');
    expect(await loadOverlayTheme(dataDir)).toEqual(defaultOverlayTheme);
  });
});
