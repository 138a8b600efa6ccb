import { Op, type WhereOptions } from 'sequelize';
import { OutboxMessage } from '../db/models';

/** How far along a message is, by Twilio status; callbacks may arrive out of order. */
const PROGRESS: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  partially_delivered: 4,
  read: 5,
};

/** The statuses a callback reporting `status` must not overwrite: those further along. */
export function statusesAfter(status: string): string[] {
  const progress = PROGRESS[status] ?? 0;
  return Object.keys(PROGRESS).filter((other) => PROGRESS[other] > progress);
}

/**
 * A Twilio status callback: the outbox row of that message takes the new status unless a later one
 * already arrived; `failed` and `undelivered` mark the notification failed with Twilio's error code.
 */
export async function recordSmsDeliveryStatus(messageSid: string, status: string, errorCode?: string): Promise<void> {
  const failed = status === 'failed' || status === 'undelivered';
  const later = statusesAfter(status);
  const where: WhereOptions<OutboxMessage> = { providerMessageId: messageSid, channel: 'sms' };
  if (later.length > 0) Object.assign(where, { [Op.or]: [{ deliveryStatus: null }, { deliveryStatus: { [Op.notIn]: later } }] });
  await OutboxMessage.update(
    { deliveryStatus: status, ...(failed ? { status: 'failed', error: `Twilio ${status}${errorCode ? ` (${errorCode})` : ''}` } : {}) },
    { where },
  );
}
