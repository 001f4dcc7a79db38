/**
 * `npm run sync:server -- --port N --data DIR [--host ADDR] [--instance NAME] [--redis redis://HOST:PORT]`:
 * the team sync server (sync.server.ts). Prints one line "KOL Studio sync server listening at ws://…" when
 * ready; shuts down cleanly (documents compacted, exit 0) on SIGINT/SIGTERM.
 *
 * `npm run sync:server -- owner-token --data DIR --workspace ID --out FILE [--label TEXT] [--expires-days N]`:
 * issues the owner token of a workspace (signed with DIR's key) and writes it to FILE (mode 0600). It is the
 * only way to get the first token; the owner then creates invites over HTTP with it.
 *
 * Invariants (the signal and error handling is electron/cli/process-lifecycle.ts):
 * - SIGINT/SIGTERM are handled from the first line: a signal during start-up closes what is open and exits 0;
 * - a token or the key is never printed: the owner token goes to a 0600 file only;
 * - an error from a connection never ends the process: it is logged in one line (name and message) and the
 *   server keeps serving;
 * - two servers cannot use the same instance name in one data folder (their logs would be cut by each other):
 *   `<data>/instances/<name>.pid` names the live one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installProcessLifecycle, type Closer } from '../cli/process-lifecycle';
import { openAccess, workspaceIdSchema } from './sync.access';
import { startSyncServer } from './sync.server';
import { isInstanceName, writeFileAtomic } from './sync.store';

const here = path.dirname(fileURLToPath(import.meta.url));

const lifecycle = installProcessLifecycle('kol-studio sync', 'the server');
function fail(message: string): never {
  return lifecycle.fail(message);
}

/** The package version; source (electron/sync) and build (out/main) both sit two folders below the root. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Claims `<data>/instances/<name>.pid` for this process; fails if a live process holds it. */
async function claimInstance(dataDir: string, instance: string): Promise<Closer> {
  const dir = path.join(dataDir, 'instances');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${instance}.pid`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      let alive = false;
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (alive) fail(`another sync server (pid ${pid}) uses instance name "${instance}" in this data folder: give each instance its own --instance`);
      await unlink(file).catch(() => undefined); // left by a server that was killed
    }
  }
  fail(`could not claim instance name "${instance}"`);
}

async function ownerToken(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, workspace: { type: 'string' }, out: { type: 'string' }, label: { type: 'string', default: 'owner' }, 'expires-days': { type: 'string', default: '365' } },
    strict: true,
  });
  if (!values.data) fail('owner-token needs --data DIR (the sync server\'s data folder)');
  if (!values.out) fail('owner-token needs --out FILE: the token is written there (mode 0600), never printed');
  const workspace = workspaceIdSchema.safeParse(values.workspace ?? '');
  if (!workspace.success) fail(`--workspace: ${workspace.error.issues[0]?.message ?? 'invalid'}`);
  const days = Number(values['expires-days']);
  if (!Number.isInteger(days) || days < 1 || days > 366) fail(`--expires-days must be 1–366, got "${values['expires-days']}"`);
  const dataDir = path.resolve(values.data);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const access = await openAccess(dataDir);
  const { token, issued } = await access.issue({ workspace: workspace.data, role: 'owner', label: values.label, expiresInDays: days });
  await writeFileAtomic(path.resolve(values.out), `${token}\n`, 0o600);
  process.stdout.write(`Owner token for workspace "${issued.workspace}" (id ${issued.id}, expires ${issued.expiresAt}) written to ${path.resolve(values.out)}\n`);
}

async function serve(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '4480' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        instance: { type: 'string', default: 'main' },
        redis: { type: 'string' },
        debounce: { type: 'string', default: '2000' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${values.port}"`);
  if (!values.data) fail('--data DIR is required: the folder where documents, the server key and invites are kept');
  if (!isInstanceName(values.instance)) fail('--instance must be 1–64 letters, digits, "-" or "_"');
  const debounceMs = Number(values.debounce);
  if (!Number.isInteger(debounceMs) || debounceMs < 0 || debounceMs > 60_000) fail(`--debounce must be 0–60000 ms, got "${values.debounce}"`);
  if (values.redis !== undefined && !/^redis:\/\/[^\s]+$/.test(values.redis)) fail('--redis must be a redis:// URL, e.g. redis://127.0.0.1:6379');
  const dataDir = path.resolve(values.data);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  lifecycle.opened(await claimInstance(dataDir, values.instance));
  if (lifecycle.closing) return;
  const server = await startSyncServer({
    port,
    host: values.host,
    dataDir,
    instance: values.instance,
    version: version(),
    debounceMs,
    ...(values.redis !== undefined ? { redisUrl: values.redis } : {}),
  });
  lifecycle.opened(() => server.close());
  if (lifecycle.closing) return;
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stdout.write(`warning: listening on ${values.host}: put it behind TLS (wss://) before the internet sees it\n`);
  }
  const redisNote = values.redis !== undefined ? `, sharing documents through Redis at ${new URL(values.redis).host}` : '';
  process.stdout.write(`KOL Studio sync server listening at ${server.url} (instance ${values.instance}, data ${dataDir}${redisNote})\n`);
}

const [first, ...rest] = process.argv.slice(2);
const run = first === 'owner-token' ? ownerToken(rest) : serve(first === undefined ? [] : [first, ...rest]);
void run.catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
