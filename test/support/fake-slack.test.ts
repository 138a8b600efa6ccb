// Proves the fake Slack is faithful enough for the real clients: a WebClient
// (the one Bolt re-exports, i.e. the exact version Bolt uses) and a full Bolt
// App receiving signed slash commands / button clicks built by slack-signing.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from './fake-slack';
import { blockActionBody, postToSlack, slashCommandBody } from './slack-signing';

const BOT_TOKEN = 'xoxb-fake-bot-token';
const SIGNING_SECRET = 'fake-signing-secret';

describe('fake Slack with the real WebClient', () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;

  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    // retries: 0 — the default policy retries failed HTTP calls for ~30 minutes.
    client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(() => slack.reset());
  afterAll(() => slack.close());

  it('records chat.postMessage with parsed blocks and returns ts/channel', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*New message* from a client' } }];
    const result = await client.chat.postMessage({ channel: 'C0STAFF', text: 'New message', blocks });

    expect(result).toMatchObject({ ok: true, channel: 'C0STAFF' });
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    expect(slack.messages).toEqual([
      { method: 'chat.postMessage', channel: 'C0STAFF', text: 'New message', blocks, ts: result.ts },
    ]);
    expect(slack.calls[0]).toMatchObject({ method: 'chat.postMessage', token: BOT_TOKEN });
  });

  it('answers auth.test, conversations.open, users.info, update and ephemeral', async () => {
    await expect(client.auth.test()).resolves.toMatchObject({
      ok: true,
      user_id: slack.botUserId,
      bot_id: slack.botId,
      team_id: slack.teamId,
    });
    await expect(client.conversations.open({ users: 'U0ALICE' })).resolves.toMatchObject({
      channel: { id: 'DU0ALICE' },
    });

    slack.setUser({ id: 'U0ALICE', name: 'alice', email: 'alice@practice.example.test' });
    const info = await client.users.info({ user: 'U0ALICE' });
    expect(info.user?.profile?.email).toBe('alice@practice.example.test');

    const posted = await client.chat.postMessage({ channel: 'C1', text: 'v1' });
    await client.chat.update({ channel: 'C1', ts: posted.ts ?? '', text: 'v2' });
    await client.chat.postEphemeral({ channel: 'C1', user: 'U0ALICE', text: 'only you' });

    const update = await slack.waitForMessage((m) => m.method === 'chat.update', 1000);
    expect(update).toMatchObject({ channel: 'C1', ts: posted.ts, text: 'v2' });
    expect(slack.messages.map((m) => m.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
    expect(slack.messages[2]).toMatchObject({ user: 'U0ALICE', text: 'only you' });
  });

  it('answers unknown methods, bad tokens and injected failures like Slack', async () => {
    await expect(client.apiCall('nope.nothing')).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { ok: false, error: 'unknown_method' },
    });

    const stranger = new webApi.WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });

    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    expect(slack.messages).toHaveLength(0);
  });
});

describe('fake Slack with a Bolt App (slash commands, actions, respond())', () => {
  let slack: FakeSlack;
  let app: App;
  let eventsUrl: string;

  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });

    app.command('/portal', async ({ command, ack, respond, client }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `you said: ${command.text}` });
      await client.chat.postMessage({ channel: command.user_id, text: 'DM from the portal' });
    });
    app.action('approve', async ({ ack, respond, body }) => {
      await ack();
      const value = body.type === 'block_actions' && body.actions[0]?.type === 'button' ? body.actions[0].value : '';
      await respond({ replace_original: true, text: `approved ${value ?? ''}` });
    });

    const server = (await app.start(0)) as Server;
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterEach(() => slack.reset());
  afterAll(async () => {
    await app.stop();
    await slack.close();
  });

  it('handles a signed slash command: respond() and chat.postMessage land in the fake', async () => {
    const body = slashCommandBody({ text: 'appointments', userId: 'U0ALICE', responseUrl: slack.responseUrl('cmd-1') });
    const reply = await postToSlack(eventsUrl, body, { secret: SIGNING_SECRET });
    expect(reply.status).toBe(200);

    await expect(slack.waitForResponse((r) => r.id === 'cmd-1', 2000)).resolves.toMatchObject({
      text: 'you said: appointments',
      responseType: 'ephemeral',
    });
    await expect(slack.waitForMessage((m) => m.channel === 'U0ALICE', 2000)).resolves.toMatchObject({
      text: 'DM from the portal',
    });
  });

  it('handles a signed block action with its value', async () => {
    const body = blockActionBody({
      actionId: 'approve',
      value: 'request-42',
      userId: 'U0ALICE',
      responseUrl: slack.responseUrl('act-1'),
    });
    const reply = await postToSlack(eventsUrl, body, { secret: SIGNING_SECRET });
    expect(reply.status).toBe(200);

    await expect(slack.waitForResponse((r) => r.id === 'act-1', 2000)).resolves.toMatchObject({
      text: 'approved request-42',
      replaceOriginal: true,
    });
  });

  it('rejects tampered, unsigned and stale requests', async () => {
    const body = slashCommandBody({ text: 'x', userId: 'U0ALICE', responseUrl: slack.responseUrl('bad') });
    const tampered = await postToSlack(eventsUrl, body, { secret: SIGNING_SECRET, signature: 'v0=deadbeef' });
    const wrongSecret = await postToSlack(eventsUrl, body, { secret: 'not-the-secret' });
    const unsigned = await postToSlack(eventsUrl, body, { secret: SIGNING_SECRET, signature: null });
    const stale = await postToSlack(eventsUrl, body, {
      secret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });

    expect([tampered.status, wrongSecret.status, unsigned.status, stale.status]).toEqual([401, 401, 401, 401]);
    expect(slack.responses).toHaveLength(0);
  });
});
