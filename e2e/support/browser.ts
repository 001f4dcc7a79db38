/**
 * Which Chromium the e2e tests drive: Playwright's own build when it is installed, otherwise the system
 * Chromium (Debian's /usr/bin/chromium), or CHROMIUM_PATH when set. Flags keep a closed network quiet.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // no Playwright browser build installed
  }
  if (bundled !== '' && existsSync(bundled)) return undefined;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * For a Vitest suite that drives Chromium itself: the executable to launch (undefined = Playwright's own build) and
 * whether any Chromium is here. Without one the suite is skipped with a printed reason, except under CI=true,
 * where that is an error.
 */
export function chromiumForSuite(suite: string): { available: boolean; executablePath: string | undefined } {
  const executablePath = chromiumExecutable();
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // no Playwright browser build installed
  }
  const available = executablePath !== undefined || (bundled !== '' && existsSync(bundled));
  if (!available) {
    if (process.env.CI === 'true') throw new Error(`${suite} need Chromium: none on this machine nor Playwright's bundled build`);
    console.warn(`[${suite}] skipped: no Chromium on this machine and no Playwright-bundled Chromium`);
  }
  return { available, executablePath };
}

export const chromiumArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
];
