import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  liveLinkQuery,
  redeemLinkUpdate,
  requestLinkSignal,
  signInWorkflow,
  signInWorkflowId,
  type LinkRequest,
} from '../../workflows/sign-in';
import { record, waitFor } from '../support/wait';
import { fakeSignInActivities, heldOpen } from './fake-sign-in-activities';
import { startTimeSkippingEnvironment, withWorker } from './time-skipping';
import { workflowTimeWhenIssued } from './workflow-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TTL = 24 * HOUR;

// One time-skipping server for the file: its clock is shared, so the tests here run one after another.
let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await startTimeSkippingEnvironment();
});
afterAll(async () => {
  await env?.teardown();
});

// Each test works on its own contact. A workflow a failed test leaves open would hold the shared clock
// (the server does not skip time past a pending workflow task), so it is closed after every test.
let contactId: string;
beforeEach(() => {
  contactId = randomUUID();
});
afterEach(async () => {
  const handle = env.client.workflow.getHandle(signInWorkflowId(contactId));
  const { status } = await handle.describe().catch(() => ({ status: { name: 'NOT_FOUND' } }));
  if (status.name === 'RUNNING') await handle.terminate('test finished');
});

/** What `issueSignInLink` does: start this test's contact's workflow if needed and ask it for a link. */
function requestLink(taskQueue: string, reason: LinkRequest['reason'] = 'request') {
  return env.client.workflow.signalWithStart(signInWorkflow, {
    workflowId: signInWorkflowId(contactId),
    taskQueue,
    args: [contactId],
    signal: requestLinkSignal,
    signalArgs: [{ reason, deliverBy: 'email', ttlMs: TTL }],
  });
}

const redeem = (handle: WorkflowHandle<typeof signInWorkflow>, linkId: string) =>
  handle.executeUpdate(redeemLinkUpdate, { args: [{ linkId }] });

/** Moves the server's clock forward to `atMs` (skipping, not waiting). */
async function sleepUntil(atMs: number): Promise<void> {
  await env.sleep(Math.max(0, atMs - (await env.currentTimeMs())));
}

/** An update refused by the workflow (its validator or its handler), with the failure's type. */
async function refusal(update: Promise<unknown>): Promise<{ type?: string; message: string }> {
  const error = await update.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  let cause = (error as WorkflowUpdateFailedError).cause;
  while (cause && !(cause instanceof ApplicationFailure)) cause = (cause as { cause?: Error }).cause;
  return { type: cause?.type ?? undefined, message: cause?.message ?? String(error) };
}

