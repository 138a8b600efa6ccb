import { ApplicationFailure } from '@temporalio/common';
import { Op } from 'sequelize';
import { recordAudit } from '../db/audit';
import { Contact, Practice, SignInToken } from '../db/models';
import { describeDuration } from '../lib/durations';
import { hashToken, newSecretToken } from '../lib/tokens';
import type { Notifier } from './notify/notifier';
import { render } from './templates';

export interface SignInActivityDeps {
  notifier: Notifier;
  publicUrl: string;
  now: () => Date;
}

export interface SendLinkInput {
  contactId: string;
  linkId: string;
  expiresAt: number;
  reason: 'invite' | 'request';
  deliverBy: 'email' | 'sms';
}

const STILL_LIVE = { usedAt: null, supersededAt: null, expiredAt: null };

export function createSignInActivities({ notifier, publicUrl, now }: SignInActivityDeps) {
  return {
    /**
     * Makes the token and sends the link. The token exists only here and in the message: the workflow
     * history holds the link's id, never the secret. A retry before delivery mints a fresh token.
     */
    async sendSignInLink({ contactId, linkId, expiresAt, reason, deliverBy }: SendLinkInput): Promise<void> {
      const messageId = `sign-in-link:${linkId}`;
      if (await notifier.isFinished(messageId)) return;
      const contact = await Contact.findByPk(contactId, { include: [{ model: Practice, as: 'practice' }] });
      if (!contact) throw ApplicationFailure.nonRetryable(`Contact ${contactId} does not exist`, 'ContactNotFound');
      const practice = (contact as Contact & { practice: Practice }).practice;

      await SignInToken.update(
        { supersededAt: now() },
        { where: { contactId, id: { [Op.ne]: linkId }, ...STILL_LIVE } },
      );
      const token = newSecretToken();
      await SignInToken.upsert({ id: linkId, contactId, tokenHash: hashToken(token), reason, expiresAt: new Date(expiresAt) });

      const link = `${publicUrl}/sign-in/${token}`;
      const validFor = describeDuration(expiresAt - now().getTime());
      const bySms = deliverBy === 'sms' && contact.canReceiveSms();
      const params = { practiceName: practice.name, link, validFor, name: contact.name };
      const template = bySms ? 'sign-in-link-sms' : reason === 'invite' ? 'welcome' : 'sign-in-link';
      const content = render(template, params);
      await notifier.deliver({
        id: messageId,
        channel: bySms ? 'sms' : 'email',
        recipient: bySms ? contact.phone! : contact.email,
        template,
        ...content,
      });
      await recordAudit({
        actorType: 'system',
        action: 'sign_in_link.sent',
        channel: 'workflow',
        contactId,
        details: { linkId, reason, deliveredBy: bySms ? 'sms' : 'email' },
      });
    },

    /** Spends the link. Idempotent: a retry after success finds it already used by this redemption. */
    async redeemSignInLink({ contactId, linkId }: { contactId: string; linkId: string }): Promise<void> {
      const [updated] = await SignInToken.update(
        { usedAt: now() },
        { where: { id: linkId, contactId, ...STILL_LIVE, expiresAt: { [Op.gt]: now() } } },
      );
      if (updated === 1) return;
      const link = await SignInToken.findByPk(linkId);
      if (link?.usedAt) return;
      throw ApplicationFailure.nonRetryable('This sign-in link is no longer valid', 'LinkNotLive');
    },

    /** The 24-hour timer fired: the link stops working even if nobody ever tries it. */
    async expireSignInLink({ contactId, linkId }: { contactId: string; linkId: string }): Promise<void> {
      const [updated] = await SignInToken.update({ expiredAt: now() }, { where: { id: linkId, contactId, ...STILL_LIVE } });
      if (updated === 0) return;
      await recordAudit({ actorType: 'system', action: 'sign_in_link.expired', channel: 'workflow', contactId, details: { linkId } });
    },
  };
}

export type SignInActivities = ReturnType<typeof createSignInActivities>;
