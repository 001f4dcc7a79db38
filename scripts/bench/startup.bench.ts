/**
 * Startup benchmarks:
 * - host_start_to_interactive_ms: from spawning the built host to the studio's navigation being visible and
 *   clickable in Chromium (browser already running), median of 5 cold starts, each with a fresh data dir
 *   and a fresh browser context;
 * - host_start_baseline_ms: the same path for a bare Node HTTP server serving one static page, measured in
 *   the same run, and host_start_ratio_vs_bare_node (machines here are noisy: the ratio is what to compare);
 * - renderer_initial_js_gzip_kb / renderer_initial_css_gzip_kb: what index.html loads before first render.
 */
import type { Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { startHostProcess, repoRoot } from '../../e2e/support/host';
import { median, round } from './stats';
import { runAloneIfMain } from './page-harness';

const RUNS = 5;

async function timeStudioStart(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = performance.now();
  const host = await startHostProcess();
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Campaigns' }).waitFor({ state: 'visible' });
  await page.getByRole('heading', { level: 2, name: 'Campaigns' }).waitFor({ state: 'visible' });
  const elapsed = performance.now() - started;
  await context.close();
  await host.stop();
  return elapsed;
}

const bareServer = `
const http = require('node:http');
const s = http.createServer((q, r) => { r.writeHead(200, {'Content-Type': 'text/html'}); r.end('<!doctype html><nav aria-label="Sections"><a href="#">Campaigns</a></nav>'); });
s.listen(0, '127.0.0.1', () => console.log('serving at http://127.0.0.1:' + s.address().port));
`;

async function timeBareStart(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', bareServer], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /serving at (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  await page.goto(url);
  await page.getByRole('link', { name: 'Campaigns' }).waitFor({ state: 'visible' });
  const elapsed = performance.now() - started;
  await context.close();
  child.kill();
  return elapsed;
}

function initialAssetsGzipKb(): { js: number; css: number } {
  const rendererDir = path.join(repoRoot, 'out', 'renderer');
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => /\.(js|css)$/.test(ref));
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gzipSync(readFileSync(path.join(rendererDir, ref.replace(/^\.?\//, '')))).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js: js / 1024, css: css / 1024 };
}

export async function runStartupBench(browser: Browser): Promise<Record<string, number>> {
  await timeStudioStart(browser); // warm the OS file cache once; cold start means a fresh process, not a cold disk
  const studio: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    bare.push(await timeBareStart(browser));
    studio.push(await timeStudioStart(browser));
  }
  const sizes = initialAssetsGzipKb();
  return {
    host_start_to_interactive_ms: round(median(studio)),
    host_start_baseline_ms: round(median(bare)),
    host_start_ratio_vs_bare_node: round(median(studio) / median(bare), 2),
    renderer_initial_js_gzip_kb: round(sizes.js),
    renderer_initial_css_gzip_kb: round(sizes.css),
  };
}

/** `npx tsx scripts/bench/startup.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runStartupBench);
