import { describe, expect, it } from 'vitest';
import { fromWireError, StudioError, encodeForIpc } from './errors';
import { studioEvents, studioMethods } from './methods';
import { requestArgs } from './studio-api';
import { clientMessageSchema, serverMessageSchema } from './wire';

describe('StudioApi contract', () => {
  it('has an argument schema for exactly the listed methods', () => {
    expect(Object.keys(requestArgs).sort()).toEqual([...studioMethods].sort());
  });

  it('validates connectObs arguments: a ws URL, and a password unless the saved one is meant', () => {
    expect(requestArgs.connectObs.safeParse([{ url: 'ws://127.0.0.1:4455', password: 'x', remember: true }]).success).toBe(true);
    expect(requestArgs.connectObs.safeParse([{ url: 'http://127.0.0.1:4455', password: 'x' }]).success).toBe(false);
    expect(requestArgs.connectObs.safeParse([{ url: 'ws://127.0.0.1:4455' }]).success).toBe(true);
    expect(requestArgs.connectObs.safeParse([{ url: 'ws://127.0.0.1:4455', password: 42 }]).success).toBe(false);
    expect(requestArgs.connectObs.safeParse([{ url: 'ws://127.0.0.1:4455', remember: 'yes' }]).success).toBe(false);
    expect(requestArgs.connectObs.safeParse([]).success).toBe(false);
    expect(requestArgs.getAppInfo.safeParse(['extra']).success).toBe(false);
  });

  it('accepts only known methods and bounded argument lists on the wire', () => {
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'getAppInfo', args: [] }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'shutdown', args: [] }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'req', id: -1, method: 'getAppInfo', args: [] }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'getAppInfo', args: new Array(17).fill(0) }).success).toBe(false);
  });

  it('reads every server message kind, including both response outcomes', () => {
    expect(serverMessageSchema.parse({ t: 'res', id: 3, ok: true, result: { a: 1 } })).toMatchObject({ ok: true });
    expect(serverMessageSchema.parse({ t: 'res', id: 3, ok: false, error: { code: 'failed', message: 'no' } })).toMatchObject({ ok: false });
    expect(serverMessageSchema.parse({ t: 'evt', event: studioEvents[0], payload: {} })).toMatchObject({ t: 'evt' });
    expect(serverMessageSchema.safeParse({ t: 'evt', event: 'nope', payload: {} }).success).toBe(false);
  });

  it('keeps error codes across Electron IPC, which carries only a prefixed message', () => {
    const sent = encodeForIpc(new StudioError('invalid-arguments', 'connectObs: argument 0.url: bad'));
    const seen = new Error(`Error invoking remote method 'studio:connectObs': Error: ${sent.message}`);
    const back = fromWireError(seen);
    expect(back.code).toBe('invalid-arguments');
    expect(back.message).toBe('connectObs: argument 0.url: bad');
  });
});
