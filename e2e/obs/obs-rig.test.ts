/**
 * The OBS rig as a user would check it: a real, headless OBS Studio that obs-websocket clients can drive.
 * Starts OBS once for the whole file; the last tests crash/restart and then stop it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, processGroupMembers, startObs, switchToCutTransition, type ObsRig } from '../support/obs-rig';

const gate = obsTestGate();

const SCENE_A = 'KOL Test A';
const SCENE_B = 'KOL Test B';

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Alive = the /proc entry exists and is not a finished zombie. (Zombies can linger: some container inits do not
 * reap orphans. A multi-threaded process's leader shows 'Z' while its other threads are still exiting.)
 */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    if (state === 'X') return false;
    return state !== 'Z' || readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    return false;
  }
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Scene names in the scene collection OBS saved in the rig's HOME. */
function savedSceneNames(home: string): string[] {
  const file = join(home, '.config', 'obs-studio', 'basic', 'scenes', 'Untitled.json');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { sources: Array<{ id: string; name: string }> };
  return collection.sources.filter((source) => source.id === 'scene').map((source) => source.name);
}

async function connectError(url: string, password: string | undefined): Promise<unknown> {
  const client = new OBSWebSocket();
  try {
    await client.connect(url, password);
  } catch (error) {
    return error;
  } finally {
    await client.disconnect().catch(() => undefined);
  }
  return undefined;
}

describe.skipIf(gate.skip)('OBS rig: real OBS Studio, headless', () => {
  let rig: ObsRig;
  const clients: OBSWebSocket[] = [];

  async function connectClient(): Promise<OBSWebSocket> {
    const client = new OBSWebSocket();
    clients.push(client);
    await client.connect(rig.url, rig.password);
    return client;
  }

  beforeAll(async () => {
    rig = await startObs();
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.disconnect().catch(() => undefined)));
    await rig?.stop();
  });

  it('switches the program scene to A then B with the Cut transition, reads back B and emits the change to B', async () => {
    const obs = await connectClient();
    const programChanges: string[] = [];
    obs.on('CurrentProgramSceneChanged', ({ sceneName }) => programChanges.push(sceneName));

    await obs.call('CreateScene', { sceneName: SCENE_A });
    await obs.call('CreateScene', { sceneName: SCENE_B });
    // Otherwise the switches below run under the 300 ms Fade and coalesce.
    await switchToCutTransition(obs);

    // SetCurrentProgramScene answers before the switch happens (it lands on the next frame) and two switches
    // within one frame coalesce even with Cut, so wait for each change to be reported, as a show runner must.
    await obs.call('SetCurrentProgramScene', { sceneName: SCENE_A });
    await waitFor(() => programChanges.includes(SCENE_A));
    await obs.call('SetCurrentProgramScene', { sceneName: SCENE_B });
    await waitFor(() => programChanges.includes(SCENE_B));

    expect(programChanges).toEqual([SCENE_A, SCENE_B]);
    expect((await obs.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(SCENE_B);
  });

  it('refuses a wrong or missing password with close code 4009 (authentication failed)', async () => {
    const wrong = await connectError(rig.url, `${rig.password}x`);
    expect(wrong).toBeInstanceOf(OBSWebSocketError);
    expect((wrong as OBSWebSocketError).code).toBe(4009);

    const missing = await connectError(rig.url, undefined);
    expect(missing).toBeInstanceOf(OBSWebSocketError);
    expect((missing as OBSWebSocketError).code).toBe(4009);
  });

  it('keeps the password off command lines and out of OBS logs', () => {
    expect(rig.password).toMatch(/^[0-9a-f]{32}$/);
    const cmdline = readFileSync(`/proc/${rig.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline[0]).toBe('obs');
    expect(cmdline).toContain(String(rig.port));
    const members = processGroupMembers(rig.processGroup);
    expect(members.map((member) => member.comm)).toEqual(expect.arrayContaining(['xvfb-run', 'Xvfb', 'obs']));
    let checked = 0;
    for (const member of members) {
      let args: string;
      try {
        args = readFileSync(`/proc/${member.pid}/cmdline`, 'utf8');
      } catch {
        continue; // the watchdog's short-lived `sleep 1`
      }
      expect(args).not.toContain(rig.password);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(3);

    const logsDir = join(rig.home, '.config', 'obs-studio', 'logs');
    const obsLogs = readdirSync(logsDir).map((name) => readFileSync(join(logsDir, name), 'utf8'));
    expect(obsLogs.join('\n')).toContain('obs-websocket');
    expect(obsLogs.join('\n')).not.toContain(rig.password);
    expect(rig.logTail(1_000)).toContain('WebSocketServer');
    expect(rig.logTail(1_000)).not.toContain(rig.password);
  });

  it('restart() after OBS dies brings it back on the same URL and password with the same scene collection', async () => {
    const obs = await connectClient();
    // What OBS had saved in HOME when it died is what it must load again (OBS saves on its own schedule, so the
    // very last change before a crash may be missing: compare with the file, not with what was created).
    const savedScenes = savedSceneNames(rig.home);
    expect(savedScenes.some((name) => name.startsWith('KOL Test'))).toBe(true);
    const closed = new Promise<OBSWebSocketError>((resolve) => obs.once('ConnectionClosed', resolve));
    const { url, password, port } = rig;
    const crashedPid = rig.pid;

    rig.kill();
    expect((await closed).code).toBe(1006);
    await waitFor(() => !isAlive(crashedPid));
    expect(rig.running).toBe(false);
    await waitFor(async () => !(await tcpAccepts(port)));

    await rig.restart();
    expect(rig.running).toBe(true);
    expect(rig.pid).not.toBe(crashedPid);
    expect(isAlive(rig.pid)).toBe(true);
    expect([rig.url, rig.password, rig.port]).toEqual([url, password, port]);

    const again = await connectClient();
    const scenes = (await again.call('GetSceneList')).scenes.map((scene) => scene.sceneName);
    expect([...scenes].sort()).toEqual([...savedScenes].sort());
  }, OBS_START_HOOK_TIMEOUT_MS);

  it('stop() ends OBS, Xvfb and xvfb-run and removes the temporary HOME', async () => {
    const { home, port, processGroup } = rig;
    const obsPid = rig.pid;
    const xvfbPid = processGroupMembers(processGroup).find((member) => member.comm === 'Xvfb')?.pid ?? -1;
    expect(isAlive(obsPid)).toBe(true);
    expect(isAlive(xvfbPid)).toBe(true);
    expect(isAlive(processGroup)).toBe(true); // xvfb-run leads the group
    expect(existsSync(home)).toBe(true);

    await rig.stop();

    expect(isAlive(obsPid)).toBe(false);
    expect(isAlive(xvfbPid)).toBe(false);
    expect(isAlive(processGroup)).toBe(false);
    expect(existsSync(home)).toBe(false);
    expect(await tcpAccepts(port)).toBe(false);
    await rig.stop(); // idempotent
  });
});
