import { createHmac } from 'node:crypto';
import twilio from 'twilio';

/** The `X-Twilio-Signature` Twilio sends: HMAC-SHA1 of the URL and the sorted form fields. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string | string[]>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** The headers Slack sends: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function signSlackRequest(signingSecret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = String(timestampSeconds);
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': timestamp };
}
