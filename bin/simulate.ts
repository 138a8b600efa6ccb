import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { signSlackRequest, signTwilioRequest } from '../lib/webhook-signing';

/**
 * Plays Twilio or Slack against a running portal, signing each request with the configured (or
 * development) secrets exactly as those services do, so the bots can be tried without either account.
 */
export async function simulateSms(config: Config, from: string, text: string): Promise<string> {
  if (!config.twilio.authToken) throw new Error('TWILIO_AUTH_TOKEN is not set');
  const url = `${config.publicUrl}/webhooks/twilio/sms`;
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: config.twilio.accountSid ?? `AC${'0'.repeat(32)}`,
    From: from,
    To: config.twilio.from ?? '+15550000000',
    Body: text,
    NumMedia: '0',
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(config.twilio.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  const body = await response.text();
  const reply = /<Message>([\s\S]*?)<\/Message>/.exec(body)?.[1];
  return `${response.status} ${reply ? `reply: ${decodeEntities(reply)}` : '(no reply)'}`;
}

/** Sends `/portal <text>` as the given Slack user and prints the ack and every later `respond()`. */
export async function simulateSlash(config: Config, userId: string, text: string, waitMs = 3_000): Promise<string[]> {
  if (!config.slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is not set');
  const lines: string[] = [];
  const responses = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      lines.push(`respond: ${(JSON.parse(body) as { text?: string }).text ?? body}`);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => responses.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = responses.address() as AddressInfo;
    const body = new URLSearchParams({
      command: '/portal',
      text,
      user_id: userId,
      user_name: userId.toLowerCase(),
      team_id: 'T0LOCAL',
      channel_id: 'D0LOCAL',
      response_url: `http://127.0.0.1:${port}/response`,
      trigger_id: `${Date.now()}.${randomBytes(6).toString('hex')}`,
    }).toString();
    const response = await fetch(`${config.publicUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(config.slack.signingSecret, body) },
      body,
    });
    const ack = await response.text();
    lines.push(`${response.status} ack: ${ack ? ((JSON.parse(ack) as { text?: string }).text ?? ack) : '(empty)'}`);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && !lines.some((line) => line.startsWith('respond:'))) await new Promise((resolve) => setTimeout(resolve, 100));
    return lines;
  } finally {
    responses.close();
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
