/**
 * Minimal DOM writes for the light pages (overlay, phone): each write remembers what it last wrote and touches the
 * DOM only when the value changed, so a render that changes one number costs one text write.
 * Invariant: text only (textContent) and attributes, never markup; styles only through CSSOM (CSP: no inline style).
 */
export class DomWriter {
  private readonly shown = new Map<string, string | boolean | null>();

  constructor(private readonly find: (key: string) => HTMLElement | undefined) {}

  text(key: string, text: string): void {
    const el = this.find(key);
    if (!el || this.shown.get(key) === text) return;
    this.shown.set(key, text);
    el.textContent = text;
  }

  visible(key: string, visible: boolean): void {
    const el = this.find(key);
    if (!el || el.hidden === !visible) return;
    el.hidden = !visible;
  }

  attr(key: string, name: string, value: string | null): void {
    const el = this.find(key);
    const id = `${key}@${name}`;
    if (!el || this.shown.get(id) === value) return;
    this.shown.set(id, value);
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }

  style(key: string, property: string, value: string): void {
    const el = this.find(key);
    const id = `${key}#${property}`;
    if (!el || this.shown.get(id) === value) return;
    this.shown.set(id, value);
    el.style.setProperty(property, value);
  }

  /** Forgets what was written (a language change rewrites every text). */
  reset(): void {
    this.shown.clear();
  }
}
