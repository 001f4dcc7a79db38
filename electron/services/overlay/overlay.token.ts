/**
 * The per-install overlay token: made once, kept in the data dir (owner-only), so the overlay URLs pasted
 * into OBS keep working across restarts. Never logged.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOverlayToken } from './overlay.server';

const FILE = 'overlay-token';

export async function loadOrCreateOverlayToken(dataDir: string): Promise<string> {
  const file = path.join(dataDir, FILE);
  try {
    const token = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{16,}$/.test(token)) return token;
  } catch {
    // No token yet: make one below.
  }
  const token = generateOverlayToken();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600).catch(() => undefined);
  return token;
}
