/**
 * planReconcile / applyReconcileResults / reconcileGaps: pure unit tests (no OBS).
 */
import { describe, expect, it } from 'vitest';
import {
  applyReconcileResults,
  emptyObservedState,
  planReconcile,
  reconcileGaps,
  type DesiredObsState,
  type ObservedObsState,
  type ReconcileResult,
} from './obs.reconcile';

const observed: ObservedObsState = {
  programScene: 'Intro',
  scenes: {
    Intro: { Deal: { sceneItemId: 1, enabled: false }, Price: { sceneItemId: 2, enabled: true } },
    Product: { Deal: { sceneItemId: 7, enabled: false }, Price: { sceneItemId: 8, enabled: false } },
  },
  texts: { Price: '¥99' },
};

const ok: ReconcileResult = { requestType: 'x', requestStatus: { result: true, code: 100 } };
const failed: ReconcileResult = { requestType: 'x', requestStatus: { result: false, code: 600, comment: 'not found' } };

describe('planReconcile', () => {
  it('plans nothing when OBS already shows the desired state', () => {
    const desired: DesiredObsState = { programScene: 'Intro', overlays: { Deal: { visible: false }, Price: { visible: true, text: '¥99' } } };
    expect(planReconcile(desired, observed, 'Intro')).toEqual([]);
    expect(planReconcile({ overlays: {} }, observed, 'Intro')).toEqual([]);
  });

  it('plans overlay visibility and text in the target scene first, then the scene switch', () => {
    const desired: DesiredObsState = { programScene: 'Product', overlays: { Deal: { visible: true }, Price: { visible: true, text: '¥79' } } };
    expect(planReconcile(desired, observed, 'Product')).toEqual([
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Product', sceneItemId: 7, sceneItemEnabled: true } },
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Product', sceneItemId: 8, sceneItemEnabled: true } },
      { requestType: 'SetInputSettings', requestData: { inputName: 'Price', inputSettings: { text: '¥79' }, overlay: true } },
      { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Product' } },
    ]);
  });

  it('hides an overlay that is shown and leaves the scene alone when no scene is desired', () => {
    expect(planReconcile({ overlays: { Price: { visible: false } } }, observed, 'Intro')).toEqual([
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Intro', sceneItemId: 2, sceneItemEnabled: false } },
    ]);
  });

  it('skips what OBS lacks (missing scene, scene item, non-text input) and reports it as gaps', () => {
    const desired: DesiredObsState = { programScene: 'Outro', overlays: { Logo: { visible: true, text: 'hi' } } };
    expect(planReconcile(desired, observed, 'Intro')).toEqual([]);
    expect(reconcileGaps(desired, observed, 'Intro')).toEqual([
      'scene "Outro" is missing',
      '"Logo" is not in scene "Intro"',
      '"Logo" is not a text input',
    ]);
    expect(planReconcile(desired, emptyObservedState(), undefined)).toEqual([]);
  });

  it('does not mutate its inputs', () => {
    const frozen = structuredClone(observed);
    planReconcile({ programScene: 'Product', overlays: { Deal: { visible: true, text: 'x' } } }, observed, 'Product');
    expect(observed).toEqual(frozen);
  });
});

describe('applyReconcileResults', () => {
  it('folds only the successful requests into a new observed state', () => {
    const desired: DesiredObsState = { programScene: 'Product', overlays: { Deal: { visible: true }, Price: { visible: true, text: '¥79' } } };
    const plan = planReconcile(desired, observed, 'Product');
    const next = applyReconcileResults(observed, plan, [ok, failed, ok, ok]);
    expect(next.programScene).toBe('Product');
    expect(next.scenes.Product?.Deal).toEqual({ sceneItemId: 7, enabled: true });
    expect(next.scenes.Product?.Price).toEqual({ sceneItemId: 8, enabled: false });
    expect(next.texts.Price).toBe('¥79');
    expect(observed.scenes.Product?.Deal?.enabled).toBe(false);
    // What failed is planned again; the rest is done.
    expect(planReconcile(desired, next, 'Product')).toEqual([
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Product', sceneItemId: 8, sceneItemEnabled: true } },
    ]);
  });

  it('changes nothing when results are missing (a batch that never answered)', () => {
    const plan = planReconcile({ programScene: 'Product', overlays: {} }, observed, 'Product');
    expect(applyReconcileResults(observed, plan, [])).toEqual(observed);
  });
});
