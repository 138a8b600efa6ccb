import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { startDevServer } from '../temporal/dev-server';

export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  /** Set when the app runs its own Temporal dev server. */
  temporalUiUrl?: string;
  embedded: { database: boolean; temporal: boolean };
  stop(): Promise<void>;
}

/** PostgreSQL and Temporal: the configured ones, or embedded ones kept under DATA_DIR. */
export async function startInfrastructure(config: Config, log: Logger): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => log.warn({ err: error }, 'shutdown step failed'));
  };
  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      log.info({ port: config.database.embeddedPort }, 'starting embedded PostgreSQL');
      const database = await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort);
      stops.push(database.stop);
      databaseUrl = database.url;
    }
    let temporalAddress = config.temporal.address;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      log.info({ port: config.temporal.devPort }, 'starting the Temporal dev server');
      const server = await startDevServer({
        dataDir: path.join(config.dataDir, 'temporal'),
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }
    return {
      databaseUrl,
      temporalAddress,
      temporalUiUrl,
      embedded: { database: !config.database.url, temporal: !config.temporal.address },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
