import { UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../db/audit';
import { Client, ClientContact, Contact } from '../db/models';
import { AppError } from '../lib/errors';
import { parseInput } from '../lib/validation';
import { auditActor, type Actor } from './actor';
import type { ServiceContext } from './context';
import { findContactByEmail, issueSignInLink } from './sign-in-links';

export const invitationSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')),
  name: z.string().trim().min(1).max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'Phone numbers are written in international form, e.g. +15551234567')
    .optional(),
  smsConsent: z.boolean().optional(),
});
export type InvitationInput = z.infer<typeof invitationSchema>;

export interface InvitationResult {
  contactId: string;
  clientId: string;
  created: boolean;
}

/**
 * A clinician invites someone to the portal: a new address becomes a contact with an individual
 * profile under that clinician; a known one is sent a fresh welcome link, if the clinician sees them.
 */
export async function inviteContact(ctx: ServiceContext, actor: Actor & { type: 'clinician' }, input: unknown): Promise<InvitationResult> {
  const { email, name, phone, smsConsent } = parseInput(invitationSchema, input);
  const { clinician } = actor;
  const existing = await findContactByEmail(email);
  const result = existing
    ? await reinvite(existing, actor)
    : await Contact.sequelize!.transaction(async (transaction) => {
        const displayName = name ?? email.split('@')[0];
        const contact = await Contact.create(
          { practiceId: clinician.practiceId, name: displayName, email, phone: phone ?? null, smsConsentAt: phone && smsConsent ? ctx.now() : null, smsOptedOutAt: null },
          { transaction },
        );
        const client = await Client.create({ practiceId: clinician.practiceId, clinicianId: clinician.id, kind: 'individual', displayName }, { transaction });
        await ClientContact.create({ clientId: client.id, contactId: contact.id, relationship: 'self' }, { transaction });
        return { contactId: contact.id, clientId: client.id, created: true };
      }).catch(alreadyOnFile);

  await recordAudit({ ...auditActor(actor), action: 'contact.invited', contactId: result.contactId, clientId: result.clientId, details: { created: result.created } });
  await issueSignInLink(ctx, result.contactId, { reason: 'invite', deliverBy: 'email' });
  return result;
}

const RELATIONSHIP_ORDER: Record<ClientContact['relationship'], number> = { self: 0, partner: 1, guardian: 2 };

async function reinvite(contact: Contact, actor: Actor & { type: 'clinician' }): Promise<InvitationResult> {
  const memberships = await ClientContact.findAll({ where: { contactId: contact.id }, include: [{ model: Client, as: 'client' }] });
  // The person's own profile names them best; a couple's or a child's profile is only a fallback.
  const visible = memberships
    .filter((membership) => {
      const client = (membership as ClientContact & { client: Client }).client;
      return actor.clinician.role === 'admin' ? client.practiceId === actor.clinician.practiceId : client.clinicianId === actor.clinician.id;
    })
    .sort((a, b) => RELATIONSHIP_ORDER[a.relationship] - RELATIONSHIP_ORDER[b.relationship])[0];
  if (!visible) throw new AppError('forbidden', 'That person is not one of your clients. Ask an admin of the practice to invite them.');
  return { contactId: contact.id, clientId: visible.clientId, created: false };
}

/** Another contact already has this phone number (or, in a race, this address): a conflict, not a crash. */
function alreadyOnFile(error: unknown): never {
  if (!(error instanceof UniqueConstraintError)) throw error;
  const field = 'phone' in (error.fields ?? {}) ? 'phone' : 'email';
  const message = field === 'phone' ? 'That phone number is already on file for someone else' : 'That email address was just invited; try again';
  throw new AppError('conflict', message, { fields: [{ path: field, message }] });
}
