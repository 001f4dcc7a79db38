/**
 * The one place where list pages call a repo for a row action: it awaits the work, and a failure becomes an
 * error notice whose title says what could not be done (the message is a sentence: components/undo.tsx). A delete
 * offers its undo. A repo's own refusal (a brand still in use…) can be explained by `explain`, which turns that
 * error into the sentence to show, or returns undefined to fall back to the generic title.
 * Invariant: no row action throws to React; every failure is shown once.
 */
import { notifyDeleted, notifyError } from '../components/undo';

export interface Notices {
  deleted(what: string, undo: () => Promise<void>): void;
  error(title: string, error: unknown): void;
}

const shown: Notices = { deleted: notifyDeleted, error: notifyError };

/** Turns a repo refusal into a titled sentence, or undefined when the error is not one it knows. */
export type Explain = (error: unknown) => { title: string; message: string } | undefined;

export async function runAction<T>(work: () => Promise<T>, failure: string, explain?: Explain, notices: Notices = shown): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const explained = explain?.(error);
    if (explained) notices.error(explained.title, new Error(explained.message));
    else notices.error(failure, error);
    return undefined;
  }
}

/** Deletes through `remove` (which returns the undo), then offers the undo under the row's name. */
export async function deleteWithUndo(name: string, remove: () => Promise<() => Promise<void>>, failure: string, explain?: Explain, notices: Notices = shown): Promise<void> {
  const undo = await runAction(remove, failure, explain, notices);
  if (undo) notices.deleted(name, undo);
}
