/**
 * The sync domain's handlers against the REAL sync server (electron/sync/sync.server.ts) hosted in this process on
 * loopback, with real Yjs clients (sync.test-support.ts), in temporary data folders: hosting and /health, LAN on
 * and off, "Host this workspace", invites whose links open the workspace as their role, members, revoke, the
 * refusals a user can meet, restarts that keep the port and the documents, and where tokens are kept.
 *
 * The OS secret store (Electron safeStorage: Keychain, DPAPI, libsecret) cannot run here (no Electron runtime, no
 * keyring): the tests use an AES-256-GCM cipher with a random key in its place. It is the same interface
 * (SecretCipher) that electron/main/secrets.ts implements with safeStorage.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors';
import type { HandlersOf } from '../../../shared/contract/studio-api';
import { parseInviteLink } from '../../../shared/sync/invite-link';
import { acknowledged, connectClient, waitFor, type Client } from '../../sync/sync.test-support';
import type { SecretCipher } from '../obs/obs.connection-store';
import { aesTestCipher } from '../storage/aes-test-cipher';
import { createStudioServices } from '../studio.services';
import { TEAM_CREDENTIALS_FILE, TeamCredentialStore } from './sync.credentials-store';
import { syncHandlers } from './sync.handlers';
import { TEAM_HOSTING_FILE, TeamHosting } from './sync.hosting';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'kol-team-'));
}

/** Stands in for the OS secret store (see the header). */

/** This machine's first non-loopback IPv4 address (the LAN), if it has one. */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;

interface Team {
  dataDir: string;
  hosting: TeamHosting;
  credentials: TeamCredentialStore;
  handlers: HandlersOf<'sync'>;
}

/** The sync domain as the studio builds it, on a free port, closed after the test; `cipher` null: no secret store. */
function team(dataDir = tempDir(), cipher: SecretCipher | null = aesTestCipher()): Team {
  const hosting = new TeamHosting({ dataDir, version: 'test', preferredPort: 0, debounceMs: 50 });
  const credentials = new TeamCredentialStore(dataDir, cipher ?? undefined);
  cleanups.push(() => hosting.close());
  return { dataDir, hosting, credentials, handlers: syncHandlers({ credentials, hosting }) };
}

function client(url: string, name: string, token: string): Client {
  const c = connectClient(url, name, token);
  cleanups.push(() => c.destroy());
  return c;
}

/** The refusal `promise` ends with: its reason and data (and proof that no token is in it). */
async function refusal(promise: Promise<unknown>, tokens: string[] = []): Promise<Record<string, string | number>> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StudioError);
  const studioError = error as StudioError;
  expect(studioError.code).toBe('refused');
  for (const token of tokens) expect(JSON.stringify({ message: studioError.message, data: studioError.data })).not.toContain(token);
  return studioError.data ?? {};
}

