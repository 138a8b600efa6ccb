import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowActivities } from './fake-sign-in-activities';
import { temporalTestServerPath } from '../../temporal/binaries';
import { sharedService } from '../setup/shared-services';

/** The time-skipping test server: the project-local binary when there is one, else the SDK's own download. */
export function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  return TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
}

/**
 * Runs `body` while a worker with the given fake activities polls a task queue of its own, so one test's
 * workflows never reach another test's fakes. The workflow bundle is the one global setup built for this run.
 */
export async function withWorker<T>(
  env: TestWorkflowEnvironment,
  activities: WorkflowActivities,
  body: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `sign-in-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: sharedService('workflowBundle') },
    activities,
  });
  return worker.runUntil(() => body(taskQueue));
}
