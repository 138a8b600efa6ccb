import { recordAudit } from '../db/audit';
import { Contact, Practice } from '../db/models';
import { AppError } from '../lib/errors';
import type { ServiceContext } from './context';
import { issueSignInLink } from './sign-in-links';

/** Contacts are found by the E.164 number Twilio reports; several contacts never share a number. */
function findContactByPhone(phone: string): Promise<Contact | null> {
  return Contact.findOne({ where: { phone } });
}

const smsActor = (contact: Contact) => ({ actorType: 'contact' as const, actorId: contact.id, channel: 'sms' as const, contactId: contact.id });

/** STOP and its synonyms: no SMS of any kind goes to this number until it texts START. */
export async function optOutOfSms(ctx: ServiceContext, phone: string): Promise<void> {
  const contact = await findContactByPhone(phone);
  if (!contact) return;
  await contact.update({ smsOptedOutAt: ctx.now() });
  await recordAudit({ ...smsActor(contact), action: 'sms.opted_out' });
}

/** START / UNSTOP: texting it is an explicit request for messages, so it also records consent. */
export async function optInToSms(ctx: ServiceContext, phone: string): Promise<void> {
  const contact = await findContactByPhone(phone);
  if (!contact) return;
  await contact.update({ smsOptedOutAt: null, smsConsentAt: contact.smsConsentAt ?? ctx.now() });
  await recordAudit({ ...smsActor(contact), action: 'sms.opted_in' });
}

/**
 * LINK: a fresh sign-in link, by SMS when the contact consented to SMS, otherwise by email. Limited like
 * the web form (the sending number stands in for the IP); over the limit nothing is sent, and the
 * reply stays the same.
 */
export async function requestLinkBySms(ctx: ServiceContext, phone: string): Promise<void> {
  const contact = await findContactByPhone(phone);
  if (!contact) return;
  try {
    await ctx.rateLimits.signInRequest(contact.email, `sms:${phone}`);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
    return recordAudit({ ...smsActor(contact), action: 'sign_in_link.rate_limited' });
  }
  await recordAudit({ ...smsActor(contact), action: 'sign_in_link.requested' });
  await issueSignInLink(ctx, contact.id, { reason: 'request', deliverBy: contact.canReceiveSms() ? 'sms' : 'email' });
}

/** The practice's own contact line, for HELP replies. With no contact known, the first practice answers. */
export async function practiceContactFor(phone: string): Promise<{ name: string; email: string; phone: string | null } | null> {
  const contact = await findContactByPhone(phone);
  const practice = contact ? await Practice.findByPk(contact.practiceId) : await Practice.findOne({ order: [['createdAt', 'ASC']] });
  return practice ? { name: practice.name, email: practice.contactEmail, phone: practice.contactPhone } : null;
}
