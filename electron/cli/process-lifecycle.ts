/**
 * The life of a command-line server process (the browser host, the sync server): what start-up opened is
 * closed in reverse order on SIGINT/SIGTERM, then the process exits (0 if every close succeeded, else 1);
 * bad usage exits 2 with one line on stderr.
 *
 * Invariants:
 * - install it on the first line of the entry: a signal during start-up closes whatever is already open and
 *   exits; start-up checks `closing` after each await and stops there;
 * - no error from a request or connection can end the process: an uncaught exception or unhandled rejection
 *   is logged (one line, its name and message, never arguments or tokens) and the process keeps serving.
 */

export type Closer = () => Promise<unknown>;

export interface ProcessLifecycle {
  /** Registers something start-up opened. */
  opened(close: Closer): void;
  /** True once a signal arrived: start-up stops. */
  readonly closing: boolean;
  /** Prints "<prefix>: <message>" on stderr and exits 2. */
  fail(message: string): never;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200) ?? ''}`;
  return typeof error;
}

/** `prefix` starts every line ("kol-studio host"); `noun` names the process in sentences ("the host"). */
export function installProcessLifecycle(prefix: string, noun: string): ProcessLifecycle {
  const openedSoFar: Closer[] = [];
  let closing = false;

  function shutdown(signal: string): void {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: shutting down\n`);
    const closers = openedSoFar.splice(0).reverse();
    void closers
      .reduce<Promise<boolean>>((ok, close) => ok.then((good) => close().then(() => good, () => false)), Promise.resolve(true))
      .then((good) => process.exit(good ? 0 : 1));
  }

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`${prefix}: an error was caught and ${noun} keeps serving (${describeError(error)})\n`);
  });
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`${prefix}: a failed task was caught and ${noun} keeps serving (${describeError(reason)})\n`);
  });

  return {
    opened(close) {
      openedSoFar.push(close);
    },
    get closing() {
      return closing;
    },
    fail(message) {
      process.stderr.write(`${prefix}: ${message}\n`);
      process.exit(2);
    },
  };
}
