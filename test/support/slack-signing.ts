// Lets tests play "Slack calling our app": build slash-command and
// interactivity bodies the way Slack sends them and sign them with the
// v0 signing-secret scheme, so the app's (Bolt's) verification really runs.

import { randomBytes } from 'node:crypto';
import { signSlackRequest } from '../../lib/webhook-signing';

const DEFAULT_TEAM_ID = 'T0FAKETEAM'; // same default team as fake-slack's auth.test
const DEFAULT_CHANNEL_ID = 'D0FAKEDM';
const DEFAULT_APP_ID = 'A0FAKEAPP';

/** Signed exactly as Slack signs: the product's own signer (`portal slack` uses it too). */
export { signSlackRequest };
export type SlackSignatureHeaders = ReturnType<typeof signSlackRequest>;

export interface SlashCommandInput {
  /** Defaults to `/portal`. */
  command?: string;
  text: string;
  userId: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  triggerId?: string;
  apiAppId?: string;
}

/** The form-encoded body Slack POSTs for a slash command. */
export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams({
    token: 'fake-verification-token', // deprecated by Slack; present but unused
    team_id: input.teamId ?? DEFAULT_TEAM_ID,
    team_domain: input.teamDomain ?? 'fake-team',
    channel_id: input.channelId ?? DEFAULT_CHANNEL_ID,
    channel_name: input.channelName ?? 'directmessage',
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command ?? '/portal',
    text: input.text,
    api_app_id: input.apiAppId ?? DEFAULT_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? triggerId(),
  }).toString();
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  userId: string;
  userName?: string;
  teamId?: string;
  blockId?: string;
  /** Defaults to `button`. */
  actionType?: string;
  channelId?: string;
  /** The ts of the message holding the button. */
  messageTs?: string;
  responseUrl?: string;
  triggerId?: string;
  apiAppId?: string;
}

/** The form body (`payload=<JSON>`) Slack POSTs when a user clicks a block element. */
export function blockActionBody(input: BlockActionInput): string {
  const teamId = input.teamId ?? DEFAULT_TEAM_ID;
  const channelId = input.channelId ?? DEFAULT_CHANNEL_ID;
  const messageTs = input.messageTs ?? `${Math.floor(Date.now() / 1000)}.000100`;
  const userName = input.userName ?? input.userId.toLowerCase();
  const payload = {
    type: 'block_actions',
    user: { id: input.userId, username: userName, name: userName, team_id: teamId },
    api_app_id: input.apiAppId ?? DEFAULT_APP_ID,
    token: 'fake-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: input.triggerId ?? triggerId(),
    team: { id: teamId, domain: 'fake-team' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'directmessage' },
    message: { type: 'message', ts: messageTs, text: '', blocks: [] },
    state: { values: {} },
    ...(input.responseUrl !== undefined && { response_url: input.responseUrl }),
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId ?? 'portal-actions',
        type: input.actionType ?? 'button',
        text: { type: 'plain_text', text: input.actionId, emoji: true },
        ...(input.value !== undefined && { value: input.value }),
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostToSlackOptions {
  secret: string;
  timestamp?: number;
  /** Replaces the computed signature (tamper tests); `null` omits both signing headers. */
  signature?: string | null;
  /** Defaults to form-encoded; use `application/json` for Events API bodies. */
  contentType?: string;
}

/**
 * Signs `body` and POSTs it to `url` — the app's full Slack endpoint,
 * e.g. `${appUrl}/slack/events` (Bolt's default path).
 */
export async function postToSlack(
  url: string,
  body: string,
  options: PostToSlackOptions,
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.signature !== null) {
    const signed = signSlackRequest(options.secret, body, options.timestamp);
    Object.assign(headers, signed);
    if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

function triggerId(): string {
  return `${Date.now()}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(16).toString('hex')}`;
}
