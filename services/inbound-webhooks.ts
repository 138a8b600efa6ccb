import { InboundWebhook } from '../db/models';

/** True the first time a provider's message id is seen; a retried webhook gets false and is not acted on twice. */
export async function isFirstDelivery(provider: 'twilio' | 'slack', externalId: string): Promise<boolean> {
  const [, created] = await InboundWebhook.findOrCreate({ where: { provider, externalId }, defaults: { provider, externalId } });
  return created;
}
