// A local stand-in for the Twilio REST API, just big enough for the `twilio`
// SDK's `client.messages.create(...)`. Tests point the app's Twilio
// RequestClient at `fake.url` and assert on what would have been texted,
// without network access or a real account.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseForm, sendJson, startLoopbackServer } from './http-server';
import { clearRecorded, record, waitFor } from './wait';

export interface FakeTwilioOptions {
  /** Must start with `AC` (the SDK refuses anything else). */
  accountSid?: string;
  authToken?: string;
}

/** A message the fake accepted (i.e. answered 201 for). */
export interface SentSms {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
}

/** The error the next request(s) should fail with, in Twilio's error shape. */
export interface TwilioFailure {
  /** HTTP status: 4xx for permanent errors (e.g. 400 + 21211), 5xx/429 for transient. */
  status: number;
  /** Twilio error code, e.g. 21211 (invalid To), 21610 (unsubscribed), 20429 (too many requests). */
  code: number;
  message: string;
  moreInfo?: string;
}

/** Every create-message request that reached the fake, including failed ones. */
export interface TwilioAttempt {
  accountSid: string;
  params: Record<string, string>;
  status: number;
  errorCode?: number;
}

export interface FakeTwilio {
  /** `http://127.0.0.1:PORT`, to substitute for `https://api.twilio.com`. */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Successfully created messages, oldest first. */
  readonly sent: SentSms[];
  /** All create attempts (successful, rejected by failNext, auth or validation). */
  readonly attempts: TwilioAttempt[];
  /** Fail the next `times` (default 1) authenticated create requests with `failure`. */
  failNext(failure: TwilioFailure, times?: number): void;
  waitForMessage(predicate?: (message: SentSms) => boolean, timeoutMs?: number): Promise<SentSms>;
  /** Forget recorded messages/attempts and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEFAULT_TWILIO_AUTH_TOKEN = 'fake-twilio-auth-token';

const API_VERSION = '2010-04-01';
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? DEFAULT_TWILIO_ACCOUNT_SID;
  const authToken = options.authToken ?? DEFAULT_TWILIO_AUTH_TOKEN;
  const sent: SentSms[] = [];
  const attempts: TwilioAttempt[] = [];
  const pendingFailures: TwilioFailure[] = [];

  const server = await startLoopbackServer((req, res, rawBody) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;

    if (!isAuthorized(req, accountSid, authToken)) {
      // Twilio answers 401 + code 20003 for any bad credentials, before routing.
      sendTwilioError(res, { status: 401, code: 20003, message: 'Authenticate' }, {
        'www-authenticate': 'Basic realm="Twilio API"',
      });
      return;
    }

    const match = MESSAGES_PATH.exec(path);
    if (!match || req.method !== 'POST') {
      sendTwilioError(res, {
        status: 404,
        code: 20404,
        message: `The requested resource ${path} was not found`,
      });
      return;
    }

    const pathAccountSid = decodeURIComponent(match[1] ?? '');
    const params = parseForm(rawBody);
    const attempt = (status: number, errorCode?: number): void =>
      record(attempts, { accountSid: pathAccountSid, params, status, ...(errorCode !== undefined && { errorCode }) });

    if (pathAccountSid !== accountSid) {
      // Credentials are fine but for another account: Twilio says "not found".
      const failure = { status: 404, code: 20404, message: `The requested resource ${path} was not found` };
      attempt(failure.status, failure.code);
      sendTwilioError(res, failure);
      return;
    }

    const injected = pendingFailures.shift();
    const failure = injected ?? validate(params);
    if (failure) {
      attempt(failure.status, failure.code);
      sendTwilioError(res, failure);
      return;
    }

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const message: SentSms = {
      sid,
      to: params.To ?? '',
      body: params.Body ?? '',
      ...(params.From !== undefined && { from: params.From }),
      ...(params.MessagingServiceSid !== undefined && { messagingServiceSid: params.MessagingServiceSid }),
      ...(params.StatusCallback !== undefined && { statusCallback: params.StatusCallback }),
    };
    attempt(201);
    record(sent, message);
    sendJson(res, 201, messageResource(accountSid, message));
  });

  return {
    url: server.url,
    accountSid,
    authToken,
    sent,
    attempts,
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i += 1) pendingFailures.push(failure);
    },
    waitForMessage(predicate = () => true, timeoutMs = 5000) {
      return waitFor(sent, predicate, timeoutMs, 'Twilio message');
    },
    reset() {
      clearRecorded(sent);
      clearRecorded(attempts);
      pendingFailures.length = 0;
    },
    close: () => server.close(),
  };
}

function isAuthorized(req: IncomingMessage, accountSid: string, authToken: string): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return (
    separator !== -1 &&
    decoded.slice(0, separator) === accountSid &&
    decoded.slice(separator + 1) === authToken
  );
}

/** The same up-front checks (and codes) Twilio applies to a create request. */
function validate(params: Record<string, string>): TwilioFailure | undefined {
  if (!params.To) {
    return { status: 400, code: 21604, message: "A 'To' phone number is required." };
  }
  if (!params.From && !params.MessagingServiceSid) {
    return { status: 400, code: 21603, message: "A 'From' phone number is required." };
  }
  if (!params.Body && !params.MediaUrl && !params.ContentSid) {
    return { status: 400, code: 21602, message: 'Message body is required.' };
  }
  return undefined;
}

// Legacy Twilio error body. Deliberately without `type`/`title`: with those the
// SDK would throw its RFC-9457 TwilioServiceException instead of RestException.
function sendTwilioError(
  res: ServerResponse,
  failure: TwilioFailure,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    failure.status,
    {
      code: failure.code,
      message: failure.message,
      more_info: failure.moreInfo ?? `https://www.twilio.com/docs/errors/${failure.code}`,
      status: failure.status,
    },
    headers,
  );
}

/** The JSON the real API returns for a freshly created message. */
function messageResource(accountSid: string, message: SentSms): Record<string, unknown> {
  const now = rfc2822(new Date());
  const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}.json`;
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    // Sending through a messaging service only (no From) is "accepted" with no
    // sender yet; the service picks the number later. Otherwise "queued".
    from: message.from ?? null,
    messaging_service_sid: message.messagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.from === undefined ? 'accepted' : 'queued',
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: message.to,
    uri,
  };
}

/** Twilio's date format, e.g. `Wed, 03 Dec 2025 16:44:00 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
