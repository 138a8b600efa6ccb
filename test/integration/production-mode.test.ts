import { startTestPortal, type TestPortal } from '../support/portal';

// Production with no Twilio or Slack secrets: nothing may fall back to the development secrets.
let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({
    NODE_ENV: 'production',
    TWILIO_ACCOUNT_SID: '',
    TWILIO_AUTH_TOKEN: '',
    SLACK_BOT_TOKEN: '',
    SLACK_SIGNING_SECRET: '',
  });
});
afterAll(async () => {
  await portal?.stop();
});

describe('production mode', () => {
  test('the dev mailbox does not exist', async () => {
    expect((await fetch(`${portal.url}/dev/mailbox`)).status).toBe(404);
    expect((await fetch(`${portal.url}/dev/mailbox.json`)).status).toBe(404);
  });

  test('unconfigured webhooks refuse every request instead of trusting a development secret', async () => {
    const sms = await fetch(`${portal.url}/webhooks/twilio/sms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'From=%2B15555550100&Body=LINK&MessageSid=SM1' });
    expect(sms.status).toBe(503);
    const slack = await fetch(`${portal.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=%2Fportal&text=help' });
    expect(slack.status).toBe(503);
  });
});
