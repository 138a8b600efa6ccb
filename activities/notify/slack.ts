import { WebClient } from '@slack/web-api';
import { PermanentDeliveryError, type Transport } from './types';

/** Slack direct messages to a clinician through the bot token; platform errors other than rate limits are permanent. */
export function createSlackTransport(botToken: string, apiUrl?: string): Transport {
  const client = new WebClient(botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 0 } });
  return {
    async send(message) {
      try {
        const result = await client.chat.postMessage({ channel: message.recipient, text: message.text });
        return String(result.ts);
      } catch (error) {
        const { code, data } = error as { code?: string; data?: { error?: string } };
        if (code === 'slack_webapi_platform_error') throw new PermanentDeliveryError(`Slack: ${data?.error ?? 'error'}`);
        throw error;
      }
    },
  };
}
