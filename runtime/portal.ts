import type { Server } from 'node:http';
import type { Worker, WorkerOptions } from '@temporalio/worker';
import type { Sequelize } from 'sequelize';
import { transportsFromConfig } from '../activities/notify/transports';
import { createHttpApp } from '../api/app';
import type { Config } from '../config';
import { connectDatabase } from '../db';
import { migrate } from '../db/migrator';
import type { Logger } from '../lib/logger';
import { createServiceContext } from '../services/context';
import { connectTemporalClient } from '../temporal/client';
import { createWorker } from '../temporal/worker';

export interface PortalOptions {
  config: Config;
  log: Logger;
  databaseUrl: string;
  temporalAddress: string;
  /** Which parts run in this process; a deployment may scale API servers and workers apart. */
  run: { api: boolean; worker: boolean };
  migrate?: boolean;
  workflowBundle?: WorkerOptions['workflowBundle'];
  now?: () => Date;
}

export interface RunningPortal {
  sequelize: Sequelize;
  /** The HTTP server's base URL, when the API runs here. */
  url?: string;
  worker?: Worker;
  stop(): Promise<void>;
}

/** Connects to PostgreSQL and Temporal, then runs the API server and/or the worker. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const { config, log, run } = options;
  const sequelize = connectDatabase(options.databaseUrl);
  const stops: (() => Promise<void>)[] = [() => sequelize.close()];
  const stop = async () => {
    for (const stopOne of [...stops].reverse()) await stopOne().catch((error) => log.warn({ err: error }, 'shutdown step failed'));
  };

  try {
    if (options.migrate) {
      const applied = await migrate(sequelize);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    const running: RunningPortal = { sequelize, stop };

    if (run.worker) {
      const worker = await createWorker({
        config,
        address: options.temporalAddress,
        workflowBundle: options.workflowBundle,
        activities: { transports: transportsFromConfig(config), publicUrl: config.publicUrl, now: options.now },
      });
      const done = worker.run();
      stops.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done;
        await worker.connection?.close();
      });
      running.worker = worker;
    }

    if (run.api) {
      const temporal = await connectTemporalClient(config, options.temporalAddress);
      stops.push(() => temporal.connection.close());
      const ctx = createServiceContext(config, temporal, sequelize, log, options.now);
      const server = await listen(createHttpApp(ctx, sequelize), config.port);
      stops.push(() => close(server));
      const address = server.address();
      running.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}`;
    }
    return running;
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(app: ReturnType<typeof createHttpApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function close(server: Server): Promise<void> {
  server.closeIdleConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
