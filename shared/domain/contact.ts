/**
 * Contact details of a creator (email, phone, WeChat ID, agency or MCN): pure checks shared by the form, the
 * CSV import and the backup schema, so every door accepts and refuses the same text.
 * Invariants: blank means "not given" (stored as absent, never as ''); an email is one address
 * (local@domain.tld, no spaces); a phone holds digits with the usual separators (+, spaces, dashes, dots,
 * brackets) and 5 to 20 digits; a WeChat ID is free text of at most 40 characters (old accounts use a phone
 * number or a QQ number as their ID), with no spaces.
 */

export const contactLimits = { email: 254, phone: 40, wechatId: 40, agency: 200 } as const;

const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

export function isEmail(text: string): boolean {
  return text.length <= contactLimits.email && emailPattern.test(text);
}

export function isPhone(text: string): boolean {
  if (text.length > contactLimits.phone || !/^\+?[\d\s\-.()]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

export function isWechatId(text: string): boolean {
  return text.length <= contactLimits.wechatId && /^\S+$/u.test(text);
}

export type ContactField = 'email' | 'phone' | 'wechatId' | 'agency';
export type ContactProblem = 'badEmail' | 'badPhone' | 'badWechatId' | 'tooLong';

/** The problem with one contact field's text ('' trims to "not given": no problem), or null when it is fine. */
export function contactProblem(field: ContactField, raw: string): ContactProblem | null {
  const text = raw.trim();
  if (text === '') return null;
  switch (field) {
    case 'email':
      return isEmail(text) ? null : 'badEmail';
    case 'phone':
      return isPhone(text) ? null : 'badPhone';
    case 'wechatId':
      return isWechatId(text) ? null : 'badWechatId';
    case 'agency':
      return text.length <= contactLimits.agency ? null : 'tooLong';
    default:
      return field satisfies never;
  }
}
