import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time';
import type { SendLinkInput } from '../../activities/sign-in';

/**
 * The workflow's own clock (`Date.now()` inside it) when it issued the given link: the start time of the
 * workflow task that scheduled `sendSignInLink` for that link id (the last task started before it; the
 * time-skipping server does not fill in the events' back-references). Read from the history, so a test
 * can check a link's expiry to the millisecond instead of within a tolerance.
 */
export async function workflowTimeWhenIssued(handle: WorkflowHandle, linkId: string): Promise<number> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduledAt = events.findIndex((event) => {
    const attributes = event.activityTaskScheduledEventAttributes;
    if (attributes?.activityType?.name !== 'sendSignInLink') return false;
    const [input] = (attributes.input?.payloads ?? []).map((payload) => defaultPayloadConverter.fromPayload<SendLinkInput>(payload));
    return input?.linkId === linkId;
  });
  const started = events.slice(0, Math.max(0, scheduledAt)).reverse().find((event) => event.workflowTaskStartedEventAttributes);
  if (!started?.eventTime) throw new Error(`No workflow task in the history issued link ${linkId}`);
  return tsToMs(started.eventTime);
}
