import { describe, expect, it } from 'vitest';
import { domains, requestArgs, studioContract, studioMethods } from './registry';
import { studioEvents } from './methods';
import { clientMessageSchema, serverMessageSchema } from './wire';

describe('StudioApi contract', () => {
  it("composes every domain's methods into one table, each name declared by one domain only", () => {
    const declared = Object.values(domains).flatMap((domain) => Object.keys(domain));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...studioMethods].sort()).toEqual([...declared].sort());
    expect(Object.keys(requestArgs).sort()).toEqual([...declared].sort());
    for (const method of studioMethods) expect(typeof studioContract[method].read, method).toBe('boolean');
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

  it('accepts bounded method names and argument lists on the wire (the host answers an unknown name)', () => {
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'getAppInfo', args: [] }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: '', args: [] }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'x'.repeat(101), args: [] }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'req', id: -1, method: 'getAppInfo', args: [] }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'getAppInfo', args: new Array(17).fill(0) }).success).toBe(false);
  });

  it('reads every server message kind, including both response outcomes', () => {
    expect(serverMessageSchema.parse({ t: 'res', id: 3, ok: true, result: { a: 1 } })).toMatchObject({ ok: true });
    expect(serverMessageSchema.parse({ t: 'res', id: 3, ok: false, error: { code: 'failed', message: 'no' } })).toMatchObject({ ok: false });
    expect(serverMessageSchema.parse({ t: 'evt', event: studioEvents[0], payload: {} })).toMatchObject({ t: 'evt' });
    expect(serverMessageSchema.safeParse({ t: 'evt', event: 'nope', payload: {} }).success).toBe(false);
  });

  it("carries an error's code and data in the reply envelope", () => {
    const refused = { t: 'res', id: 4, ok: false, error: { code: 'refused', message: 'pause: no', data: { reason: 'wrong_status', command: 'pause' } } };
    expect(serverMessageSchema.parse(refused)).toEqual(refused);
    expect(serverMessageSchema.safeParse({ t: 'res', id: 4, ok: false, error: { code: 'refused', message: 'x', data: { reason: { deep: 1 } } } }).success).toBe(false);
    expect(serverMessageSchema.safeParse({ t: 'res', id: 4, ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});
