import { Context } from '@temporalio/activity';
import type { ClinicianNoticeActivities } from '../../activities/clinician-notices';
import type { SendLinkInput, SignInActivities } from '../../activities/sign-in';
import { record } from '../support/wait';

export type LinkInput = Parameters<SignInActivities['redeemSignInLink']>[0];

/** One activity call, stamped with the server's (skipped) clock when the workflow scheduled it. */
export type Call<T> = T & { scheduledAtMs: number };

export type WorkflowActivities = SignInActivities & ClinicianNoticeActivities;

export interface FakeSignInActivities {
  activities: WorkflowActivities;
  /** Contacts whose first sign-in was announced to their clinicians. */
  announced: string[];
  sent: Call<SendLinkInput>[];
  redeemed: Call<LinkInput>[];
  expired: Call<LinkInput>[];
}

/**
 * Typed stand-ins for the sign-in activities that only record their calls. `redeem` replaces the
 * redemption's outcome (hold it open, or refuse it) after the call is recorded.
 */
export function fakeSignInActivities(redeem: (input: LinkInput) => Promise<void> = async () => undefined): FakeSignInActivities {
  const sent: Call<SendLinkInput>[] = [];
  const redeemed: Call<LinkInput>[] = [];
  const expired: Call<LinkInput>[] = [];
  const announced: string[] = [];
  const stamp = <T>(input: T): Call<T> => ({ ...input, scheduledAtMs: Context.current().info.scheduledTimestampMs });
  return {
    sent,
    redeemed,
    expired,
    announced,
    activities: {
      async sendSignInLink(input) {
        record(sent, stamp(input));
      },
      async redeemSignInLink(input) {
        record(redeemed, stamp(input));
        await redeem(input);
      },
      async expireSignInLink(input) {
        record(expired, stamp(input));
      },
      async announceFirstSignIn({ contactId }) {
        record(announced, contactId);
      },
    },
  };
}

/**
 * A redemption held in flight until the test lets it finish. It also gives way when its worker shuts
 * down (a failed assertion ends the worker first), so a failing test reports its failure instead of hanging.
 */
export function heldOpen(): { redeem: () => Promise<void>; release: () => void } {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { redeem: () => Promise.race([done, Context.current().cancelled]), release: () => release() };
}
