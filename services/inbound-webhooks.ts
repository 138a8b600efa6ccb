import { InboundWebhook } from '../db/models';

export type Handled<T> = { duplicate: true } | { duplicate: false; result: T };

/**
 * Runs `work` for the first delivery of a provider's message id (Twilio MessageSid, Slack trigger id);
 * a retried webhook is answered without acting twice. If `work` fails, the claim is released so the
 * provider's retry is handled rather than lost.
 */
export async function handleOnce<T>(provider: 'twilio' | 'slack', externalId: string, work: () => Promise<T>): Promise<Handled<T>> {
  const [, claimed] = await InboundWebhook.findOrCreate({ where: { provider, externalId }, defaults: { provider, externalId } });
  if (!claimed) return { duplicate: true };
  try {
    return { duplicate: false, result: await work() };
  } catch (error) {
    await InboundWebhook.destroy({ where: { provider, externalId } });
    throw error;
  }
}
