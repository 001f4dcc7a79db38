/**
 * Which role cues a console shows, and in what order: the desktop live console (all roles, or one by its role
 * filter) and the phone console (the cues of the role it paired as). Pure; the phone page and the desktop
 * console render what these return, nothing else.
 *
 * Invariants:
 * - columns always come in the order host, assistant, controller (主播, 助播, 场控), whatever was asked;
 * - a phone sees the cues of its own role: a Host phone the host's, a Co-host phone (副播, who works beside the host)
 *   the assistant's, a Controller phone the controller's; a Viewer phone (read only, a producer watching) sees
 *   all three;
 * - a segment without cues (old data, or none written) gives columns with empty lists, never an error.
 */
import { cueRoles, roleCuesOf, type CueRole } from '../domain/role-cues';
import type { RemoteRole } from '../remote/remote.roles';
import type { SnapshotSegment } from './runner.types';

/** What the desktop console's role filter offers. */
export const cueFilters = ['all', ...cueRoles] as const;
export type CueFilter = (typeof cueFilters)[number];

export interface CueColumn {
  role: CueRole;
  cues: string[];
}

/** The roles whose cues a filter shows. */
export function rolesForFilter(filter: CueFilter): CueRole[] {
  return filter === 'all' ? [...cueRoles] : [filter];
}

/** The cue roles a phone paired as `role` shows. */
export function phoneCueRoles(role: RemoteRole): CueRole[] {
  switch (role) {
    case 'host':
      return ['host'];
    case 'cohost':
      return ['assistant'];
    case 'controller':
      return ['controller'];
    case 'viewer':
      return [...cueRoles];
    default:
      return role satisfies never;
  }
}

/** The cue columns of a segment for the given roles, in role order. */
export function cueColumns(segment: Pick<SnapshotSegment, 'cues'> | null | undefined, roles: readonly CueRole[]): CueColumn[] {
  const cues = roleCuesOf(segment ?? {});
  return cueRoles.filter((role) => roles.includes(role)).map((role) => ({ role, cues: cues[role] }));
}

/** What a phone paired as `role` shows for the segment on air: its role's column(s). */
export function phoneCueColumns(segment: Pick<SnapshotSegment, 'cues'> | null | undefined, role: RemoteRole): CueColumn[] {
  return cueColumns(segment, phoneCueRoles(role));
}
