import type { Sequelize } from 'sequelize';
import { Client, ClientContact, Clinician, Contact, Practice } from './models';

export const DEMO = {
  practice: { name: 'Riverside Counselling', contactEmail: 'hello@riverside.example', contactPhone: '+15555550199' },
  clinician: { name: 'Dr. Alex Rivera', email: 'alex.rivera@riverside.example', slackUserId: 'U0DEMOCLIN' },
  admin: { name: 'Morgan Blake', email: 'morgan.blake@riverside.example', slackUserId: 'U0DEMOADMIN' },
  /** Jordan has three profiles: their own, a couple with Sam, and their child Riley's. */
  jordan: { name: 'Jordan Lee', email: 'jordan@example.com', phone: '+15555550100' },
  sam: { name: 'Sam Lee', email: 'sam@example.com', phone: '+15555550101' },
} as const;

/**
 * A demo practice so every flow can be tried at once. Does nothing when a practice already exists,
 * so `npm start` may call it on every boot.
 */
export async function seedDemo(sequelize: Sequelize, now = new Date()): Promise<boolean> {
  if ((await Practice.count()) > 0) return false;
  await sequelize.transaction(async (transaction) => {
    const practice = await Practice.create({ ...DEMO.practice }, { transaction });
    const practiceId = practice.id;
    const clinician = await Clinician.create({ practiceId, ...DEMO.clinician, role: 'clinician' }, { transaction });
    await Clinician.create({ practiceId, ...DEMO.admin, role: 'admin' }, { transaction });
    const jordan = await Contact.create({ practiceId, ...DEMO.jordan, smsConsentAt: now, smsOptedOutAt: null }, { transaction });
    const sam = await Contact.create({ practiceId, ...DEMO.sam, smsConsentAt: null, smsOptedOutAt: null }, { transaction });

    const profile = (kind: Client['kind'], displayName: string) =>
      Client.create({ practiceId, clinicianId: clinician.id, kind, displayName }, { transaction });
    const jordanSelf = await profile('individual', 'Jordan Lee');
    const couple = await profile('couple', 'Jordan & Sam Lee');
    const riley = await profile('minor', 'Riley Lee');
    const samSelf = await profile('individual', 'Sam Lee');

    await ClientContact.bulkCreate(
      [
        { clientId: jordanSelf.id, contactId: jordan.id, relationship: 'self' },
        { clientId: couple.id, contactId: jordan.id, relationship: 'partner' },
        { clientId: couple.id, contactId: sam.id, relationship: 'partner' },
        { clientId: riley.id, contactId: jordan.id, relationship: 'guardian' },
        { clientId: samSelf.id, contactId: sam.id, relationship: 'self' },
      ],
      { transaction },
    );
  });
  return true;
}