describe('sign-in workflow, on the time-skipping server', () => {
  test('a link nobody uses expires by its timer exactly 24 hours after it was issued', async () => {
    const fakes = fakeSignInActivities();
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      const sent = await waitFor(fakes.sent, () => true, 10_000, 'sent link');
      const issuedAt = await workflowTimeWhenIssued(handle, sent.linkId);
      expect(sent.expiresAt).toBe(issuedAt + TTL);
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: sent.linkId, expiresAt: sent.expiresAt });

      await sleepUntil(issuedAt + TTL - MINUTE);
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: sent.linkId, expiresAt: sent.expiresAt });
      expect(fakes.expired).toHaveLength(0);

      expect(await handle.result()).toBe('expired');
      expect(fakes.expired).toEqual([{ contactId, linkId: sent.linkId, scheduledAtMs: expect.any(Number) }]);
      // The timer scheduled the expiry at 24 h: not before, and not later than the worker's own processing.
      expect(fakes.expired[0].scheduledAtMs).toBeGreaterThanOrEqual(sent.expiresAt);
      expect(fakes.expired[0].scheduledAtMs).toBeLessThan(sent.expiresAt + MINUTE);
      expect(fakes.sent).toHaveLength(1);
      expect(fakes.redeemed).toHaveLength(0);
    });
  });

  test('a second request supersedes the first link and restarts the 24-hour clock', async () => {
    const fakes = fakeSignInActivities();
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      const first = await waitFor(fakes.sent, () => true, 10_000, 'first link');
      await env.sleep(HOUR);
      await requestLink(taskQueue);
      const second = await waitFor(fakes.sent, (call) => call.linkId !== first.linkId, 10_000, 'second link');
      expect(second.expiresAt - first.expiresAt).toBeGreaterThanOrEqual(HOUR);

      expect(await refusal(redeem(handle, first.linkId))).toEqual({ type: 'LinkNotLive', message: 'This sign-in link is no longer valid' });
      expect(fakes.redeemed).toHaveLength(0);

      // A day after the first request the first link's clock would have run out; the second's has not.
      await sleepUntil(first.expiresAt + MINUTE);
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: second.linkId, expiresAt: second.expiresAt });
      expect(fakes.expired).toHaveLength(0);

      expect(await handle.result()).toBe('expired');
      expect(fakes.expired.map((call) => call.linkId)).toEqual([second.linkId]);
      expect(fakes.expired[0].scheduledAtMs).toBeGreaterThanOrEqual(second.expiresAt);
    });
  });

  test('a link signs in once: a second click while the first is redeeming, or after, is refused', async () => {
    const inFlight = heldOpen();
    const fakes = fakeSignInActivities(inFlight.redeem);
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      const { linkId } = await waitFor(fakes.sent, () => true, 10_000, 'sent link');

      const firstClick = redeem(handle, linkId);
      void firstClick.catch(() => undefined); // awaited below; if the test fails first, it must not surface elsewhere
      await waitFor(fakes.redeemed, () => true, 10_000, 'redemption');
      expect(await refusal(redeem(handle, linkId))).toMatchObject({ type: 'LinkNotLive' });
      inFlight.release();
      await expect(firstClick).resolves.toEqual({ contactId });

      expect(await handle.result()).toBe('redeemed');
      // The run is over, so a later click cannot reach it; the service maps either error to "already used".
      const late = await redeem(handle, linkId).catch((error: unknown) => error);
      expect(late instanceof WorkflowNotFoundError || late instanceof WorkflowUpdateFailedError).toBe(true);
      // The redemption is a local activity, which the time-skipping server cannot see: held open, it may
      // time out and be retried (it is idempotent), but only ever for that one link.
      expect(new Set(fakes.redeemed.map((call) => call.linkId))).toEqual(new Set([linkId]));
      expect(fakes.expired).toHaveLength(0);
      expect(fakes.announced).toEqual([contactId]); // the clinicians are told; the activity decides if it is the first time
    });
  });

  test('an invitation after the workflow finished starts a new run that issues a new link', async () => {
    const fakes = fakeSignInActivities();
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const first = await requestLink(taskQueue);
      const { linkId } = await waitFor(fakes.sent, () => true, 10_000, 'first link');
      await redeem(first, linkId);
      expect(await first.result()).toBe('redeemed');

      const again = await requestLink(taskQueue, 'invite');
      expect(again.signaledRunId).not.toBe(first.signaledRunId);
      const invite = await waitFor(fakes.sent, (call) => call.linkId !== linkId, 10_000, 'invitation');
      expect(invite).toMatchObject({ contactId, reason: 'invite', deliverBy: 'email' });
      expect(await again.query(liveLinkQuery)).toEqual({ linkId: invite.linkId, expiresAt: invite.expiresAt });

      await redeem(again, invite.linkId);
      expect(await again.result()).toBe('redeemed');
    });
  });

  test('a request while a redemption is in flight: the redemption decides first, then the new link is issued', async () => {
    const inFlight = heldOpen();
    const fakes = fakeSignInActivities(inFlight.redeem);
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      const first = await waitFor(fakes.sent, () => true, 10_000, 'first link');
      const click = redeem(handle, first.linkId);
      void click.catch(() => undefined); // awaited below; if the test fails first, it must not surface elsewhere
      await waitFor(fakes.redeemed, () => true, 10_000, 'redemption');

      await requestLink(taskQueue);
      // The request is delivered and handled (the query is answered after it), yet no link replaces
      // the one being redeemed until that redemption is decided.
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: first.linkId, expiresAt: first.expiresAt });
      expect(fakes.sent).toHaveLength(1);
      inFlight.release();
      await expect(click).resolves.toEqual({ contactId });

      // The request was not lost: a new link is issued, is live, and works.
      const second = await waitFor(fakes.sent, (call) => call.linkId !== first.linkId, 10_000, 'second link');
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: second.linkId, expiresAt: second.expiresAt });
      await expect(redeem(handle, second.linkId)).resolves.toEqual({ contactId });
      expect(await handle.result()).toBe('redeemed');
      expect([...new Set(fakes.redeemed.map((call) => call.linkId))]).toEqual([first.linkId, second.linkId]);
      expect(fakes.expired).toHaveLength(0);
    });
  });

  test('a redemption the activity refuses (LinkNotLive) leaves the link to expire on time', async () => {
    const fakes = fakeSignInActivities(async () => {
      throw ApplicationFailure.nonRetryable('This sign-in link is no longer valid', 'LinkNotLive');
    });
    await withWorker(env, fakes.activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      const sent = await waitFor(fakes.sent, () => true, 10_000, 'sent link');

      expect(await refusal(redeem(handle, sent.linkId))).toMatchObject({ type: 'LinkNotLive' });
      expect(fakes.redeemed).toHaveLength(1); // non-retryable: tried once

      await sleepUntil(sent.expiresAt - MINUTE);
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: sent.linkId, expiresAt: sent.expiresAt });
      expect(fakes.expired).toHaveLength(0);

      expect(await handle.result()).toBe('expired');
      expect(fakes.expired.map((call) => call.linkId)).toEqual([sent.linkId]);
      expect(fakes.expired[0].scheduledAtMs).toBeGreaterThanOrEqual(sent.expiresAt);
      expect(fakes.expired[0].scheduledAtMs).toBeLessThan(sent.expiresAt + MINUTE);
    });
  });

  test('an undeliverable link ends the run as such, and a request queued behind it still gets its link', async () => {
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const fakes = fakeSignInActivities();
    const attempts: string[] = [];
    const activities = {
      ...fakes.activities,
      async sendSignInLink(input: Parameters<typeof fakes.activities.sendSignInLink>[0]) {
        record(attempts, input.linkId);
        if (attempts.length > 1) return fakes.activities.sendSignInLink(input);
        await firstHeld;
        throw ApplicationFailure.nonRetryable('SMTP 550: mailbox unavailable', 'DeliveryFailed');
      },
    };
    await withWorker(env, activities, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      await waitFor(attempts, () => true, 10_000, 'first attempt');
      await requestLink(taskQueue);
      releaseFirst();

      const second = await waitFor(fakes.sent, () => true, 10_000, 'second link');
      expect(second.linkId).not.toBe(attempts[0]);
      expect(await handle.query(liveLinkQuery)).toEqual({ linkId: second.linkId, expiresAt: second.expiresAt });
      expect(await refusal(redeem(handle, attempts[0]))).toMatchObject({ type: 'LinkNotLive' });
      await expect(redeem(handle, second.linkId)).resolves.toEqual({ contactId });
      expect(await handle.result()).toBe('redeemed');
    });

    contactId = randomUUID();
    const failing = { ...fakes.activities, sendSignInLink: async () => Promise.reject(ApplicationFailure.nonRetryable('Twilio 400 (21211)', 'DeliveryFailed')) };
    await withWorker(env, failing, async (taskQueue) => {
      const handle = await requestLink(taskQueue);
      expect(await handle.result()).toBe('undeliverable');
    });
  });
});
