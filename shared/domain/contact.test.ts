/** Creator contact checks: what a producer types is accepted, typos are caught, blank is "not given". */
import { describe, expect, it } from 'vitest';
import { contactProblem, isEmail, isPhone } from './contact';

describe('contact checks', () => {
  it('accepts real addresses and refuses typos', () => {
    for (const ok of ['lin@glow.cn', 'a.b+tag@mcn.example.co.uk', '小雨@例子.中国']) expect(isEmail(ok), ok).toBe(true);
    for (const bad of ['lin@glow', 'lin glow@x.cn', 'lin@@glow.cn', '@glow.cn', 'lin@.cn', 'lin@glow.']) expect(isEmail(bad), bad).toBe(false);
  });

  it('accepts phone numbers written the usual ways', () => {
    for (const ok of ['+86 138 0013 8000', '(415) 555-0134', '138-0013-8000', '+65 6123.4567']) expect(isPhone(ok), ok).toBe(true);
    for (const bad of ['call me', '123', '+86 138 0013 8000 ext 5', '1'.repeat(21)]) expect(isPhone(bad), bad).toBe(false);
  });

  it('treats blank as not given and names the problem of each field', () => {
    expect(contactProblem('email', '   ')).toBeNull();
    expect(contactProblem('email', 'lin@glow')).toBe('badEmail');
    expect(contactProblem('phone', 'abc')).toBe('badPhone');
    expect(contactProblem('wechatId', 'has space')).toBe('badWechatId');
    expect(contactProblem('wechatId', 'xiaoyu_2024')).toBeNull();
    expect(contactProblem('agency', '星辰MCN')).toBeNull();
    expect(contactProblem('agency', 'x'.repeat(201))).toBe('tooLong');
  });
});
