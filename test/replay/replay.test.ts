import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import * as workflows from '../../workflows';
import { sharedService } from '../setup/shared-services';

// Histories recorded from real runs (`npm run histories:record`). Replaying them against today's workflow
// code fails on any change that would break workflows already running in production.
const HISTORIES_DIR = path.join(__dirname, 'histories');

function historyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return historyFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

// The file's path names the history in a failure; the workflow id is not used by the replay.
const histories = historyFiles(HISTORIES_DIR)
  .sort()
  .map((file) => ({
    workflowId: path.relative(HISTORIES_DIR, file),
    history: historyFromJSON(JSON.parse(readFileSync(file, 'utf8'))),
  }));

const workflowTypeOf = (history: History) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;

test('every workflow the worker runs has recorded histories', () => {
  const recorded = new Set(histories.map(({ history }) => workflowTypeOf(history)));
  expect(Object.keys(workflows).filter((name) => !recorded.has(name))).toEqual([]);
});

test('every recorded history replays on the current workflow code', async () => {
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: sharedService('workflowBundle') } }, histories)) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(histories.length);
});
