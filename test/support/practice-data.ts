import { Client, ClientContact, Clinician, Contact, Practice } from '../../db/models';
import { DEMO } from '../../db/seed';

export const clinicianBySlackUser = async (slackUserId: string): Promise<Clinician> => (await Clinician.findOne({ where: { slackUserId } }))!;
export const contactByEmail = async (email: string): Promise<Contact> => (await Contact.findOne({ where: { email } }))!;

/** A second clinician of the demo practice, with one individual client of their own. */
export async function addClinicianWithClient(input: { name: string; email: string; slackUserId?: string; client: { name: string; email: string } }) {
  const practice = (await Practice.findOne({ where: { name: DEMO.practice.name } }))!;
  const clinician = await Clinician.create({ practiceId: practice.id, name: input.name, email: input.email, slackUserId: input.slackUserId ?? null, role: 'clinician' });
  const contact = await Contact.create({ practiceId: practice.id, name: input.client.name, email: input.client.email, phone: null, smsConsentAt: null, smsOptedOutAt: null });
  const client = await Client.create({ practiceId: practice.id, clinicianId: clinician.id, kind: 'individual', displayName: input.client.name });
  await ClientContact.create({ clientId: client.id, contactId: contact.id, relationship: 'self' });
  return { clinician, contact, client };
}
