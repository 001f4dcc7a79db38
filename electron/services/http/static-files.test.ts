import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStaticFile, resolveInside } from './static-files';

describe('static files', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kol-static-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'x');
  writeFileSync(path.join(root, '..', `secret-${path.basename(root)}.txt`), 'secret');

  it('serves index.html for / and files below the root', async () => {
    expect(await findStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(await findStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5csecret', '/a%00.js', '/%E0%A4%A'])(
    'never resolves outside the root: %s',
    (p) => {
      const resolved = resolveInside(root, p);
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    },
  );

  it('finds nothing outside the root, for directories or for missing files', async () => {
    expect(await findStaticFile(root, `/../secret-${path.basename(root)}.txt`)).toBeNull();
    expect(await findStaticFile(root, `/..%2fsecret-${path.basename(root)}.txt`)).toBeNull();
    expect(await findStaticFile(root, '/assets')).toBeNull();
    expect(await findStaticFile(root, '/missing.js')).toBeNull();
  });
});
