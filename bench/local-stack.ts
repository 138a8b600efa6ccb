import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../lib/logger';
import { startInfrastructure } from '../runtime/infrastructure';
import { freePort } from '../test/support/ports';

export interface LocalStack {
  config: Config;
  log: Logger;
  databaseUrl: string;
  temporalAddress: string;
  /** Stops Temporal and PostgreSQL and deletes their folder. */
  stop(): Promise<void>;
}

/**
 * Embedded PostgreSQL and a Temporal dev server in a fresh temp folder on free ports, for scripts that
 * drive real runs (the history recorder, the benchmark) without touching `data/` or a running portal.
 * Only `env` configures the app: nothing is read from the environment, so no SMTP, Twilio or Slack is
 * configured and every message stays `held` in the outbox.
 */
export async function startLocalStack(name: string, env: Record<string, string> = {}): Promise<LocalStack> {
  // As root, PostgreSQL runs as `postgres`, which must reach this folder: startEmbeddedPostgres opens it to 755.
  const dataDir = mkdtempSync(path.join(tmpdir(), `portal-${name}-`));
  const [port, postgresPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_TASK_QUEUE: `${name}-${randomBytes(4).toString('hex')}`,
    ...env,
  });
  const log = createLogger(config.logLevel);
  const infrastructure = await startInfrastructure(config, log).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    config,
    log,
    databaseUrl: infrastructure.databaseUrl,
    temporalAddress: infrastructure.temporalAddress,
    async stop() {
      await infrastructure.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
