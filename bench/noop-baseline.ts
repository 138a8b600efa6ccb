import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Config } from '../config';
import { temporalConnectionOptions } from '../temporal/connection';
import { noopWorkflow } from './noop-workflow';
import { runPool } from './pool';
import { summarise, type Summary } from './stats';

export interface NoopBaseline {
  /** Starts and awaits `count` no-op workflows, `concurrency` at a time. */
  measure(count: number, concurrency: number, signal?: AbortSignal): Promise<Summary>;
  stop(): Promise<void>;
}

/**
 * A worker of its own for the no-op workflow, on its own task queue and with a bundle of only
 * `noop-workflow.ts`, next to the portal's worker on the same Temporal server.
 */
export async function startNoopBaseline(config: Config, address: string, client: Client): Promise<NoopBaseline> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal, address));
  const taskQueue = `bench-noop-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue,
    workflowsPath: require.resolve('./noop-workflow'),
  });
  const running = worker.run();
  let batch = 0;
  return {
    async measure(count, concurrency, signal) {
      const prefix = `bench-noop-${taskQueue}-${batch++}`;
      const started = performance.now();
      const latencies = await runPool(
        count,
        concurrency,
        async (index) => {
          const sent = performance.now();
          // Bounded, so a stuck run cannot hold the benchmark past its deadline.
          await client.workflow.execute(noopWorkflow, { taskQueue, workflowId: `${prefix}-${index}`, workflowExecutionTimeout: '30s' });
          return performance.now() - sent;
        },
        signal,
      );
      return summarise(latencies, performance.now() - started);
    },
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
