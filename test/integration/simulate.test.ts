import { simulateSlash, simulateSms } from '../../bin/simulate';
import { DEMO } from '../../db/seed';
import { startTestPortal, type TestPortal } from '../support/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('`portal sms` and `portal slack` play Twilio and Slack against a running portal', () => {
  test('an SMS is signed as Twilio signs it and the TwiML reply is printed', async () => {
    expect(await simulateSms(portal.config, DEMO.jordan.phone, 'help')).toBe(
      '200 reply: Riverside Counselling client portal. Contact us at hello@riverside.example or +15555550199. Reply LINK for a sign-in link, STOP to opt out.',
    );
  });

  test('a slash command is signed as Slack signs it and the ack and the later respond() are printed', async () => {
    const lines = await simulateSlash(portal.config, DEMO.clinician.slackUserId, 'invite robin@example.com Robin Park');
    expect(lines).toEqual(['200 ack: Sending the invitation…', expect.stringMatching(/^respond: Invitation sent to R\.P\. \(client `[0-9a-f]{8}`\)\.$/)]);
    await portal.smtp.waitForMail((mail) => mail.to.includes('robin@example.com'));
  });
});
