/**
 * The architecture's import boundaries are enforced by ESLint (eslint.config.js). This test lints small
 * snippets as if they lived in each folder and checks that every forbidden import is refused and the
 * allowed ones pass, so a loosened config cannot go unnoticed.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..', '..') });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, '..', '..', file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
    ['shared/domain/x.ts', "import { db } from '../../renderer/src/db/db';\nexport const a = db;\n"],
    ['shared/domain/x.ts', "import { startHost } from '../../electron/host/host.server';\nexport const a = startHost;\n"],
    ['renderer/src/features/x/X.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/features/x/X.ts', "import { dispatch } from '../../../../electron/services/api/dispatch';\nexport const a = dispatch;\n"],
    ['renderer/src/features/x/X.ts', "import os from 'node:os';\nexport const a = os;\n"],
    ['renderer/src/features/x/X.ts', 'export const a = window.studio;\n'],
    ['electron/services/obs/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/host/x.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n"],
    ['electron/sync/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/main/x.ts', "import { db } from '../../renderer/src/db/db';\nexport const a = db;\n"],
  ])('%s refuses: %s', async (file, code) => {
    const errors = await errorsFor(file, code);
    expect(errors.some((rule) => rule === 'no-restricted-imports' || rule === 'no-restricted-properties')).toBe(true);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nexport const a = z;\n"],
    ['renderer/src/studio/x.ts', 'export const a = window.studio;\n'],
    ['renderer/src/features/x/X.ts', "import { tiers } from '../../../../shared/domain/tiers';\nexport const a = tiers;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/services/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});
