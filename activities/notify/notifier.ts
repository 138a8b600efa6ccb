import { ApplicationFailure } from '@temporalio/common';
import { OutboxMessage, type NotificationChannel } from '../../db/models';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './types';

export type Transports = Partial<Record<NotificationChannel, Transport>>;

const FINISHED = new Set(['sent', 'held', 'suppressed', 'failed']);

/**
 * Sends notifications through the outbox: the row is written first, keyed by the message id, so a
 * retried activity never sends twice. A channel with no transport keeps its messages `held`.
 */
export function createNotifier(transports: Transports, now: () => Date = () => new Date()) {
  async function deliver(message: OutgoingMessage, options: { suppress?: boolean } = {}): Promise<OutboxMessage> {
    const content = { recipient: message.recipient, subject: message.subject ?? null, body: message.text };
    const [row, created] = await OutboxMessage.findOrCreate({
      where: { id: message.id },
      defaults: { id: message.id, channel: message.channel, template: message.template, status: 'pending', ...content },
    });
    if (FINISHED.has(row.status)) return row;
    if (!created) await row.update(content);

    if (options.suppress) return row.update({ status: 'suppressed', body: null });
    const transport = transports[message.channel];
    if (!transport) return row.update({ status: 'held' });

    try {
      const providerMessageId = await transport.send(message);
      return await row.update({ status: 'sent', providerMessageId, sentAt: now(), body: null, attempts: row.attempts + 1, error: null });
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof PermanentDeliveryError) {
        await row.update({ status: 'failed', attempts: row.attempts + 1, error: reason });
        throw ApplicationFailure.nonRetryable(reason, 'DeliveryFailed');
      }
      await row.update({ attempts: row.attempts + 1, error: reason });
      throw error;
    }
  }

  async function isFinished(id: string): Promise<boolean> {
    const row = await OutboxMessage.findByPk(id, { attributes: ['status'] });
    return Boolean(row && FINISHED.has(row.status));
  }

  return { deliver, isFinished };
}

export type Notifier = ReturnType<typeof createNotifier>;
