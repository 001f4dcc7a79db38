/**
 * In-page bench harnesses: a renderer module bundled by Vite as an IIFE and injected into the running studio page
 * (which defines its `globalThis.__name` object), and a bench file run on its own from the command line.
 * Used by exchange.bench.ts and orders.bench.ts; nothing here ships in the app.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { repoRoot, startHostProcess, type HostProcess } from '../../e2e/support/host';

/** Bundles `entry` (a path under the repository) into one IIFE script. */
export async function bundleHarness(entry: string, name: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry: path.join(repoRoot, entry), formats: ['iife'], name } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`the bench harness ${entry} did not bundle`);
  return chunk.code;
}

/** Calls `call` in the page with the harness object `globalThis[global]`. */
export function inHarness<H, T>(page: Page, global: string, call: (h: H) => Promise<T> | T): Promise<T> {
  return page.evaluate(`(${call.toString()})(globalThis.${global})`) as Promise<T>;
}

/** Runs one bench when its file is the command line's script (`npx tsx scripts/bench/x.bench.ts`, after `npm run build`). */
export async function runAloneIfMain(fileUrlPath: string, bench: (browser: Browser) => Promise<Record<string, number>>): Promise<void> {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(fileUrlPath)) return;
  const { chromium } = await import('@playwright/test');
  const { chromiumArgs, chromiumExecutable } = await import('../../e2e/support/browser');
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
  try {
    console.log(await bench(browser));
  } finally {
    await browser.close();
  }
}

/**
 * Starts the studio host, opens its Settings page and injects the bundled harness `code`; `use` runs with the page,
 * and the page and host are closed afterwards whatever happens.
 */
export async function withHarnessPage<T>(browser: Browser, code: string, use: (page: Page) => Promise<T>): Promise<T> {
  const host = await startHostProcess();
  // The studio's CSP forbids inline scripts (good); the bench's own page lifts it to inject the harness.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}/#/settings`);
    await page.getByRole('button', { name: 'Back up workspace' }).waitFor();
    await page.addScriptTag({ content: code });
    return await use(page);
  } finally {
    await context.close();
    await host.stop();
  }
}

/**
 * Starts the studio host and opens its first screen (Campaigns) in a 1440×900 page; `use` runs with it, and the page
 * and host are closed afterwards whatever happens. The bench runs under tsx, whose esbuild keepNames wraps functions
 * in __name(): functions passed to page.evaluate carry those calls into the page, so it gets the (identity) helper.
 */
export async function withStudioPage<T>(
  browser: Browser,
  use: (studio: { page: Page; context: BrowserContext; host: HostProcess }) => Promise<T>,
  options: { locale?: string } = {},
): Promise<T> {
  const host = await startHostProcess();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...(options.locale ? { locale: options.locale } : {}) });
  try {
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { level: 2, name: 'Campaigns' }).waitFor();
    return await use({ page, context, host });
  } finally {
    await context.close();
    await host.stop();
  }
}

/** Self time per function of a CPU profile (PROFILE_BENCH=1 in the calendar and reorder benches): where a slow sample went. */
export async function topFunctions(cdp: CDPSession, count: number): Promise<string> {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n');
}
