import { Op } from 'sequelize';
import { OutboxMessage } from '../../db/models';
import { DEMO } from '../../db/seed';
import { connectTemporalClient } from '../../temporal/client';
import { signInWorkflowId } from '../../workflows/sign-in';
import { eventually } from '../support/poll';
import { addClinicianWithClient } from '../support/practice-data';
import { startTestPortal, type TestPortal } from '../support/portal';
import { signIn } from '../support/sign-in';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const FIRST_SIGN_IN = /^J\.L\. \(client `[0-9a-f]{8}`\) signed in to the client portal for the first time\.$/;

describe('clinicians hear on Slack when a client first signs in', () => {
  test("a contact's first sign-in is posted to their clinician, with initials only, and only once", async () => {
    await signIn(portal, DEMO.jordan.email);
    const notice = await portal.slack.waitForMessage((message) => message.method === 'chat.postMessage', 15_000);
    expect(notice.channel).toBe(DEMO.clinician.slackUserId);
    expect(notice.text).toMatch(FIRST_SIGN_IN);
    expect(notice.text).not.toContain('Jordan');

    const row = await eventually(
      () => OutboxMessage.findOne({ where: { channel: 'slack', template: 'first-sign-in' } }),
      (found) => found?.status === 'sent',
      'the Slack notice marked sent in the outbox',
    );
    expect(row).toMatchObject({ status: 'sent', recipient: DEMO.clinician.slackUserId, body: null });

    await signIn(portal, DEMO.jordan.email);
    await signIn(portal, DEMO.sam.email);
    const samNotice = await portal.slack.waitForMessage((message) => message.text?.startsWith('S.L.') ?? false, 15_000);
    expect(samNotice.channel).toBe(DEMO.clinician.slackUserId);
    expect(portal.slack.messages.filter((message) => FIRST_SIGN_IN.test(message.text ?? ''))).toHaveLength(1);
  });

  test('a notice Slack refuses is marked failed in the outbox and the sign-in still stands', async () => {
    const { contact } = await addClinicianWithClient({
      name: 'Dr. Quinn Hale',
      email: 'quinn.hale@riverside.example',
      slackUserId: 'U0GONE',
      client: { name: 'Avery Stone', email: 'avery@example.com' },
    });
    portal.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await signIn(portal, contact.email);

    const temporal = await connectTemporalClient(portal.config, portal.config.temporal.address!);
    try {
      expect(await temporal.workflow.getHandle(signInWorkflowId(contact.id)).result()).toBe('redeemed');
    } finally {
      await temporal.connection.close();
    }
    const row = await OutboxMessage.findOne({ where: { id: { [Op.like]: `first-sign-in:${contact.id}:%` } } });
    expect(row).toMatchObject({ status: 'failed', recipient: 'U0GONE' });
    expect(row?.error).toContain('channel_not_found');
  });
});
