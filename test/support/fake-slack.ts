// A local stand-in for the Slack Web API subset a Bolt app uses, plus a
// catch-all for `response_url` posts. Point the app at it with
// `new App({ ..., clientOptions: { slackApiUrl: `${fake.url}/api/` } })`
// (or a WebClient with the same option) and assert on what would have been
// posted to Slack.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseForm, sendJson, startLoopbackServer } from './http-server';
import { clearRecorded, record, waitFor } from './wait';

export type SlackChatMethod = 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral';

/** A message posted, updated or posted ephemerally through the Web API. */
export interface SlackMessage {
  method: SlackChatMethod;
  channel: string;
  text?: string;
  /** Parsed blocks (the WebClient sends them JSON-encoded inside the form). */
  blocks?: unknown[];
  /** The message's ts (new for postMessage/postEphemeral, the edited one for update). */
  ts: string;
  /** Recipient of an ephemeral message. */
  user?: string;
  threadTs?: string;
}

/** A JSON body Bolt's `respond()` (or anything else) POSTed to a response_url. */
export interface SlackResponse {
  id: string;
  text?: string;
  blocks?: unknown[];
  responseType?: string;
  replaceOriginal?: boolean;
  deleteOriginal?: boolean;
  /** The whole body as sent. */
  body: Record<string, unknown>;
}

/** Every Web API call, whatever the method or outcome. */
export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  /** Bearer token from the Authorization header, or the `token` argument. */
  token?: string;
}

export interface SlackUserProfile {
  id: string;
  name?: string;
  realName?: string;
  email?: string;
  isBot?: boolean;
  tz?: string;
}

