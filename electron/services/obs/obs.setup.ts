/**
 * Prepares OBS for a show: the show's scenes, its overlay sources, and those sources as scene items.
 *
 * Invariants:
 * - Idempotent: it only creates what is missing, so running it twice creates nothing the second time; it never
 *   deletes or renames anything (a user's own scenes and sources are left alone).
 * - Overlays are created hidden (scene item disabled): setup never puts anything on air; the OBS driver shows them
 *   when the desired state says so.
 * - Kinds: an overlay with a URL becomes a `browser_source` when this OBS has that input kind (GetInputKindList;
 *   Windows and macOS builds do, Debian's does not); otherwise it falls back to a native input: text
 *   (text_ft2_source_v2, else text_gdiplus_v3/v2) or image (image_source).
 * - Settings it keeps updated on existing inputs are configuration only (browser `url`, image `file`); a text
 *   input's `text` is set only when setup creates it, because live text belongs to the driver's desired state.
 * - An existing input of another kind under an overlay's name is kept as it is and reported as a conflict.
 * - A native (text/image) overlay is placed when setup creates it: in its `box` (fractions of the canvas; OBS
 *   shrinks the text to the box when it is larger: bounds "max only"; the box of the canvas's orientation) or else
 *   at its `anchor`; a browser source is a
 *   whole page the size of the canvas and stays at 0,0. An existing scene item's position is the user's and is left
 *   alone, except by placeOverlays(), which the studio runs only after it changed OBS's canvas at the user's request.
 * - With `overlayScene`, the overlay sources live in that one scene, which is nested (as a scene item, visible)
 *   into every show scene; the driver then toggles overlays in the overlay scene. Without it, the sources are
 *   added to every show scene directly.
 * - nestBaseScene() puts a user's own base scene (camera, capture) into every show scene as a visible scene item
 *   at the bottom (under the overlays), only where it is not there yet: running it again adds nothing. It never
 *   nests a scene into itself, into the overlay scene, or into a scene it contains (OBS would refuse the loop).
 */
import type { OBSWebSocket } from 'obs-websocket-js';
import type { Orientation } from '../../../shared/domain/safe-zones';

/** What setup needs of a connected client (the driver passes one whose calls time out). */
export type ObsCaller = Pick<OBSWebSocket, 'call'>;

export type OverlayKind = 'text' | 'image' | 'browser';

export interface OverlaySourceSpec {
  name: string;
  kind: OverlayKind;
  /** Overlay page URL (browser sources; also given for text/image so OBS builds with a browser can use it). */
  url?: string;
  /** Initial text of a native text input. */
  text?: string;
  /** Absolute image path for an image input. */
  file?: string;
  /** Where a native overlay sits, as fractions of the canvas, and which of its corners is at that point. */
  anchor?: OverlayAnchor;
  /**
   * The box a native overlay stays inside, per canvas orientation (takes precedence over `anchor`): setup uses the
   * one of the canvas OBS really has, so a show on a canvas of the other orientation still has its overlays in the
   * picture (the studio says the canvas does not match and offers to change it).
   */
  boxes?: Record<'vertical' | 'landscape', OverlayBox>;
}

/** A box on the canvas, as fractions of its width and height, and the corner the overlay hugs inside it. */
export interface OverlayBox {
  x: number;
  y: number;
  w: number;
  h: number;
  corner: OverlayAnchor['corner'];
}

export interface OverlayAnchor {
  x: number;
  y: number;
  corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
}

/** obs-websocket alignment flags (OBS_ALIGN_*): left 1, right 2, top 4, bottom 8. */
const cornerAlignment: Record<OverlayAnchor['corner'], number> = {
  'top-left': 1 | 4,
  'top-right': 2 | 4,
  'bottom-left': 1 | 8,
  'bottom-right': 2 | 8,
};

export interface ObsShowSetup {
  scenes: string[];
  overlaySources: OverlaySourceSpec[];
  overlayScene?: string;
  /** The show's orientation: cues also address the OBS canvas that matches it (obs.driver, obs.canvas-target). */
  orientation?: Orientation;
}

export interface SceneItemRef {
  scene: string;
  source: string;
}

export interface ObsSetupReport {
  created: { scenes: string[]; inputs: Array<{ name: string; kind: string }>; sceneItems: SceneItemRef[] };
  existing: { scenes: string[]; inputs: Array<{ name: string; kind: string }>; sceneItems: SceneItemRef[] };
  /** Inputs whose configuration settings (url, file) were changed. */
  updatedSettings: string[];
  conflicts: string[];
  /** Whether this OBS has the browser_source input kind. */
  browserSource: boolean;
}

