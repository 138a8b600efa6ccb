import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  const [database, temporal, bundle] = await Promise.all([
    startEmbeddedPostgres(path.join(root, 'db'), postgresPort),
    startDevServer({ dataDir: path.join(root, 'temporal'), port: temporalPort, uiPort, namespace: 'default' }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger }),
  ]);
  const bundlePath = path.join(root, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  process.env[SHARED.adminDatabaseUrl] = database.url;
  process.env[SHARED.temporalAddress] = temporal.address;
  process.env[SHARED.workflowBundle] = bundlePath;
  (globalThis as { __portalTestServices?: unknown }).__portalTestServices = { database, temporal };
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