export interface FakeSlackOptions {
  /** When set, calls with any other token answer `invalid_auth` (none: `not_authed`). */
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

/** Make the next call to `method` fail: a Slack error (HTTP 200, ok:false) or an HTTP status. */
export interface SlackFailure {
  error?: string;
  status?: number;
  /** Seconds, sent as Retry-After (use with status 429). */
  retryAfter?: number;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT`; the Web API lives under `${url}/api/`. */
  readonly url: string;
  /** Convenience: `${url}/api/`, the value for `slackApiUrl`. */
  readonly apiUrl: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly messages: SlackMessage[];
  readonly responses: SlackResponse[];
  readonly calls: SlackApiCall[];
  /** A response_url served by this fake; posts to it land in `responses` with this id. */
  responseUrl(id: string): string;
  /** Override what users.info answers for `profile.id` (others get a synthesized user). */
  setUser(profile: SlackUserProfile): void;
  failNext(method: string, failure: SlackFailure): void;
  waitForMessage(predicate?: (message: SlackMessage) => boolean, timeoutMs?: number): Promise<SlackMessage>;
  waitForResponse(predicate?: (response: SlackResponse) => boolean, timeoutMs?: number): Promise<SlackResponse>;
  /** Forget recorded messages, responses, calls, pending failures and user overrides. */
  reset(): void;
  close(): Promise<void>;
}

type SlackReply = Record<string, unknown>;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0FAKETEAM';
  const botUserId = options.botUserId ?? 'U0FAKEBOT';
  const botId = options.botId ?? 'B0FAKEBOT';
  const messages: SlackMessage[] = [];
  const responses: SlackResponse[] = [];
  const calls: SlackApiCall[] = [];
  const users = new Map<string, SlackUserProfile>();
  const failures = new Map<string, SlackFailure[]>();
  let tsCounter = 0;

  // Slack ts values are unique per channel and sortable: "<seconds>.<6 digits>".
  const nextTs = (): string => {
    tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
  };

  const methods: Record<string, (args: Record<string, unknown>) => SlackReply> = {
    'auth.test': () => ({
      url: 'https://fake-team.slack.com/',
      team: 'Fake Team',
      user: 'portal-bot',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),

    'chat.postMessage': (args) => {
      const invalid = requireChannelAndContent(args);
      if (invalid) return invalid;
      const message = chatMessage('chat.postMessage', args, nextTs());
      record(messages, message);
      return {
        channel: message.channel,
        ts: message.ts,
        message: { type: 'message', user: botUserId, bot_id: botId, text: message.text ?? '', blocks: message.blocks, ts: message.ts },
      };
    },

    'chat.update': (args) => {
      const invalid = requireChannelAndContent(args);
      if (invalid) return invalid;
      const ts = str(args.ts);
      if (!ts) return { ok: false, error: 'message_not_found' };
      const message = chatMessage('chat.update', args, ts);
      record(messages, message);
      return { channel: message.channel, ts, text: message.text ?? '', message: { text: message.text ?? '', blocks: message.blocks } };
    },

    'chat.postEphemeral': (args) => {
      const invalid = requireChannelAndContent(args);
      if (invalid) return invalid;
      if (!str(args.user)) return { ok: false, error: 'user_not_in_channel' };
      const message = chatMessage('chat.postEphemeral', args, nextTs());
      record(messages, message);
      return { message_ts: message.ts };
    },

    'conversations.open': (args) => {
      // `users` is a comma-separated list; a DM with one user is "D" + user id here.
      const user = str(args.users)?.split(',')[0]?.trim();
      const channel = str(args.channel);
      if (!user && !channel) return { ok: false, error: 'users_list_not_supplied' };
      return { channel: { id: channel ?? `D${user ?? ''}` } };
    },

    'users.info': (args) => {
      const id = str(args.user);
      if (!id) return { ok: false, error: 'user_not_found' };
      return { user: slackUser(users.get(id) ?? { id }, teamId) };
    },
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, method: string, rawBody: string): void => {
    const args = parseArgs(req, rawBody);
    const token = bearerToken(req) ?? str(args.token);
    record(calls, { method, args, ...(token !== undefined && { token }) });

    const failure = failures.get(method)?.shift();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      sendJson(res, failure.status ?? 200, { ok: false, error: failure.error ?? 'fatal_error' }, headers);
      return;
    }
    if (options.botToken !== undefined && token !== options.botToken) {
      sendJson(res, 200, { ok: false, error: token === undefined ? 'not_authed' : 'invalid_auth' });
      return;
    }
    const handler = methods[method];
    if (!handler) {
      sendJson(res, 200, { ok: false, error: 'unknown_method' });
      return;
    }
    sendJson(res, 200, { ok: true, ...handler(args) });
  };

  const server = await startLoopbackServer((req, res, rawBody) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;

    const api = /^\/api\/([^/]+)$/.exec(path);
    if (api) {
      handleApi(req, res, decodeURIComponent(api[1] ?? ''), rawBody);
      return;
    }

    const responseUrl = /^\/response\/([^/]+)$/.exec(path);
    if (responseUrl && req.method === 'POST') {
      const body = parseJsonObject(rawBody);
      if (!body) {
        sendJson(res, 400, { ok: false, error: 'invalid_payload' });
        return;
      }
      record(responses, toResponse(decodeURIComponent(responseUrl[1] ?? ''), body));
      sendJson(res, 200, { ok: true });
      return;
    }

    sendJson(res, 404, { ok: false, error: 'not_found' });
  });

  return {
    url: server.url,
    apiUrl: `${server.url}/api/`,
    teamId,
    botUserId,
    botId,
    messages,
    responses,
    calls,
    responseUrl: (id) => `${server.url}/response/${encodeURIComponent(id)}`,
    setUser(profile) {
      users.set(profile.id, profile);
    },
    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    waitForMessage(predicate = () => true, timeoutMs = 5000) {
      return waitFor(messages, predicate, timeoutMs, 'Slack message');
    },
    waitForResponse(predicate = () => true, timeoutMs = 5000) {
      return waitFor(responses, predicate, timeoutMs, 'Slack response_url post');
    },
    reset() {
      clearRecorded(messages);
      clearRecorded(responses);
      clearRecorded(calls);
      users.clear();
      failures.clear();
    },
    close: () => server.close(),
  };
}

// The WebClient sends form-encoded args (objects such as `blocks` as JSON
// strings inside the form); other clients may send a JSON body.
function parseArgs(req: IncomingMessage, rawBody: string): Record<string, unknown> {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/json')) return parseJsonObject(rawBody) ?? {};
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams);
  return { ...query, ...parseForm(rawBody) };
}

function requireChannelAndContent(args: Record<string, unknown>): SlackReply | undefined {
  if (!str(args.channel)) return { ok: false, error: 'channel_not_found' };
  if (!str(args.text) && parseBlocks(args.blocks) === undefined && args.attachments === undefined) {
    return { ok: false, error: 'no_text' };
  }
  return undefined;
}

function chatMessage(method: SlackChatMethod, args: Record<string, unknown>, ts: string): SlackMessage {
  const text = str(args.text);
  const blocks = parseBlocks(args.blocks);
  const user = str(args.user);
  const threadTs = str(args.thread_ts);
  return {
    method,
    channel: str(args.channel) ?? '',
    ts,
    ...(text !== undefined && { text }),
    ...(blocks !== undefined && { blocks }),
    ...(user !== undefined && { user }),
    ...(threadTs !== undefined && { threadTs }),
  };
}

function toResponse(id: string, body: Record<string, unknown>): SlackResponse {
  const text = str(body.text);
  const blocks = parseBlocks(body.blocks);
  const responseType = str(body.response_type);
  return {
    id,
    body,
    ...(text !== undefined && { text }),
    ...(blocks !== undefined && { blocks }),
    ...(responseType !== undefined && { responseType }),
    ...(typeof body.replace_original === 'boolean' && { replaceOriginal: body.replace_original }),
    ...(typeof body.delete_original === 'boolean' && { deleteOriginal: body.delete_original }),
  };
}

function slackUser(profile: SlackUserProfile, teamId: string): Record<string, unknown> {
  const name = profile.name ?? profile.id.toLowerCase();
  const realName = profile.realName ?? `User ${profile.id}`;
  const email = profile.email ?? `${name}@example.test`;
  return {
    id: profile.id,
    team_id: teamId,
    name,
    real_name: realName,
    deleted: false,
    is_bot: profile.isBot ?? false,
    is_admin: false,
    tz: profile.tz ?? 'America/Los_Angeles',
    profile: { real_name: realName, display_name: name, email },
  };
}

function parseBlocks(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as unknown[]) : undefined;
  } catch {
    return undefined;
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
