/**
 * The show form's orientation state. Invariant: until the user picks one explicitly (`chosen`), the value follows the
 * platforms (defaultOrientation: phone-first platforms start vertical); once picked, or when the show already has
 * one, platform changes no longer move it.
 */
import { defaultOrientation, type Orientation } from '../../../../shared/domain/safe-zones';

export interface OrientationState {
  value: Orientation;
  /** The user picked it (or the show already had one): platform changes leave it alone. */
  chosen: boolean;
}

/** The start state of the field for a show (its own orientation, else the default of its platforms). */
export function initialOrientation(orientation: Orientation | undefined, platforms: readonly string[]): OrientationState {
  return orientation ? { value: orientation, chosen: true } : { value: defaultOrientation(platforms), chosen: false };
}

/** The state after the platforms changed: follows them until chosen. */
export function orientationForPlatforms(state: OrientationState, platforms: readonly string[]): OrientationState {
  return state.chosen ? state : { value: defaultOrientation(platforms), chosen: false };
}
