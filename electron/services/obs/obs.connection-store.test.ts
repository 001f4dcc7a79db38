// The OBS connection store: the password is saved only through an OS secret store, never in plain text, and a
// restart gets it back; without a store it lasts for the session only. The OS store (Electron safeStorage) cannot
// run here, so an AES-256-GCM cipher with a per-test key stands in for it: a real cipher, not a pass-through.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aesTestCipher } from '../storage/aes-test-cipher';
import { OBS_CONNECTION_FILE, ObsConnectionStore } from './obs.connection-store';


const URL = 'ws://127.0.0.1:4455';
const PASSWORD = 'hunter2-obs-secret';

describe('ObsConnectionStore', () => {
  let dataDir: string;
  const fileText = () => readFileSync(join(dataDir, OBS_CONNECTION_FILE), 'utf8');
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kol-obs-conn-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('saves the password through the OS store, never in plain text, and gets it back after a restart', async () => {
    const cipher = aesTestCipher();
    const store = new ObsConnectionStore({ dataDir, cipher });
    await store.remember(URL, PASSWORD, true);
    expect(fileText()).not.toContain(PASSWORD);
    expect(fileText()).toContain(URL);

    const restarted = new ObsConnectionStore({ dataDir, cipher });
    expect(await restarted.settings()).toEqual({ url: URL, passwordStorage: 'os', passwordSaved: true });
    expect(await restarted.credentials()).toEqual({ url: URL, password: PASSWORD });
    expect(JSON.stringify(await restarted.settings())).not.toContain(PASSWORD);
  });

  it('keeps the password for this session only when the user does not ask to remember it', async () => {
    const cipher = aesTestCipher();
    const store = new ObsConnectionStore({ dataDir, cipher });
    await store.remember(URL, PASSWORD, false);
    expect(await store.credentials()).toEqual({ url: URL, password: PASSWORD });
    expect(fileText()).not.toContain(PASSWORD);
    const restarted = new ObsConnectionStore({ dataDir, cipher });
    expect(await restarted.settings()).toEqual({ url: URL, passwordStorage: 'os', passwordSaved: false });
    expect(await restarted.credentials()).toEqual({ url: URL, password: '' });
  });

  it('never writes the password without an OS store, and says the storage is the session', async () => {
    const store = new ObsConnectionStore({ dataDir });
    await store.remember(URL, PASSWORD, true);
    expect(fileText()).not.toContain(PASSWORD);
    expect(await store.settings()).toEqual({ url: URL, passwordStorage: 'session', passwordSaved: true });
    expect(await new ObsConnectionStore({ dataDir }).credentials()).toEqual({ url: URL, password: '' });
  });

  it('uses a password from the environment first and never writes it', async () => {
    const store = new ObsConnectionStore({ dataDir, environmentPassword: PASSWORD, cipher: aesTestCipher() });
    await store.remember(URL, undefined, true);
    expect(await store.credentials()).toEqual({ url: URL, password: PASSWORD });
    expect(await store.settings()).toMatchObject({ passwordStorage: 'environment', passwordSaved: true });
    expect(fileText()).not.toContain(PASSWORD);
  });

  it('keeps the saved password when the user reconnects without typing it, and forgets it on request', async () => {
    const cipher = aesTestCipher();
    const store = new ObsConnectionStore({ dataDir, cipher });
    await store.remember(URL, PASSWORD, true);
    await store.remember('ws://127.0.0.1:4456', undefined, true);
    expect(await new ObsConnectionStore({ dataDir, cipher }).credentials()).toEqual({ url: 'ws://127.0.0.1:4456', password: PASSWORD });
    await store.forgetPassword();
    const restarted = new ObsConnectionStore({ dataDir, cipher });
    expect(await restarted.settings()).toEqual({ url: 'ws://127.0.0.1:4456', passwordStorage: 'os', passwordSaved: false });
  });

  it('treats a corrupt file, a foreign file or another keychain as nothing saved', async () => {
    await new ObsConnectionStore({ dataDir, cipher: aesTestCipher() }).remember(URL, PASSWORD, true);
    // Another machine's (or user's) key cannot decrypt it: no password, no exception.
    const other = new ObsConnectionStore({ dataDir, cipher: aesTestCipher() });
    expect(await other.settings()).toEqual({ url: URL, passwordStorage: 'os', passwordSaved: false });
    expect(await other.credentials()).toEqual({ url: URL, password: '' });

    writeFileSync(join(dataDir, OBS_CONNECTION_FILE), '{"version":1,"url":');
    expect(await new ObsConnectionStore({ dataDir }).settings()).toEqual({ url: null, passwordStorage: 'session', passwordSaved: false });
    writeFileSync(join(dataDir, OBS_CONNECTION_FILE), '{"version":99,"url":"ws://x:1"}');
    expect(await new ObsConnectionStore({ dataDir }).credentials()).toBeNull();
  });
});
