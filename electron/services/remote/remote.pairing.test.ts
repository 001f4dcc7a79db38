import { describe, expect, it } from 'vitest';
import { AttemptWindow, generatePairingCode, normalizePairingCode, PAIRING_ALPHABET, PairingCodes } from './remote.pairing';

describe('pairing codes', () => {
  it('are six characters without look-alikes', () => {
    for (let i = 0; i < 200; i += 1) expect(generatePairingCode()).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`));
    expect(PAIRING_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('forgive case, spaces and dashes when typed', () => {
    expect(normalizePairingCode(' k7p-4qx ')).toBe('K7P4QX');
  });

  it('work once, for two minutes, and a new code retires the old one', () => {
    let now = 0;
    const codes = new PairingCodes({ now: () => now, perAddressLimit: 100, globalLimit: 100 });
    const a = codes.create('cohost');
    expect(codes.redeem(a.code.toLowerCase(), 'x')).toEqual({ ok: true, role: 'cohost' });
    expect(codes.redeem(a.code, 'x')).toEqual({ ok: false, reason: 'invalid' });
    const b = codes.create('host');
    now += 2 * 60_000;
    expect(codes.redeem(b.code, 'x')).toEqual({ ok: false, reason: 'invalid' });
    const c = codes.create('host');
    const d = codes.create('viewer');
    expect(codes.redeem(c.code, 'x').ok).toBe(false);
    expect(codes.redeem(d.code, 'x')).toEqual({ ok: true, role: 'viewer' });
  });

  it('limit attempts per address and overall, whatever the code', () => {
    let now = 0;
    const codes = new PairingCodes({ now: () => now, perAddressLimit: 3, globalLimit: 5, windowMs: 60_000 });
    const { code } = codes.create('host');
    for (let i = 0; i < 3; i += 1) expect(codes.redeem('ZZZZZZ', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(codes.redeem(code, '10.0.0.1')).toMatchObject({ ok: false, reason: 'rate-limited' });
    // Other addresses share the global window: 2 more attempts, then everyone waits.
    expect(codes.redeem('ZZZZZZ', '10.0.0.2').ok).toBe(false);
    expect(codes.redeem('ZZZZZZ', '10.0.0.3').ok).toBe(false);
    expect(codes.redeem(code, '10.0.0.4')).toMatchObject({ ok: false, reason: 'rate-limited' });
    now += 60_001;
    expect(codes.redeem(code, '10.0.0.4')).toEqual({ ok: true, role: 'host' });
  });

  it('attempt windows slide', () => {
    const window = new AttemptWindow(2, 1000);
    expect(window.take('a', 0)).toBe(0);
    expect(window.take('a', 500)).toBe(0);
    expect(window.take('a', 600)).toBe(400);
    expect(window.take('a', 1001)).toBe(0);
  });
});
