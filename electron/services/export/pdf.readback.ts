/**
 * Test support: reads PDFs back with poppler's pdftotext/pdfinfo (poppler-utils), as a reader would see them.
 * Used by the run-sheet and report PDF tests; not part of the app.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hasPoppler = !spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error;
export const missingPopplerReason = 'pdftotext (poppler-utils) is not installed: run `npm run setup:system` or `apt-get install poppler-utils`';

/** Fails on CI without poppler; elsewhere prints why the read-back tests are skipped. */
export function requirePopplerOnCi(what: string): void {
  if (hasPoppler) return;
  if (process.env.CI === 'true') throw new Error(missingPopplerReason);
  console.warn(`skipping ${what} read-back tests: ${missingPopplerReason}`);
}

export function runTool(cmd: string, args: string[]): string {
  const out = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout;
}

/** `pdftotext -layout`: what a reader sees, page by page (pages end with a form feed). */
export const layoutPages = (file: string): string[] => runTool('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);

/** All whitespace removed: wrapped cells read as one string. */
export const flat = (text: string): string => text.replace(/\s+/g, '');

/** `pdftotext -raw` (content order) per page, flattened. */
export const flatPages = (file: string): string[] =>
  runTool('pdftotext', ['-raw', file, '-'])
    .split('\f')
    .slice(0, -1)
    .map(flat);

/** Writes each sheet's PDF into `dir` and returns its whole text flattened, for `toContain` checks of wrapped lines. */
export async function flatPdfTexts<T>(dir: string, cases: readonly (readonly [string, T])[], render: (sheet: T) => Promise<Buffer | Uint8Array>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [name, sheet] of cases) {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await render(sheet));
    texts.set(name, flatPages(file).join(''));
  }
  return texts;
}