export const BROWSER_KIND = 'browser_source';
export const IMAGE_KIND = 'image_source';
const TEXT_KINDS = ['text_ft2_source_v2', 'text_gdiplus_v3', 'text_gdiplus_v2'] as const;

export function isTextInputKind(kind: string): boolean {
  return kind.startsWith('text_ft2_source') || kind.startsWith('text_gdiplus');
}

/** Whether a report shows that setup created anything (false on a second run). */
export function setupCreatedAnything(report: ObsSetupReport): boolean {
  const { scenes, inputs, sceneItems } = report.created;
  return scenes.length + inputs.length + sceneItems.length > 0;
}

interface ResolvedSource {
  kind: string;
  /** Settings setup keeps equal on an existing input. */
  managed: Record<string, string>;
  /** Settings used only when creating the input. */
  initial: Record<string, unknown>;
}

function resolveSource(spec: OverlaySourceSpec, kinds: ReadonlySet<string>, canvas: () => Promise<{ width: number; height: number }>): Promise<ResolvedSource> | ResolvedSource {
  if (spec.url !== undefined && (spec.kind === 'browser' || spec.kind === 'text') && kinds.has(BROWSER_KIND)) {
    const url = spec.url;
    return canvas().then(({ width, height }) => ({ kind: BROWSER_KIND, managed: { url }, initial: { url, width, height } }));
  }
  if (spec.kind === 'image') {
    const managed: Record<string, string> = spec.file !== undefined ? { file: spec.file } : {};
    return { kind: IMAGE_KIND, managed, initial: { ...managed } };
  }
  const textKind = TEXT_KINDS.find((kind) => kinds.has(kind)) ?? TEXT_KINDS[0];
  const initial: Record<string, unknown> = { text: spec.text ?? '' };
  // A face with Chinese glyphs: FreeType text sources draw missing glyphs as boxes rather than falling back.
  if (textKind.startsWith('text_ft2')) initial.font = { face: 'Noto Sans CJK SC', size: 48, style: 'Regular', flags: 0 };
  else initial.font = { face: 'Microsoft YaHei', size: 48, style: 'Regular', flags: 0 };
  return { kind: textKind, managed: {}, initial };
}

/** The point of a box where its `corner` is (fractions of the canvas). */
function cornerPoint(box: OverlayBox): { x: number; y: number } {
  const right = box.corner.endsWith('right');
  const bottom = box.corner.startsWith('bottom');
  return { x: right ? box.x + box.w : box.x, y: bottom ? box.y + box.h : box.y };
}

/** The scene item transform that puts a native overlay in its box (or at its anchor) on a canvas; none without either. */
export function nativeTransform(spec: Pick<OverlaySourceSpec, 'boxes' | 'anchor'>, canvas: { width: number; height: number }): Record<string, number | string> | undefined {
  const box = spec.boxes?.[canvas.height > canvas.width ? 'vertical' : 'landscape'];
  if (box) {
    const point = cornerPoint(box);
    return {
      positionX: Math.round(point.x * canvas.width),
      positionY: Math.round(point.y * canvas.height),
      alignment: cornerAlignment[box.corner],
      boundsType: 'OBS_BOUNDS_MAX_ONLY',
      boundsWidth: Math.max(1, Math.floor(box.w * canvas.width)),
      boundsHeight: Math.max(1, Math.floor(box.h * canvas.height)),
      boundsAlignment: cornerAlignment[box.corner],
    };
  }
  if (spec.anchor) return { positionX: spec.anchor.x * canvas.width, positionY: spec.anchor.y * canvas.height, alignment: cornerAlignment[spec.anchor.corner] };
  return undefined;
}

export interface PlaceOverlaysReport {
  placed: string[];
  /** Browser sources resized to the canvas. */
  resized: string[];
}

/**
 * Places the studio's own overlay items again for the current canvas (after the studio changed it): native overlays
 * into their boxes, browser sources resized to the canvas. Only the setup's overlay sources in the scenes that carry
 * them are touched; anything missing is skipped (Set up OBS creates it).
 */
