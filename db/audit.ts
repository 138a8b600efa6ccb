import type { Transaction } from 'sequelize';
import { AuditEvent, type ActorType, type Channel } from './models';

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  channel: Channel;
  clientId?: string | null;
  contactId?: string | null;
  /** Ids and outcomes only: never message text, tokens, or health information. */
  details?: Record<string, unknown>;
}

export async function recordAudit(entry: AuditEntry, transaction?: Transaction): Promise<void> {
  await AuditEvent.create(
    {
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      channel: entry.channel,
      clientId: entry.clientId ?? null,
      contactId: entry.contactId ?? null,
      details: entry.details ?? {},
    },
    { transaction },
  );
}
