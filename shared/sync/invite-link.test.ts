import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeInviteLink, INVITE_LINK_PREFIX, parseInviteLink, type Invite } from './invite-link';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJ3cyI6IndzLTEiLCJyb2xlIjoicHJvZHVjZXIifQ.c2lnbmF0dXJl';
const invite: Invite = { server: 'ws://192.168.1.20:4480', workspaceId: 'ws-1', workspaceName: 'Agence Lumière 光', role: 'producer', token };

function linkOf(payload: unknown, version = 1): string {
  const json = JSON.stringify(payload);
  return `${INVITE_LINK_PREFIX}${version}:${Buffer.from(json, 'utf8').toString('base64url')}`;
}

describe('invite links', () => {
  it('encode to one line that parses back to the same invite', () => {
    const link = encodeInviteLink(invite);
    expect(link.startsWith('kolstudio-invite:1:')).toBe(true);
    expect(link).toMatch(/^[A-Za-z0-9:_-]+$/);
    expect(parseInviteLink(link)).toEqual({ ok: true, invite });
  });

  it('survive copy-paste: surrounding blank lines, wrapped lines, quotes and angle brackets', () => {
    const link = encodeInviteLink(invite);
    const wrapped = `\n  ${link.slice(0, 30)}\r\n${link.slice(30, 70)}\n ${link.slice(70)}  \n`;
    expect(parseInviteLink(wrapped)).toEqual({ ok: true, invite });
    expect(parseInviteLink(`“${link}”`)).toEqual({ ok: true, invite });
    expect(parseInviteLink(`<${link}>`)).toEqual({ ok: true, invite });
    expect(parseInviteLink(link.replace('kolstudio-invite', 'KolStudio-Invite'))).toEqual({ ok: true, invite });
  });

  it('round-trip any valid invite (property)', () => {
    const inviteArb = fc.record({
      server: fc.constantFrom('ws://127.0.0.1:4480', 'wss://sync.example.com', 'wss://sync.example.com/kol', 'ws://[fd00::5]:4480'),
      workspaceId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      workspaceName: fc.string({ minLength: 1, maxLength: 100 }).filter((name) => name.trim() === name && name.length > 0),
      role: fc.constantFrom('owner' as const, 'producer' as const, 'finance' as const, 'viewer' as const),
      token: fc.constant(token),
    });
    fc.assert(fc.property(inviteArb, (value) => {
      expect(parseInviteLink(encodeInviteLink(value))).toEqual({ ok: true, invite: value });
    }));
  });

  it('say what is wrong with what was pasted, without throwing', () => {
    expect(parseInviteLink('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseInviteLink(' \n\t ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseInviteLink('https://example.com/join?x=1')).toEqual({ ok: false, problem: 'notAnInvite' });
    expect(parseInviteLink(token)).toEqual({ ok: false, problem: 'notAnInvite' });
    const link = encodeInviteLink(invite);
    expect(parseInviteLink(link.slice(0, -12))).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(`${link}!!`)).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink('kolstudio-invite:')).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink('kolstudio-invite:x:abc')).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink('kolstudio-invite:0:abc')).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(linkOf({ ...invite, role: 'admin' }))).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(linkOf({ ...invite, token: 'not a token' }))).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(linkOf({ ...invite, workspaceId: '../etc' }))).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(`${INVITE_LINK_PREFIX}1:${Buffer.from('not json').toString('base64url')}`)).toEqual({ ok: false, problem: 'damaged' });
    expect(parseInviteLink(`${INVITE_LINK_PREFIX}1:${Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')}`)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('tell a link from a newer studio apart from a damaged one', () => {
    expect(parseInviteLink(linkOf({ anything: 'new' }, 2))).toEqual({ ok: false, problem: 'newerVersion' });
    expect(parseInviteLink(`${INVITE_LINK_PREFIX}7:whatever`)).toEqual({ ok: false, problem: 'newerVersion' });
  });

  it('refuse a server that is not a ws:// or wss:// address', () => {
    for (const server of ['http://192.168.1.20:4480', 'ftp://x', 'ws://', 'ws://user:pw@host:4480', 'wss://host/?token=1', 'javascript:alert(1)', 'sync.example.com']) {
      expect(parseInviteLink(linkOf({ ...invite, server }))).toEqual({ ok: false, problem: 'badServer' });
    }
    expect(parseInviteLink(linkOf({ ...invite, server: 42 }))).toEqual({ ok: false, problem: 'damaged' });
  });

  it('ignore fields a newer version-1 writer adds', () => {
    expect(parseInviteLink(linkOf({ ...invite, note: 'welcome' }))).toEqual({ ok: true, invite });
  });

  it('never make a link it would refuse', () => {
    expect(() => encodeInviteLink({ ...invite, server: 'http://x' })).toThrow();
    expect(() => encodeInviteLink({ ...invite, workspaceName: '  ' })).toThrow();
  });
});
