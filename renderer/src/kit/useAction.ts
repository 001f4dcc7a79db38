/**
 * One async action behind a button or a form: `busy` while it runs (for the button's loading state), and its
 * failure either as `problem`, a sentence shown where the user acted (default: errorSentence), or, with `notify`,
 * as an error notification titled by that sentence. A new run clears the previous problem.
 */
import { useCallback, useState } from 'react';
import { notifyError } from '../components/undo';
import { errorSentence } from '../studio/studio-errors';

export interface ActionFailure {
  /** The sentence for a failure shown in place (default: the studio's error sentence). */
  describe?: (error: unknown) => string;
  /** Show failures as a notification with this title instead of in place. */
  notify?: string;
}

export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>, failure: ActionFailure = {}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblemState] = useState<string>();
  // Stable, so effects may list it.
  const setProblem = useCallback((sentence: string | undefined) => setProblemState(sentence), []);
  const run = async (...args: A): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action(...args);
    } catch (error) {
      if (failure.notify !== undefined) notifyError(failure.notify, error);
      else setProblem((failure.describe ?? errorSentence)(error));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, problem, setProblem };
}
