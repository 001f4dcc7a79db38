/**
 * setupObsForShow against a real, headless OBS Studio (e2e/support/obs-rig.ts), started once for the file.
 */
import { OBSWebSocket } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_START_HOOK_TIMEOUT_MS, obsTestGate, startObs, type ObsRig } from '../../../e2e/support/obs-rig';
import { BROWSER_KIND, nestBaseScene, setupCreatedAnything, setupObsForShow, type ObsShowSetup } from './obs.setup';

const gate = obsTestGate();

describe.skipIf(gate.skip)('setupObsForShow (real OBS Studio)', () => {
  let rig: ObsRig;
  let obs: OBSWebSocket;

  beforeAll(async () => {
    rig = await startObs();
    obs = new OBSWebSocket();
    await obs.connect(rig.url, rig.password);
  }, OBS_START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await obs?.disconnect().catch(() => undefined);
    await rig?.stop();
  });

  async function itemsOf(sceneName: string): Promise<Map<string, boolean>> {
    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName });
    return new Map(sceneItems.map((item) => [String(item.sourceName), item.sceneItemEnabled === true]));
  }

  it('creates the scenes, the overlay inputs (native kinds when OBS has no browser_source), hidden, in every scene; a second run creates nothing', async () => {
    const { inputKinds } = await obs.call('GetInputKindList', { unversioned: false });
    const hasBrowser = inputKinds.includes(BROWSER_KIND);
    const setup: ObsShowSetup = {
      scenes: ['Setup Intro', 'Setup Product'],
      overlaySources: [
        { name: 'Setup Deal', kind: 'browser', url: 'http://127.0.0.1:5999/overlay/deal', text: 'Deal ¥99' },
        { name: 'Setup Lower Third', kind: 'text', text: 'Hello 你好', anchor: { x: 0.05, y: 0.95, corner: 'bottom-left' } },
        { name: 'Setup Logo', kind: 'image', file: '/tmp/kol-logo.png' },
      ],
    };

    const first = await setupObsForShow(obs, setup);
    expect(first.browserSource).toBe(hasBrowser);
    expect(first.created.scenes).toEqual(['Setup Intro', 'Setup Product']);
    const dealKind = hasBrowser ? BROWSER_KIND : 'text_ft2_source_v2';
    expect(first.created.inputs).toEqual([
      { name: 'Setup Deal', kind: dealKind },
      { name: 'Setup Lower Third', kind: 'text_ft2_source_v2' },
      { name: 'Setup Logo', kind: 'image_source' },
    ]);
    expect(first.created.sceneItems).toHaveLength(6);
    expect(first.conflicts).toEqual([]);

    const { inputs } = await obs.call('GetInputList');
    const kinds = new Map(inputs.map((input) => [String(input.inputName), String(input.inputKind)]));
    expect(kinds.get('Setup Deal')).toBe(dealKind);
    expect(kinds.get('Setup Lower Third')).toBe('text_ft2_source_v2');
    expect(kinds.get('Setup Logo')).toBe('image_source');
    for (const scene of setup.scenes) {
      expect(await itemsOf(scene)).toEqual(
        new Map([
          ['Setup Deal', false],
          ['Setup Lower Third', false],
          ['Setup Logo', false],
        ]),
      );
    }
    // The native text overlay sits at its anchor in the safe area, bottom-left corner there (OBS_ALIGN_LEFT|BOTTOM).
    const video = await obs.call('GetVideoSettings');
    const { sceneItemId: lowerThirdItem } = await obs.call('GetSceneItemId', { sceneName: 'Setup Intro', sourceName: 'Setup Lower Third' });
    const { sceneItemTransform } = await obs.call('GetSceneItemTransform', { sceneName: 'Setup Intro', sceneItemId: lowerThirdItem });
    expect(sceneItemTransform).toMatchObject({ positionX: 0.05 * video.baseWidth, positionY: 0.95 * video.baseHeight, alignment: 9 });
    const lowerThird = await obs.call('GetInputSettings', { inputName: 'Setup Lower Third' });
    expect(lowerThird.inputSettings.text).toBe('Hello 你好');
    if (!hasBrowser) expect((await obs.call('GetInputSettings', { inputName: 'Setup Deal' })).inputSettings.text).toBe('Deal ¥99');

    const second = await setupObsForShow(obs, setup);
    expect(setupCreatedAnything(second)).toBe(false);
    expect(second.existing.scenes).toEqual(setup.scenes);
    expect(second.existing.sceneItems).toHaveLength(6);
    expect(second.updatedSettings).toEqual([]);
    expect((await obs.call('GetSceneList')).scenes.filter((scene) => String(scene.sceneName).startsWith('Setup '))).toHaveLength(2);
  });

  it('recreates only what is missing and updates configuration settings (image file) of existing inputs', async () => {
    const setup: ObsShowSetup = {
      scenes: ['Setup Intro', 'Setup Product', 'Setup Outro'],
      overlaySources: [
        { name: 'Setup Lower Third', kind: 'text', text: 'ignored: live text belongs to the driver' },
        { name: 'Setup Logo', kind: 'image', file: '/tmp/kol-logo-2.png' },
      ],
    };
    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: 'Setup Product' });
    const logoItem = sceneItems.find((item) => item.sourceName === 'Setup Logo');
    await obs.call('RemoveSceneItem', { sceneName: 'Setup Product', sceneItemId: Number(logoItem?.sceneItemId) });

    const report = await setupObsForShow(obs, setup);
    expect(report.created.scenes).toEqual(['Setup Outro']);
    expect(report.created.inputs).toEqual([]);
    expect(report.created.sceneItems).toEqual([
      { scene: 'Setup Product', source: 'Setup Logo' },
      { scene: 'Setup Outro', source: 'Setup Lower Third' },
      { scene: 'Setup Outro', source: 'Setup Logo' },
    ]);
    expect(report.updatedSettings).toEqual(['Setup Logo']);
    expect((await obs.call('GetInputSettings', { inputName: 'Setup Logo' })).inputSettings.file).toBe('/tmp/kol-logo-2.png');
    expect((await obs.call('GetInputSettings', { inputName: 'Setup Lower Third' })).inputSettings.text).toBe('Hello 你好');
    expect((await itemsOf('Setup Product')).get('Setup Logo')).toBe(false);
  });

  it('with an overlay scene: sources live there and that scene is nested, visible, into every show scene; reports an input of another kind as a conflict', async () => {
    await obs.call('CreateInput', { sceneName: 'Setup Intro', inputName: 'Setup Clash', inputKind: 'color_source_v3', inputSettings: {} });
    const setup: ObsShowSetup = {
      scenes: ['Nest A', 'Nest B'],
      overlayScene: 'Nest Overlays',
      overlaySources: [
        { name: 'Nest Price', kind: 'text', text: '¥1' },
        { name: 'Setup Clash', kind: 'text', text: 'x' },
      ],
    };
    const report = await setupObsForShow(obs, setup);
    expect(report.created.scenes).toEqual(['Nest A', 'Nest B', 'Nest Overlays']);
    expect(report.conflicts).toEqual(['"Setup Clash" exists as color_source_v3, not text_ft2_source_v2: kept as it is']);
    expect(await itemsOf('Nest Overlays')).toEqual(
      new Map([
        ['Nest Price', false],
        ['Setup Clash', false],
      ]),
    );
    expect(await itemsOf('Nest A')).toEqual(new Map([['Nest Overlays', true]]));
    expect(await itemsOf('Nest B')).toEqual(new Map([['Nest Overlays', true]]));
    expect(setupCreatedAnything(await setupObsForShow(obs, setup))).toBe(false);
  });

  it('nests a base (camera) scene into every show scene under the overlays, once; never into itself or a scene it holds', async () => {
    // The user's camera scene, holding a colour source as the "camera", and one show scene nested inside it.
    await obs.call('CreateScene', { sceneName: 'Cam' });
    await obs.call('CreateInput', { sceneName: 'Cam', inputName: 'Cam Picture', inputKind: 'color_source_v3', inputSettings: {} });
    await obs.call('CreateSceneItem', { sceneName: 'Cam', sourceName: 'Nest B', sceneItemEnabled: true });
    const args = { baseScene: 'Cam', scenes: ['Nest A', 'Nest B', 'Nest Overlays', 'Cam'], overlayScene: 'Nest Overlays' };

    const first = await nestBaseScene(obs, args);
    expect(first).toEqual({ nestedInto: ['Nest A'], alreadyThere: [], skipped: ['Nest B', 'Cam'] });
    // Bottom first: the camera under the overlays, visible.
    const { sceneItems } = await obs.call('GetSceneItemList', { sceneName: 'Nest A' });
    const order = [...sceneItems].sort((a, b) => Number(a.sceneItemIndex) - Number(b.sceneItemIndex)).map((item) => String(item.sourceName));
    expect(order).toEqual(['Cam', 'Nest Overlays']);
    expect((await itemsOf('Nest A')).get('Cam')).toBe(true);
    expect(await itemsOf('Nest Overlays')).not.toContain('Cam');

    const second = await nestBaseScene(obs, args);
    expect(second).toEqual({ nestedInto: [], alreadyThere: ['Nest A'], skipped: ['Nest B', 'Cam'] });
    expect((await obs.call('GetSceneItemList', { sceneName: 'Nest A' })).sceneItems).toHaveLength(2);
    await expect(nestBaseScene(obs, { ...args, baseScene: 'No Such Camera' })).rejects.toThrow('The scene "No Such Camera" is not in OBS any more.');
  });
});
