/**
 * Places the overlay page's elements from the shared layout (shared/runner/overlay-layout.ts): the page is sized
 * to its viewport (the OBS browser source's width and height), the show's platforms pick the safe zones.
 *
 * Invariants: only CSSOM writes (CSP: no inline style); a placement is recomputed only when the viewport or the
 * platforms change (never per render); every element's box stays inside its layout box: a fixed design height,
 * a width (or a max-width for elements sized to their content), scaled from the anchored corner.
 */
import { overlayLayout, type ElementBox, type LayoutElement } from '../../../../shared/runner/overlay-layout';

/** data-overlay name → layout element. */
const elementOf: Record<string, LayoutElement> = {
  deal: 'deal',
  countdown: 'countdown',
  stock: 'stock',
  disclosure: 'disclosure',
  'lower-third': 'lowerThird',
  giveaway: 'giveaway',
  'rehearsal-mark': 'mark',
};

function place(el: HTMLElement, b: ElementBox, canvasW: number): void {
  const s = el.style;
  const k = b.scale;
  s.setProperty('top', `${b.y}px`);
  s.setProperty('height', `${b.h / k}px`);
  s.setProperty(b.fit ? 'max-width' : 'width', `${b.w / k}px`);
  s.removeProperty(b.fit ? 'width' : 'max-width');
  if (b.anchor === 'right') {
    s.removeProperty('left');
    s.setProperty('right', `${canvasW - (b.x + b.w)}px`);
    s.setProperty('transform-origin', 'top right');
    s.setProperty('transform', `scale(${k})`);
  } else if (b.anchor === 'center') {
    s.removeProperty('right');
    s.setProperty('left', `${b.x + b.w / 2}px`);
    s.setProperty('transform-origin', 'top center');
    s.setProperty('transform', `translateX(-50%) scale(${k})`);
  } else {
    s.removeProperty('right');
    s.setProperty('left', `${b.x}px`);
    s.setProperty('transform-origin', 'top left');
    s.setProperty('transform', `scale(${k})`);
  }
}

export class OverlayPlacer {
  private key = '';

  constructor(
    private readonly stage: HTMLElement,
    private readonly elements: ReadonlyMap<string, HTMLElement>,
  ) {}

  /** Lays the elements out for this viewport and these platforms (a no-op when neither changed). */
  update(platforms: readonly string[], width: number, height: number): void {
    const key = `${width}x${height}|${platforms.join(',')}`;
    if (key === this.key || width <= 0 || height <= 0) return;
    this.key = key;
    const layout = overlayLayout(platforms, { w: width, h: height });
    for (const [name, element] of Object.entries(elementOf)) {
      const el = this.elements.get(name);
      if (el) place(el, layout.boxes[element], width);
    }
    const root = document.documentElement;
    root.dataset.orientation = layout.orientation;
    this.stage.dataset.laidOut = '';
  }
}
