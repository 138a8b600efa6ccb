import type { Sequelize } from 'sequelize';
import { AuditEvent } from './audit-event';
import { Client } from './client';
import { ClientContact } from './client-contact';
import { Clinician } from './clinician';
import { ClinicianApiToken } from './clinician-api-token';
import { Contact } from './contact';
import { InboundWebhook } from './inbound-webhook';
import { OutboxMessage } from './outbox-message';
import { Practice } from './practice';
import { Session } from './session';
import { SignInToken } from './sign-in-token';

export { AuditEvent, Client, ClientContact, Clinician, ClinicianApiToken, Contact, InboundWebhook, OutboxMessage, Practice, Session, SignInToken };
export type { ActorType, Channel } from './audit-event';
export type { ClientKind, PortalFeature } from './client';
export { PORTAL_FEATURES } from './client';
export type { Relationship } from './client-contact';
export type { ClinicianRole } from './clinician';
export type { NotificationChannel, OutboxStatus } from './outbox-message';
export type { SignInReason } from './sign-in-token';

export function initModels(sequelize: Sequelize): void {
  for (const model of [Practice, Clinician, ClinicianApiToken, Client, Contact, ClientContact, SignInToken, Session, AuditEvent, OutboxMessage, InboundWebhook]) {
    model.initModel(sequelize);
  }
  Client.belongsTo(Clinician, { as: 'clinician', foreignKey: 'clinicianId' });
  Client.hasMany(ClientContact, { as: 'members', foreignKey: 'clientId' });
  ClientContact.belongsTo(Client, { as: 'client', foreignKey: 'clientId' });
  ClientContact.belongsTo(Contact, { as: 'contact', foreignKey: 'contactId' });
  Contact.hasMany(ClientContact, { as: 'memberships', foreignKey: 'contactId' });
  Clinician.belongsTo(Practice, { as: 'practice', foreignKey: 'practiceId' });
  Contact.belongsTo(Practice, { as: 'practice', foreignKey: 'practiceId' });
}
