import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { startDevServer } from '../../temporal/dev-server';
import { freePort } from '../support/ports';
import { SHARED } from './shared-services';

/**
 * Starts the real parts once per test run: embedded PostgreSQL, the Temporal dev server, and one
 * workflow bundle. Each test file then makes its own database and task queue, so files run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'portal-test-'));
  chmodSync(root, 0o755);
  const [postgresPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const started = await Promise.allSettled([
    startEmbeddedPostgres(path.join(root, 'db'), postgresPort),
    startDevServer({ dataDir: path.join(root, 'temporal'), port: temporalPort, uiPort, namespace: 'default' }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger }),
  ] as const);
  const [database, temporal, bundle] = started;
  if (database.status === 'rejected' || temporal.status === 'rejected' || bundle.status === 'rejected') {
    // jest skips global teardown when setup fails, so stop whatever did start.
    if (database.status === 'fulfilled') await database.value.stop();
    if (temporal.status === 'fulfilled') await temporal.value.stop();
    rmSync(root, { recursive: true, force: true });
    throw started.find((result) => result.status === 'rejected')!.reason;
  }
  const bundlePath = path.join(root, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.value.code);

  process.env[SHARED.adminDatabaseUrl] = database.value.url;
  process.env[SHARED.temporalAddress] = temporal.value.address;
  process.env[SHARED.workflowBundle] = bundlePath;
  (globalThis as { __portalTestServices?: unknown }).__portalTestServices = { root, database: database.value, temporal: temporal.value };
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
