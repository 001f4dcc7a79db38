/**
 * A team workspace's id: 1–64 letters, digits, "-" or "_" (safe in a document name, a file name, a database name
 * and a URL). No zod here: the renderer's first screen reads it from localStorage before anything else loads.
 */
export const workspaceIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
export const workspaceIdRule = 'a workspace id is 1–64 letters, digits, "-" or "_"';

export function isWorkspaceId(value: unknown): value is string {
  return typeof value === 'string' && workspaceIdPattern.test(value);
}
