/**
 * The one place where the domains' contracts (domains/*.contract.ts) are composed into the full method table:
 * the dispatcher (electron/services/api/dispatch.ts), Electron IPC, the WebSocket wire, the clients and the
 * tests all derive their method names, argument schemas and read/action kinds from `studioContract`.
 * Invariants: a method name is written once, as a key of its domain's contract; no two domains declare the same
 * name (checked at compile time below); adding a domain is adding its contract to `domains` here and its
 * handlers in electron/services/studio.services.ts, which the compiler then demands.
 */
import type { z } from 'zod';
import type { MethodSpec } from './define';
import { appContract } from './domains/app.contract';
import { assetsContract } from './domains/assets.contract';
import { exportContract } from './domains/export.contract';
import { liveContract } from './domains/live.contract';
import { obsContract } from './domains/obs.contract';
import { overlayContract } from './domains/overlay.contract';
import { remoteContract } from './domains/remote.contract';
import { runnerContract } from './domains/runner.contract';
import { syncContract } from './domains/sync.contract';

export const domains = {
  app: appContract,
  obs: obsContract,
  overlay: overlayContract,
  runner: runnerContract,
  export: exportContract,
  remote: remoteContract,
  assets: assetsContract,
  live: liveContract,
  sync: syncContract,
};
type Domains = typeof domains;
export type StudioDomain = keyof Domains;
export type DomainMethod<D extends StudioDomain> = keyof Domains[D] & string;
export type StudioMethod = { [D in StudioDomain]: DomainMethod<D> }[StudioDomain];

/** The spec of one method, whichever domain declares it. */
type SpecOf<M extends StudioMethod> = { [D in StudioDomain]: M extends keyof Domains[D] ? Domains[D][M] : never }[StudioDomain];
export type StudioContract = { [M in StudioMethod]: SpecOf<M> };

/** Compile-time proof that no method name is declared by two domains. */
type Overlap = { [D in StudioDomain]: DomainMethod<D> & { [E in Exclude<StudioDomain, D>]: DomainMethod<E> }[Exclude<StudioDomain, D>] }[StudioDomain];
const noOverlap: [Overlap] extends [never] ? true : false = true;
void noOverlap;

export const studioContract: StudioContract = Object.assign({}, ...Object.values(domains)) as StudioContract;

export const studioMethods = Object.keys(studioContract) as StudioMethod[];

export function isStudioMethod(value: unknown): value is StudioMethod {
  return typeof value === 'string' && Object.hasOwn(studioContract, value);
}

/** Requests that change nothing: safe to wait for the link, to send again, to ask again after a reconnect. */
export function isReadMethod(method: StudioMethod): boolean {
  return (studioContract[method] as MethodSpec).read;
}

/** Each method's argument-list schema (what every door applies before any handler runs). */
export const requestArgs = Object.fromEntries(studioMethods.map((method) => [method, studioContract[method].args])) as {
  [M in StudioMethod]: StudioContract[M]['args'];
};

export type StudioArgs<M extends StudioMethod> = z.input<StudioContract[M]['args']>;
export type StudioParsedArgs<M extends StudioMethod> = z.output<StudioContract[M]['args']>;
export type StudioResults = { [M in StudioMethod]: StudioContract[M] extends MethodSpec<z.ZodTuple, infer R> ? R : never };
