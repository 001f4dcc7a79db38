import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateOverlayToken } from './overlay.token';

describe('overlay token', () => {
  it('is made once and kept, readable by the owner only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-token-'));
    const first = await loadOrCreateOverlayToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await loadOrCreateOverlayToken(dir)).toBe(first);
    expect(statSync(path.join(dir, 'overlay-token')).mode & 0o077).toBe(0);
  });

  it('replaces a damaged token file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-token-'));
    writeFileSync(path.join(dir, 'overlay-token'), 'short');
    expect(await loadOrCreateOverlayToken(dir)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
});