export async function placeOverlays(obs: ObsCaller, setup: ObsShowSetup): Promise<PlaceOverlaysReport> {
  const report: PlaceOverlaysReport = { placed: [], resized: [] };
  const video = await obs.call('GetVideoSettings');
  const canvas = { width: video.baseWidth, height: video.baseHeight };
  const { scenes } = await obs.call('GetSceneList');
  const have = new Set(scenes.map((scene) => String(scene.sceneName)));
  const itemScenes = (setup.overlayScene !== undefined ? [setup.overlayScene] : setup.scenes).filter((scene) => have.has(scene));
  const { inputs } = await obs.call('GetInputList');
  const kinds = new Map(inputs.map((input) => [String(input.inputName), String(input.inputKind)]));
  for (const spec of setup.overlaySources) {
    const kind = kinds.get(spec.name);
    if (kind === undefined) continue;
    if (kind === BROWSER_KIND) {
      await obs.call('SetInputSettings', { inputName: spec.name, inputSettings: { width: canvas.width, height: canvas.height }, overlay: true });
      report.resized.push(spec.name);
      continue;
    }
    const transform = nativeTransform(spec, canvas);
    if (!transform) continue;
    for (const sceneName of itemScenes) {
      const { sceneItems } = await obs.call('GetSceneItemList', { sceneName });
      for (const item of sceneItems.filter((i) => String(i.sourceName) === spec.name)) {
        await obs.call('SetSceneItemTransform', { sceneName, sceneItemId: Number(item.sceneItemId), sceneItemTransform: transform });
        report.placed.push(spec.name);
      }
    }
  }
  return report;
}

export async function setupObsForShow(obs: ObsCaller, setup: ObsShowSetup): Promise<ObsSetupReport> {
  const report: ObsSetupReport = {
    created: { scenes: [], inputs: [], sceneItems: [] },
    existing: { scenes: [], inputs: [], sceneItems: [] },
    updatedSettings: [],
    conflicts: [],
    browserSource: false,
  };
  const showScenes = [...new Set(setup.scenes)];
  const allScenes = setup.overlayScene !== undefined ? [...new Set([...showScenes, setup.overlayScene])] : showScenes;

  const [{ inputKinds }, sceneList, inputList] = await Promise.all([
    obs.call('GetInputKindList', { unversioned: false }),
    obs.call('GetSceneList'),
    obs.call('GetInputList'),
  ]);
  const kinds = new Set(inputKinds);
  report.browserSource = kinds.has(BROWSER_KIND);

  const haveScenes = new Set(sceneList.scenes.map((scene) => String(scene.sceneName)));
  for (const scene of allScenes) {
    if (haveScenes.has(scene)) {
      report.existing.scenes.push(scene);
      continue;
    }
    await obs.call('CreateScene', { sceneName: scene });
    report.created.scenes.push(scene);
  }

  let canvasSize: Promise<{ width: number; height: number }> | undefined;
  const canvas = () =>
    (canvasSize ??= obs.call('GetVideoSettings').then((video) => ({ width: video.baseWidth, height: video.baseHeight })));

  const itemScenes = setup.overlayScene !== undefined ? [setup.overlayScene] : showScenes;
  const sceneItems = new Map<string, Set<string>>();
  const itemsOf = async (scene: string): Promise<Set<string>> => {
    let items = sceneItems.get(scene);
    if (!items) {
      const { sceneItems: list } = await obs.call('GetSceneItemList', { sceneName: scene });
      items = new Set(list.map((item) => String(item.sourceName)));
      sceneItems.set(scene, items);
    }
    return items;
  };

  const haveInputs = new Map(inputList.inputs.map((input) => [String(input.inputName), String(input.inputKind)]));
  for (const spec of setup.overlaySources) {
    const resolved = await resolveSource(spec, kinds, canvas);
    const existingKind = haveInputs.get(spec.name);
    if (existingKind === undefined) {
      const firstScene = itemScenes[0];
      if (firstScene === undefined) throw new Error('OBS setup needs at least one scene to put overlay sources in.');
      const { sceneItemId } = await obs.call('CreateInput', {
        sceneName: firstScene,
        inputName: spec.name,
        inputKind: resolved.kind,
        inputSettings: resolved.initial as never,
        sceneItemEnabled: false,
      });
      const transform = resolved.kind !== BROWSER_KIND ? nativeTransform(spec, await canvas()) : undefined;
      if (transform) await obs.call('SetSceneItemTransform', { sceneName: firstScene, sceneItemId, sceneItemTransform: transform });
      haveInputs.set(spec.name, resolved.kind);
      report.created.inputs.push({ name: spec.name, kind: resolved.kind });
      report.created.sceneItems.push({ scene: firstScene, source: spec.name });
      (await itemsOf(firstScene)).add(spec.name);
    } else {
      report.existing.inputs.push({ name: spec.name, kind: existingKind });
      if (existingKind !== resolved.kind) {
        report.conflicts.push(`"${spec.name}" exists as ${existingKind}, not ${resolved.kind}: kept as it is`);
      } else if (Object.keys(resolved.managed).length > 0) {
        const { inputSettings } = await obs.call('GetInputSettings', { inputName: spec.name });
        const stale = Object.entries(resolved.managed).some(([key, value]) => inputSettings[key] !== value);
        if (stale) {
          await obs.call('SetInputSettings', { inputName: spec.name, inputSettings: resolved.managed, overlay: true });
          report.updatedSettings.push(spec.name);
        }
      }
    }
  }

  for (const scene of itemScenes) {
    const items = await itemsOf(scene);
    for (const spec of setup.overlaySources) {
      const ref = { scene, source: spec.name };
      if (report.created.sceneItems.some((item) => item.scene === scene && item.source === spec.name)) continue;
      if (items.has(spec.name)) {
        report.existing.sceneItems.push(ref);
        continue;
      }
      await obs.call('CreateSceneItem', { sceneName: scene, sourceName: spec.name, sceneItemEnabled: false });
      items.add(spec.name);
      report.created.sceneItems.push(ref);
    }
  }

  if (setup.overlayScene !== undefined) {
    const overlayScene = setup.overlayScene;
    for (const scene of showScenes) {
      if (scene === overlayScene) continue;
      const items = await itemsOf(scene);
      const ref = { scene, source: overlayScene };
      if (items.has(overlayScene)) {
        report.existing.sceneItems.push(ref);
        continue;
      }
      await obs.call('CreateSceneItem', { sceneName: scene, sourceName: overlayScene, sceneItemEnabled: true });
      items.add(overlayScene);
      report.created.sceneItems.push(ref);
    }
  }
  return report;
}

