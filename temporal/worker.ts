import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { Config } from '../config';
import { temporalConnectionOptions } from './connection';

export interface WorkerSetup {
  config: Config;
  address: string;
  activities: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorker({ config, address, activities, workflowBundle }: WorkerSetup): Promise<Worker> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal, address));
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: createActivities(activities),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
}
