import type { Config } from '../../config';
import { createEmailTransport } from './email';
import type { Transports } from './notifier';
import { createSlackTransport } from './slack';
import { createSmsTransport } from './sms';

/** The transports the configuration allows; an unconfigured channel keeps its messages in the outbox. */
export function transportsFromConfig(config: Config): Transports {
  const { mail, twilio, slack } = config;
  return {
    email: mail.smtpUrl ? createEmailTransport(mail.smtpUrl, mail.from) : undefined,
    sms:
      twilio.sending && twilio.accountSid && twilio.authToken
        ? createSmsTransport({
            accountSid: twilio.accountSid,
            authToken: twilio.authToken,
            from: twilio.from,
            messagingServiceSid: twilio.messagingServiceSid,
            apiUrl: twilio.apiUrl,
            statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/status`,
          })
        : undefined,
    slack: slack.botToken ? createSlackTransport(slack.botToken, slack.apiUrl) : undefined,
  };
}
