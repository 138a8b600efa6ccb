import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type { ClinicianNoticeActivities } from '../activities/clinician-notices';
import type { SignInActivities } from '../activities/sign-in';

export const signInWorkflowId = (contactId: string) => `sign-in:${contactId}`;

export interface LinkRequest {
  reason: 'invite' | 'request';
  /** Where the link goes: email always works; SMS only for contacts who consented to it. */
  deliverBy: 'email' | 'sms';
  ttlMs: number;
}
export interface LiveLink {
  linkId: string;
  expiresAt: number;
}
export type SignInOutcome = 'redeemed' | 'expired' | 'undeliverable';

/** A new link for this contact; it supersedes any link issued before. */
export const requestLinkSignal = defineSignal<[LinkRequest]>('requestLink');
/** Spends the live link. Rejected (validator) when the link is not the live one. */
export const redeemLinkUpdate = defineUpdate<{ contactId: string }, [{ linkId: string }]>('redeemLink');
export const liveLinkQuery = defineQuery<LiveLink | null>('liveLink');

const { sendSignInLink, expireSignInLink, redeemSignInLink, announceFirstSignIn } = proxyActivities<SignInActivities & ClinicianNoticeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

const { redeemSignInLink: redeemLocally } = proxyLocalActivities<SignInActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '1 second', maximumAttempts: 5 },
});

/**
 * The life of a contact's sign-in link: issued, then redeemed once or expired by a timer.
 * A request while a link is live issues a new link and restarts the clock.
 */
export async function signInWorkflow(contactId: string, carriedRequests: LinkRequest[] = []): Promise<SignInOutcome> {
  const requests = [...carriedRequests];
  let live: LiveLink | null = null;
  let redeeming = false;
  let redeemed = false;
  let undelivered = false;

  setHandler(requestLinkSignal, (request) => void requests.push(request));
  setHandler(liveLinkQuery, () => live);
  setHandler(
    redeemLinkUpdate,
    async ({ linkId }) => {
      redeeming = true;
      try {
        // A local activity answers the person waiting on the link without a second workflow task.
        if (patched('redeem-as-local-activity')) await redeemLocally({ contactId, linkId });
        else await redeemSignInLink({ contactId, linkId });
        redeemed = true;
        return { contactId };
      } finally {
        redeeming = false;
      }
    },
    {
      validator: ({ linkId }) => {
        if (redeeming || redeemed || !live || live.linkId !== linkId) {
          throw ApplicationFailure.nonRetryable('This sign-in link is no longer valid', 'LinkNotLive');
        }
      },
    },
  );

  const outcome = await runLinks();
  await condition(allHandlersFinished);
  // Histories recorded before clinicians were told of a first sign-in replay without this step.
  if (outcome === 'redeemed' && patched('announce-first-sign-in')) {
    // A notice Slack refuses (the outbox row records why) does not undo the sign-in.
    await announceFirstSignIn({ contactId }).catch((error: unknown) => {
      if (!(error instanceof ActivityFailure)) throw error;
    });
  }
  // A request that arrived as the link closed must not be lost: it starts the next run.
  if (requests.length > 0) await continueAsNew<typeof signInWorkflow>(contactId, requests);
  return outcome;

  async function runLinks(): Promise<SignInOutcome> {
    for (;;) {
      if (requests.length > 0) {
        // A redemption under way decides before a new link replaces its link: if it succeeds, this run
        // ends and the waiting request starts the next one, instead of issuing a link nobody watches.
        await condition(() => !redeeming);
        if (redeemed) return 'redeemed';
      }
      const request = requests.shift();
      if (request) {
        // The old link stops working now. The new one is live before it is sent, because its
        // recipient may click it before this activity's completion reaches the workflow.
        live = { linkId: uuid4(), expiresAt: Date.now() + request.ttlMs };
        try {
          await sendSignInLink({ contactId, ...live, reason: request.reason, deliverBy: request.deliverBy });
        } catch (error) {
          if (!(error instanceof ActivityFailure)) throw error;
          // Undeliverable (a rejected address or number; the outbox row says why): nobody holds this
          // link, and requests queued behind it must still be served, so the run carries on.
          live = null;
          undelivered = true;
        }
        continue;
      }
      if (!live) return undelivered ? 'undeliverable' : 'expired';
      const { linkId, expiresAt } = live;
      const interrupted = await condition(() => requests.length > 0 || redeemed, Math.max(1, expiresAt - Date.now()));
      if (redeemed) return 'redeemed';
      if (interrupted) continue;
      await condition(() => !redeeming); // a redemption already under way decides first
      if (redeemed) return 'redeemed';
      live = null;
      await expireSignInLink({ contactId, linkId });
      if (requests.length === 0) return 'expired';
    }
  }
}
