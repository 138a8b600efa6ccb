import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { PermanentDeliveryError, type Transport } from './types';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  /** A self-hosted stand-in for api.twilio.com (the SDK has no base-URL option). */
  apiUrl?: string;
  statusCallbackUrl: string;
}

/** Rewrites every Twilio API URL to another base, e.g. a local fake used by the integration tests. */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<T>(options: RequestClient.RequestOptions<T>) {
    const uri = options.uri.replace(/^https:\/\/[^/]+\.twilio\.com/, this.baseUrl.replace(/\/+$/, ''));
    return super.request<T>({ ...options, uri });
  }
}

export function createTwilioClient(settings: Pick<TwilioSettings, 'accountSid' | 'authToken' | 'apiUrl'>) {
  const httpClient = settings.apiUrl ? new RedirectingRequestClient(settings.apiUrl) : undefined;
  return twilio(settings.accountSid, settings.authToken, { httpClient });
}

/** SMS through the Twilio Messaging API; 4xx answers (bad number, blocked) are permanent, except 429. */
export function createSmsTransport(settings: TwilioSettings): Transport {
  const client = createTwilioClient(settings);
  return {
    async send(message) {
      try {
        const sent = await client.messages.create({
          to: message.recipient,
          body: message.text,
          statusCallback: settings.statusCallbackUrl,
          ...(settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : { from: settings.from }),
        });
        return sent.sid;
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status && status >= 400 && status < 500 && status !== 429) {
          const code = (error as { code?: number }).code;
          throw new PermanentDeliveryError(`Twilio ${status}${code ? ` (${code})` : ''}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
  };
}
