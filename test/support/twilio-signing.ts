// Lets tests play "Twilio calling our webhooks": build the params Twilio sends
// and sign them exactly as Twilio does (X-Twilio-Signature), so the app's real
// signature check runs instead of being bypassed.

import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../../lib/webhook-signing';
import { DEFAULT_TWILIO_ACCOUNT_SID } from './fake-twilio';

/** Twilio webhook params; repeated keys (rare for SMS) as arrays. */
export type TwilioParams = Record<string, string | string[]>;

export interface SignedTwilioResponse {
  status: number;
  body: string;
  contentType: string;
}

/** Signed exactly as Twilio signs: the product's own signer (`portal sms` uses it too). */
export { signTwilioRequest };

/**
 * POSTs `params` form-encoded to `baseUrl + path` (where the app really
 * listens) but signs them for `publicUrl + path` (what Twilio would have
 * called, e.g. behind a proxy). `signature` overrides the computed header for
 * tamper tests; `null` omits the header entirely.
 */
export async function postSignedTwilioForm(
  baseUrl: string,
  path: string,
  publicUrl: string,
  authToken: string,
  params: TwilioParams,
  options: { signature?: string | null } = {},
): Promise<SignedTwilioResponse> {
  const signature =
    options.signature === undefined
      ? signTwilioRequest(authToken, joinUrl(publicUrl, path), params)
      : options.signature;

  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    // Twilio's own User-Agent; harmless, and realistic for logging assertions.
    'user-agent': 'TwilioProxy/1.1',
  };
  if (signature !== null) headers['x-twilio-signature'] = signature;

  const response = await fetch(joinUrl(baseUrl, path), {
    method: 'POST',
    headers,
    body: encodeForm(params),
  });
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}

export interface InboundSmsInput {
  from: string;
  to: string;
  body: string;
  messageSid?: string;
  accountSid?: string;
  messagingServiceSid?: string;
}

/** The params Twilio POSTs to a number's "A message comes in" webhook. */
export function inboundSms(input: InboundSmsInput): Record<string, string> {
  const messageSid = input.messageSid ?? randomSid('SM');
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: messageSid,
    FromState: 'CA',
    SmsStatus: 'received',
    FromCity: '',
    Body: input.body,
    FromCountry: 'US',
    To: input.to,
    ToZip: '',
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: messageSid,
    AccountSid: input.accountSid ?? DEFAULT_TWILIO_ACCOUNT_SID,
    From: input.from,
    ApiVersion: '2010-04-01',
    ...(input.messagingServiceSid !== undefined && { MessagingServiceSid: input.messagingServiceSid }),
  };
}

export type TwilioMessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'read';

export interface MessageStatusInput {
  messageSid: string;
  status: TwilioMessageStatus;
  to: string;
  from: string;
  /** Twilio sets this for `failed` / `undelivered`, e.g. 30003 (unreachable), 30006 (landline). */
  errorCode?: number;
  accountSid?: string;
}

/** The params Twilio POSTs to a message's `statusCallback` URL. */
export function messageStatusCallback(input: MessageStatusInput): Record<string, string> {
  return {
    SmsSid: input.messageSid,
    SmsStatus: input.status,
    MessageStatus: input.status,
    To: input.to,
    MessageSid: input.messageSid,
    AccountSid: input.accountSid ?? DEFAULT_TWILIO_ACCOUNT_SID,
    From: input.from,
    ApiVersion: '2010-04-01',
    ...(input.errorCode !== undefined && { ErrorCode: String(input.errorCode) }),
  };
}

function randomSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

function encodeForm(params: TwilioParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form.toString();
}