export interface NestBaseSceneArgs {
  /** The user's scene to nest (a camera or capture scene already in OBS). */
  baseScene: string;
  /** The show's scenes to nest it into. */
  scenes: string[];
  /** The scene that carries the overlays (never gets the base scene). */
  overlayScene?: string;
}

export interface NestBaseSceneReport {
  nestedInto: string[];
  alreadyThere: string[];
  /** Show scenes skipped: the base scene itself, or one it contains (nesting would loop). */
  skipped: string[];
}

/** Scenes nested (directly or deeper) in `scene`, read from OBS. */
async function nestedScenes(obs: ObsCaller, scene: string, sceneNames: ReadonlySet<string>, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(scene)) return seen;
  seen.add(scene);
  const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: scene });
  for (const item of sceneItems) {
    const source = String(item.sourceName);
    if (sceneNames.has(source)) await nestedScenes(obs, source, sceneNames, seen);
  }
  return seen;
}

/** Nests `baseScene` into every show scene, at the bottom (see the header). Throws when the base scene is missing. */
export async function nestBaseScene(obs: ObsCaller, args: NestBaseSceneArgs): Promise<NestBaseSceneReport> {
  const report: NestBaseSceneReport = { nestedInto: [], alreadyThere: [], skipped: [] };
  const { scenes } = await obs.call('GetSceneList');
  const sceneNames = new Set(scenes.map((scene) => String(scene.sceneName)));
  if (!sceneNames.has(args.baseScene)) throw new Error(`The scene "${args.baseScene}" is not in OBS any more.`);
  const inBase = await nestedScenes(obs, args.baseScene, sceneNames);
  for (const scene of [...new Set(args.scenes)]) {
    if (scene === args.overlayScene || !sceneNames.has(scene)) continue;
    if (inBase.has(scene)) {
      report.skipped.push(scene);
      continue;
    }
    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: scene });
    if (sceneItems.some((item) => String(item.sourceName) === args.baseScene)) {
      report.alreadyThere.push(scene);
      continue;
    }
    const { sceneItemId } = await obs.call('CreateSceneItem', { sceneName: scene, sourceName: args.baseScene, sceneItemEnabled: true });
    await obs.call('SetSceneItemIndex', { sceneName: scene, sceneItemId, sceneItemIndex: 0 });
    report.nestedInto.push(scene);
  }
  return report;
}
