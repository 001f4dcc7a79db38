/**
 * Resolves a URL path to a file inside a root folder. Invariant: the result is always inside `root`
 * (no `..`, no encoded traversal, no absolute paths, no NUL); anything else resolves to null (404).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, relative);
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;
  return candidate;
}

/** The file to serve for a URL path, or null when there is none (directories are not listed). */
export async function findStaticFile(root: string, urlPath: string): Promise<string | null> {
  const candidate = resolveInside(root, urlPath);
  if (!candidate) return null;
  try {
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}