/** Resolves true when a TCP connection to host:port is accepted, false when it is refused. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('team hosting', () => {
  it('starts the sync server on loopback only, answering /health, and says where', async () => {
    const { handlers } = team();
    expect(await handlers.getTeamHosting()).toEqual({ hosting: false, lan: false, lanUrls: [] });
    const status = await handlers.startTeamHosting({ lan: false });
    expect(status).toMatchObject({ hosting: true, lan: false, lanUrls: [], localUrl: `ws://127.0.0.1:${status.port}` });
    const health = await fetch(`http://127.0.0.1:${status.port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', service: 'kol-studio-sync', instance: 'desktop' });
    if (lanAddress) expect(await accepts(lanAddress, status.port ?? 0)).toBe(false);
  });

  it.skipIf(!lanAddress)('listens on the LAN only when the user turns it on, on the same port', async () => {
    const { handlers } = team();
    const local = await handlers.startTeamHosting({ lan: false });
    const lan = await handlers.startTeamHosting({ lan: true });
    expect(lan).toMatchObject({ hosting: true, lan: true, port: local.port });
    expect(lan.lanUrls).toContain(`ws://${lanAddress}:${local.port}`);
    const health = await fetch(`http://${lanAddress}:${lan.port}/health`);
    expect(health.status).toBe(200);
    const off = await handlers.startTeamHosting({ lan: false });
    expect(off.lanUrls).toEqual([]);
    expect(await accepts(lanAddress ?? '', off.port ?? 0)).toBe(false);
  });

  it('starts again with the studio on the kept port, with the documents, and stops when asked', async () => {
    const dataDir = tempDir();
    const first = team(dataDir);
    const { serverUrl } = await first.handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agency' });
    const owner = await first.handlers.readTeamCredentials({ workspaceId: 'agency' });
    const writer = client(serverUrl, 'agency', owner?.token ?? '');
    await writer.synced;
    writer.doc.getMap('campaigns').set('c1', 'Spring launch');
    await acknowledged(writer);
    writer.destroy();
    const port = (await first.handlers.getTeamHosting()).port;
    await first.hosting.close(); // the studio quits

    // The studio starts again: hosting resumes on the same port (the links teammates hold stay valid).
    const second = team(dataDir);
    const resumed = await second.hosting.resume();
    expect(resumed).toMatchObject({ hosting: true, port });
    const reader = client(serverUrl, 'agency', owner?.token ?? '');
    await reader.synced;
    expect(reader.doc.getMap('campaigns').get('c1')).toBe('Spring launch');
    reader.destroy();

    // Stopped by the user: it stays stopped at the next start, and keeps its port for later.
    expect(await second.handlers.stopTeamHosting()).toMatchObject({ hosting: false, port });
    expect(await accepts('127.0.0.1', port ?? 0)).toBe(false);
    expect(await team(dataDir).hosting.resume()).toMatchObject({ hosting: false, port });
    expect(JSON.parse(readFileSync(path.join(dataDir, TEAM_HOSTING_FILE), 'utf8'))).toMatchObject({ enabled: false, lan: false, port });
  });

  it('refuses to start on a kept port another program took, and says which', async () => {
    const { handlers } = team();
    const { port } = await handlers.startTeamHosting({ lan: false });
    await handlers.stopTeamHosting();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    expect(await refusal(handlers.startTeamHosting({ lan: false }))).toEqual({ reason: 'team_port_busy', port });
    expect(await handlers.getTeamHosting()).toMatchObject({ hosting: false, port, problem: 'team_port_busy' });
  });

  it('is closed cleanly when the studio services are disposed', async () => {
    const dataDir = tempDir();
    const services = createStudioServices({ name: 'test', version: 'test', platform: 'linux', dataDir, teamHostingPort: 0 });
    cleanups.push(() => services.dispose());
    const { port } = await services.handlers.startTeamHosting({ lan: false });
    expect(await accepts('127.0.0.1', port ?? 0)).toBe(true);
    await services.dispose();
    expect(await accepts('127.0.0.1', port ?? 0)).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dataDir, TEAM_HOSTING_FILE), 'utf8'))).toMatchObject({ enabled: true, port });
  });
});

describe('team workspaces hosted here: owner, invites, members', () => {
  it('makes this computer the owner, and its invite links open the workspace as their role until revoked', async () => {
    const { handlers } = team();
    const hosted = await handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agence Lumière' });
    const { port } = await handlers.getTeamHosting();
    expect(hosted).toEqual({ serverUrl: `ws://127.0.0.1:${port}`, storedIn: 'os' });
    const owner = await handlers.readTeamCredentials({ workspaceId: 'agency' });
    expect(owner).toMatchObject({ serverUrl: hosted.serverUrl, role: 'owner', workspaceName: 'Agence Lumière' });
    // Idempotent: hosting it again keeps the same owner token.
    await handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agence Lumière' });
    expect((await handlers.readTeamCredentials({ workspaceId: 'agency' }))?.token).toBe(owner?.token);

    const created = await handlers.createTeamInvite({ workspaceId: 'agency', role: 'producer', label: 'Mei' });
    expect(created).toMatchObject({ server: hosted.serverUrl, localOnly: true, invite: { role: 'producer', label: 'Mei' } });
    const parsed = parseInviteLink(`\n${created.link}\n`);
    if (!parsed.ok) throw new Error(`the link does not parse: ${parsed.problem}`);
    expect(parsed.invite).toMatchObject({ server: hosted.serverUrl, workspaceId: 'agency', workspaceName: 'Agence Lumière', role: 'producer' });

    // The producer edits the plan, which the owner sees; the finance document is not theirs.
    const producer = client(parsed.invite.server, 'agency', parsed.invite.token);
    const ownerClient = client(hosted.serverUrl, 'agency', owner?.token ?? '');
    await Promise.all([producer.synced, ownerClient.synced]);
    producer.doc.getMap('shows').set('s1', 'Friday live');
    await waitFor('the owner to see the producer\'s edit', () => ownerClient.doc.getMap('shows').get('s1') === 'Friday live');
    const finance = client(parsed.invite.server, 'agency/finance', parsed.invite.token);
    await waitFor('the finance document to be refused', () => finance.failures.length > 0);
    expect(finance.failures[0]).toContain('owner and finance');

    const { members } = await handlers.listTeamMembers({ workspaceId: 'agency' });
    expect(members.map(({ role, label, you }) => ({ role, label, you }))).toEqual([
      { role: 'owner', label: 'Owner (this computer)', you: true },
      { role: 'producer', label: 'Mei', you: false },
    ]);
    expect(members[1]?.id).toBe(created.invite.id);

    const revoked = await handlers.revokeTeamMember({ workspaceId: 'agency', inviteId: created.invite.id });
    expect(revoked).toMatchObject({ id: created.invite.id, role: 'producer', you: false });
    expect(revoked.revokedAt).toBeDefined();
    await waitFor('the producer to be disconnected', () => producer.closes.some((reason) => reason.includes('revoked')));
    const again = client(parsed.invite.server, 'agency', parsed.invite.token);
    await waitFor('the revoked token to be refused', () => again.failures.length > 0);
    expect(again.failures[0]).toContain('revoked');
    expect((await handlers.listTeamMembers({ workspaceId: 'agency' })).members[1]?.revokedAt).toBe(revoked.revokedAt);
  });

  it.skipIf(!lanAddress)('puts the LAN address in the link when hosting on the LAN', async () => {
    const { handlers } = team();
    await handlers.startTeamHosting({ lan: true });
    await handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agency' });
    const created = await handlers.createTeamInvite({ workspaceId: 'agency', role: 'viewer', label: 'Brand', expiresInDays: 7 });
    expect(created.localOnly).toBe(false);
    expect(created.server).toMatch(/^ws:\/\/(?!127\.)[\d.]+:\d+$/);
    const parsed = parseInviteLink(created.link);
    expect(parsed.ok && parsed.invite.server).toBe(created.server);
    expect(Date.parse(created.invite.expiresAt) - Date.parse(created.invite.createdAt)).toBe(7 * 86_400_000);
    const viewer = client(created.server, 'agency', parsed.ok ? parsed.invite.token : '');
    await viewer.synced;
  });

  it('refuses what the user cannot do, with a reason and never a token', async () => {
    const { handlers } = team();
    expect(await refusal(handlers.createTeamInvite({ workspaceId: 'nowhere', role: 'producer', label: '' }))).toEqual({ reason: 'team_not_joined' });

    await handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agency' });
    const owner = await handlers.readTeamCredentials({ workspaceId: 'agency' });
    const ownerToken = owner?.token ?? '';
    const { link } = await handlers.createTeamInvite({ workspaceId: 'agency', role: 'finance', label: 'Accounts' });
    const invite = parseInviteLink(link);
    if (!invite.ok) throw new Error('the link does not parse');
    const { token } = invite.invite;

    // Own access cannot be revoked from here.
    const own = (await handlers.listTeamMembers({ workspaceId: 'agency' })).members.find((member) => member.you);
    expect(await refusal(handlers.revokeTeamMember({ workspaceId: 'agency', inviteId: own?.id ?? '' }), [ownerToken])).toEqual({ reason: 'team_own_access' });
    expect(await refusal(handlers.revokeTeamMember({ workspaceId: 'agency', inviteId: '00000000-0000-4000-8000-000000000000' }), [ownerToken])).toEqual({
      reason: 'team_invite_not_found',
    });

    // A teammate's credentials are not the owner's: refused here, and by the server if it were asked.
    await handlers.saveTeamCredentials({ workspaceId: 'joined', serverUrl: invite.invite.server, token, workspaceName: 'Joined', role: 'finance' });
    expect(await refusal(handlers.listTeamMembers({ workspaceId: 'joined' }), [token])).toEqual({ reason: 'team_not_owner' });
    await handlers.saveTeamCredentials({ workspaceId: 'agency2', serverUrl: invite.invite.server, token, workspaceName: 'Claims owner', role: 'owner' });
    expect(await refusal(handlers.listTeamMembers({ workspaceId: 'agency2' }), [token])).toEqual({ reason: 'team_not_owner' });

    // A token the server no longer accepts.
    const financeId = (await handlers.listTeamMembers({ workspaceId: 'agency' })).members.find((member) => member.label === 'Accounts')?.id ?? '';
    await handlers.revokeTeamMember({ workspaceId: 'agency', inviteId: financeId });
    await handlers.saveTeamCredentials({ workspaceId: 'agency', serverUrl: invite.invite.server, token, workspaceName: 'Agency', role: 'owner' });
    expect(await refusal(handlers.createTeamInvite({ workspaceId: 'agency', role: 'viewer', label: '' }), [token])).toEqual({ reason: 'team_token_refused' });

    // A workspace shared through another server is not hosted here too.
    await handlers.saveTeamCredentials({ workspaceId: 'elsewhere', serverUrl: 'wss://sync.example.com', token, workspaceName: 'Elsewhere', role: 'producer' });
    expect(await refusal(handlers.hostTeamWorkspace({ workspaceId: 'elsewhere', workspaceName: 'Elsewhere' }), [token])).toEqual({ reason: 'team_joined_elsewhere' });
    expect((await handlers.readTeamCredentials({ workspaceId: 'elsewhere' }))?.serverUrl).toBe('wss://sync.example.com');

    // A server that does not answer.
    const closed = net.createServer();
    const freePort = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as net.AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    await handlers.saveTeamCredentials({ workspaceId: 'remote', serverUrl: `ws://127.0.0.1:${freePort}`, token: ownerToken, workspaceName: 'Remote', role: 'owner' });
    expect(await refusal(handlers.listTeamMembers({ workspaceId: 'remote' }), [ownerToken])).toEqual({ reason: 'team_server_unreachable' });

    // Hosted here, and hosting is off.
    await handlers.hostTeamWorkspace({ workspaceId: 'agency', workspaceName: 'Agency' });
    await handlers.stopTeamHosting();
    expect(await refusal(handlers.createTeamInvite({ workspaceId: 'agency', role: 'viewer', label: '' }))).toEqual({ reason: 'team_hosting_stopped' });
  });
});

describe('team credentials', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4In0.c2lnbmF0dXJlLXNlY3JldA';
  const args = { workspaceId: 'agency', serverUrl: 'wss://sync.example.com', token, workspaceName: 'Agency', role: 'producer' as const };

  it('are kept encrypted by the secret store, never in plain text, and read back after a restart', async () => {
    const cipher = aesTestCipher();
    const { dataDir, handlers } = team(tempDir(), cipher);
    expect(await handlers.saveTeamCredentials(args)).toEqual({ storedIn: 'os' });
    const file = path.join(dataDir, TEAM_CREDENTIALS_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(text).toContain('wss://sync.example.com');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);

    const restarted = team(dataDir, cipher).handlers;
    expect(await restarted.readTeamCredentials({ workspaceId: 'agency' })).toEqual({ serverUrl: args.serverUrl, token, role: 'producer', workspaceName: 'Agency' });
    expect(await restarted.listTeamWorkspaces()).toEqual({
      workspaces: [{ workspaceId: 'agency', workspaceName: 'Agency', serverUrl: args.serverUrl, role: 'producer', storedIn: 'os', hostedHere: false }],
    });
    expect(JSON.stringify(await restarted.listTeamWorkspaces())).not.toContain(token);

    // Another machine's (or user's) secret store cannot decrypt them: as if this computer had not joined.
    expect(await team(dataDir, aesTestCipher()).handlers.readTeamCredentials({ workspaceId: 'agency' })).toBeNull();

    expect(await restarted.forgetTeamCredentials({ workspaceId: 'agency' })).toEqual({ forgotten: true });
    expect(await restarted.forgetTeamCredentials({ workspaceId: 'agency' })).toEqual({ forgotten: false });
    expect(await team(dataDir, cipher).handlers.readTeamCredentials({ workspaceId: 'agency' })).toBeNull();
  });

  it('stay in memory only, and say so, where there is no secret store', async () => {
    const { dataDir, handlers } = team(tempDir(), null);
    expect(await handlers.saveTeamCredentials(args)).toEqual({ storedIn: 'memory' });
    expect(await handlers.readTeamCredentials({ workspaceId: 'agency' })).toMatchObject({ token });
    expect((await handlers.listTeamWorkspaces()).workspaces[0]?.storedIn).toBe('memory');
    expect(existsSync(path.join(dataDir, TEAM_CREDENTIALS_FILE))).toBe(false);
    expect(await team(dataDir, null).handlers.readTeamCredentials({ workspaceId: 'agency' })).toBeNull();
  });

  it('survive concurrent saves of several workspaces', async () => {
    const cipher = aesTestCipher();
    const { dataDir, handlers } = team(tempDir(), cipher);
    await Promise.all(['a', 'b', 'c', 'd'].map((workspaceId) => handlers.saveTeamCredentials({ ...args, workspaceId })));
    const restarted = team(dataDir, cipher).handlers;
    expect((await restarted.listTeamWorkspaces()).workspaces.map((item) => item.workspaceId).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
