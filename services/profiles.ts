import { z } from 'zod';
import { recordAudit } from '../db/audit';
import { Client, ClientContact, Contact, type Session } from '../db/models';
import { notFound } from '../lib/errors';
import { parseInput } from '../lib/validation';

export interface ProfileSummary {
  id: string;
  displayName: string;
  kind: Client['kind'];
  relationship: ClientContact['relationship'];
  enabledFeatures: Client['enabledFeatures'];
}

export interface Me {
  contact: { id: string; name: string; email: string };
  profiles: ProfileSummary[];
  currentProfileId: string | null;
}

/** The profiles a contact may act for, in a stable order (their own first). */
export async function listProfiles(contactId: string): Promise<ProfileSummary[]> {
  const memberships = await ClientContact.findAll({ where: { contactId }, include: [{ model: Client, as: 'client' }] });
  const order = { self: 0, partner: 1, guardian: 2 };
  return memberships
    .map((membership) => {
      const client = (membership as ClientContact & { client: Client }).client;
      return {
        id: client.id,
        displayName: client.displayName,
        kind: client.kind,
        relationship: membership.relationship,
        enabledFeatures: client.enabledFeatures,
      };
    })
    .sort((a, b) => order[a.relationship] - order[b.relationship] || a.displayName.localeCompare(b.displayName));
}

export async function describeMe(session: Session): Promise<Me> {
  const contact = await Contact.findByPk(session.contactId);
  if (!contact) throw notFound();
  return {
    contact: { id: contact.id, name: contact.name, email: contact.email },
    profiles: await listProfiles(contact.id),
    currentProfileId: session.clientId,
  };
}

/** One profile, only if the contact belongs to it: anything else is 404, never 403, so ids leak nothing. */
export async function getProfile(contactId: string, clientId: string): Promise<ProfileSummary> {
  const profile = (await listProfiles(contactId)).find((candidate) => candidate.id === clientId);
  if (!profile) throw notFound('No such profile');
  return profile;
}

/** The profile the session acts for, from a `describeMe` already read (no second query). */
export function currentProfile(me: Me): ProfileSummary {
  const profile = me.profiles.find((candidate) => candidate.id === me.currentProfileId);
  if (!profile) throw notFound('No such profile');
  return profile;
}

export const selectProfileSchema = z.object({ profileId: z.uuid('profileId must be a profile id') });

export async function selectProfile(session: Session, input: unknown, channel: 'portal' | 'api'): Promise<ProfileSummary> {
  const { profileId } = parseInput(selectProfileSchema, input);
  const profile = await getProfile(session.contactId, profileId);
  await session.update({ clientId: profile.id });
  await recordAudit({ actorType: 'contact', actorId: session.contactId, action: 'profile.selected', channel, contactId: session.contactId, clientId: profile.id });
  return profile;
}
