import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { col, fn, where } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../db/audit';
import { Contact, SignInToken } from '../db/models';
import { AppError } from '../lib/errors';
import { parseInput } from '../lib/validation';
import { hashToken } from '../lib/tokens';
import { redeemLinkUpdate, requestLinkSignal, signInWorkflow, signInWorkflowId, type LinkRequest } from '../workflows/sign-in';
import { auditActor, type Actor } from './actor';
import type { ServiceContext } from './context';

export const signInLinkRequestSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')) });

export function findContactByEmail(email: string): Promise<Contact | null> {
  return Contact.findOne({ where: where(fn('lower', col('email')), email.trim().toLowerCase()) });
}

/** Starts the contact's sign-in workflow if it is not running, and asks it for a new link. */
export async function issueSignInLink(
  ctx: ServiceContext,
  contactId: string,
  request: Omit<LinkRequest, 'ttlMs'>,
): Promise<void> {
  await ctx.temporal.workflow.signalWithStart(signInWorkflow, {
    workflowId: signInWorkflowId(contactId),
    taskQueue: ctx.config.temporal.taskQueue,
    args: [contactId],
    signal: requestLinkSignal,
    signalArgs: [{ ...request, ttlMs: ctx.config.signIn.linkTtlMs }],
  });
}

/**
 * `POST /api/auth/sign-in-link`. Answers the same whether or not the address is known, so the form
 * cannot be used to learn who is a client.
 */
export async function requestSignInLink(ctx: ServiceContext, actor: Actor & { type: 'anonymous' }, input: unknown): Promise<void> {
  const { email } = parseInput(signInLinkRequestSchema, input);
  await ctx.rateLimits.signInRequest(email, actor.ip ?? 'unknown');
  const contact = await findContactByEmail(email);
  await recordAudit({ ...auditActor(actor), action: 'sign_in_link.requested', contactId: contact?.id, details: { known: Boolean(contact) } });
  if (contact) await issueSignInLink(ctx, contact.id, { reason: 'request', deliverBy: 'email' });
}

/** Why a link did not sign anyone in; the landing page words its offer of a new link by it. */
export type UnusableLinkReason = 'used' | 'expired' | 'superseded' | 'unknown';

/**
 * `GET /sign-in/:token`. The link row must be live, then the contact's workflow spends it (an Update,
 * so two clicks racing cannot both win). Returns the contact signed in.
 */
export async function redeemSignInLink(ctx: ServiceContext, token: string): Promise<{ contactId: string }> {
  const link = await SignInToken.findOne({ where: { tokenHash: hashToken(token) } });
  if (!link) throw unusable('unknown');
  if (!link.isLive(ctx.now())) throw unusable(whyUnusable(link));
  try {
    await ctx.temporal.workflow
      .getHandle(signInWorkflowId(link.contactId))
      .executeUpdate(redeemLinkUpdate, { args: [{ linkId: link.id }] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
      await link.reload();
      // Still live after a failed redemption: the database was briefly out of reach, and the link still works.
      if (link.isLive(ctx.now())) throw new AppError('unavailable', 'Signing in is briefly unavailable. Please open the link again in a minute.');
      throw unusable(whyUnusable(link));
    }
    throw error;
  }
  await recordAudit({ actorType: 'contact', actorId: link.contactId, action: 'sign_in_link.redeemed', channel: 'email', contactId: link.contactId, details: { linkId: link.id } });
  return { contactId: link.contactId };
}

function whyUnusable(link: SignInToken): UnusableLinkReason {
  return link.usedAt ? 'used' : link.supersededAt ? 'superseded' : 'expired';
}

function unusable(reason: UnusableLinkReason): AppError {
  return new AppError('not_found', 'This sign-in link cannot be used', { reason });
}
