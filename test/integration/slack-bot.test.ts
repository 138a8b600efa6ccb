import { PORTAL_HELP } from '../../bots/slack/commands';
import { AuditEvent, Client, ClientContact, Contact, InboundWebhook, SignInToken } from '../../db/models';
import { DEMO } from '../../db/seed';
import { slash } from '../support/bot-requests';
import { addClinicianWithClient, clinicianBySlackUser, contactByEmail } from '../support/practice-data';
import { startTestPortal, type TestPortal } from '../support/portal';
import { extractSignInLink, openLink } from '../support/sign-in';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const CLINICIAN = DEMO.clinician.slackUserId;
const ADMIN = DEMO.admin.slackUserId;
const SENDING = { response_type: 'ephemeral', text: 'Sending the invitation…' };
const NOT_A_CLINICIAN = 'This Slack account is not linked to a clinician of the practice, so it cannot use the portal. Ask an admin to link it.';

let commands = 0;
const nextId = () => `cmd-${(commands += 1)}`;
const invitedCount = (contactId: string) => AuditEvent.count({ where: { action: 'contact.invited', contactId } });

/** Runs `/portal <text>` and returns the ack plus what respond() later posted to the response_url. */
async function portalCommand(userId: string, text: string, triggerId?: string) {
  const responseId = nextId();
  const reply = await slash(portal, { text, userId, responseId, triggerId });
  return { reply, responseId, response: () => portal.slack.waitForResponse((response) => response.id === responseId, 15_000) };
}

describe('/portal help', () => {
  test.each([
    ['help', PORTAL_HELP],
    ['', PORTAL_HELP],
    ['frobnicate', `Unknown command \`frobnicate\`.\n${PORTAL_HELP}`],
  ])('%j answers in the ack with the help text', async (text, expected) => {
    const { reply } = await portalCommand(CLINICIAN, text);
    expect(reply.status).toBe(200);
    expect(reply.ack).toEqual({ response_type: 'ephemeral', text: expected });
  });
});

describe('/portal invite', () => {
  test('a new person: ack at once, initials in Slack, a welcome email with a working link, and rows owned by the clinician', async () => {
    const clinician = await clinicianBySlackUser(CLINICIAN);
    const waitMail = portal.smtp.nextMailTo('new@example.com');
    const { reply, response } = await portalCommand(CLINICIAN, 'invite new@example.com New Person');
    expect(reply.status).toBe(200);
    expect(reply.ack).toEqual(SENDING);
    const answer = await response();

    const contact = await contactByEmail('new@example.com');
    expect(contact).toMatchObject({ name: 'New Person', phone: null, smsConsentAt: null, practiceId: clinician.practiceId });
    const memberships = await ClientContact.findAll({ where: { contactId: contact.id } });
    expect(memberships.map((membership) => membership.relationship)).toEqual(['self']);
    const client = (await Client.findByPk(memberships[0].clientId))!;
    expect(client).toMatchObject({ clinicianId: clinician.id, kind: 'individual', displayName: 'New Person' });

    expect(answer).toMatchObject({ responseType: 'ephemeral', replaceOriginal: true, text: `Invitation sent to N.P. (client \`${client.id.slice(0, 8)}\`).` });
    expect(answer.text).not.toContain('New Person');
    expect(answer.text).not.toContain('new@example.com');

    const mail = await waitMail();
    expect(mail.subject).toBe('Welcome to the Riverside Counselling client portal');
    expect(mail.text).toContain('Hello New Person');
    const opened = await openLink(extractSignInLink(mail.text));
    expect(opened.status).toBe(303);
    expect(opened.cookie).toMatch(/^portal_session=.+/);

    const audit = await AuditEvent.findOne({ where: { action: 'contact.invited', contactId: contact.id } });
    expect(audit).toMatchObject({ actorType: 'clinician', actorId: clinician.id, channel: 'slack', clientId: client.id, details: { created: true } });
  });

  test("re-inviting one's own client sends a new link, naming the person's own profile", async () => {
    const sam = await contactByEmail(DEMO.sam.email);
    const own = (await ClientContact.findOne({ where: { contactId: sam.id, relationship: 'self' } }))!;
    const waitMail = portal.smtp.nextMailTo(DEMO.sam.email);
    const { reply, response } = await portalCommand(CLINICIAN, `invite ${DEMO.sam.email}`);
    expect(reply.ack).toEqual(SENDING);
    expect((await response()).text).toBe(`A new sign-in link was sent to S.L. (client \`${own.clientId.slice(0, 8)}\`).`);
    expect((await openLink(extractSignInLink((await waitMail()).text))).status).toBe(303);
    expect(await Contact.count({ where: { email: DEMO.sam.email } })).toBe(1);
  });

  test("another clinician's client is refused, with no email; an admin may re-invite them", async () => {
    const { contact, client } = await addClinicianWithClient({
      name: 'Dr. Casey Other',
      email: 'casey.other@riverside.example',
      slackUserId: 'U0OTHERCLIN',
      client: { name: 'Avery Quinn', email: 'avery@example.com' },
    });

    const refused = await portalCommand(CLINICIAN, 'invite avery@example.com');
    expect((await refused.response()).text).toBe('Not sent: That person is not one of your clients. Ask an admin of the practice to invite them.');
    expect(await invitedCount(contact.id)).toBe(0);
    expect(await SignInToken.count({ where: { contactId: contact.id } })).toBe(0);
    expect(portal.smtp.mailsTo('avery@example.com')).toHaveLength(0);

    const waitMail = portal.smtp.nextMailTo('avery@example.com');
    const admin = await portalCommand(ADMIN, 'invite avery@example.com');
    expect((await admin.response()).text).toBe(`A new sign-in link was sent to A.Q. (client \`${client.id.slice(0, 8)}\`).`);
    expect((await waitMail()).subject).toBe('Welcome to the Riverside Counselling client portal');
    expect(await invitedCount(contact.id)).toBe(1);
  });

  test('an unknown Slack user is refused in the ack and nothing is created', async () => {
    const { reply } = await portalCommand('U0STRANGER', 'invite stranger.invite@example.com Someone');
    expect(reply.status).toBe(200);
    expect(reply.ack).toEqual({ response_type: 'ephemeral', text: NOT_A_CLINICIAN });
    expect(await Contact.count({ where: { email: 'stranger.invite@example.com' } })).toBe(0);
  });

  test('bad input is explained, never a 500', async () => {
    const noAddress = await portalCommand(CLINICIAN, 'invite');
    expect(noAddress.reply).toMatchObject({ status: 200, ack: { response_type: 'ephemeral', text: 'Usage: `/portal invite <email> [name]`' } });

    const badAddress = await portalCommand(CLINICIAN, 'invite not-an-email');
    expect(badAddress.reply).toMatchObject({ status: 200, ack: { response_type: 'ephemeral', text: 'Not sent: Enter a valid email address' } });
    expect(await Contact.count({ where: { email: 'not-an-email' } })).toBe(0);
  });

  test('names typed with &, < or > are stored as typed (Slack sends them escaped)', async () => {
    const { response } = await portalCommand(CLINICIAN, 'invite pat.chris@example.com Pat &amp; Chris');
    expect((await response()).text).toMatch(/^Invitation sent to P\.C\. /);
    expect((await contactByEmail('pat.chris@example.com')).name).toBe('Pat & Chris');
  });
});

describe('request verification and retries', () => {
  test('a bad signature or a stale timestamp is a 401 and nothing runs', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const attempts = [
      await slash(portal, { text: 'invite forged@example.com', userId: CLINICIAN, responseId: 'forged', triggerId: 'trigger-forged', signature: 'v0=deadbeef' }),
      await slash(portal, { text: 'invite forged@example.com', userId: CLINICIAN, responseId: 'forged', triggerId: 'trigger-wrong-secret', secret: 'not-the-secret' }),
      await slash(portal, { text: 'invite forged@example.com', userId: CLINICIAN, responseId: 'forged', triggerId: 'trigger-stale', timestamp: stale }),
    ];
    expect(attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401]);
    expect(await InboundWebhook.count({ where: { provider: 'slack', externalId: ['trigger-forged', 'trigger-wrong-secret', 'trigger-stale'] } })).toBe(0);
    expect(await Contact.count({ where: { email: 'forged@example.com' } })).toBe(0);
  });

  test('a retried command (same trigger_id) is acted on once', async () => {
    const triggerId = '1234567890.retry.abcdef';
    const waitMail = portal.smtp.nextMailTo('retry@example.com');
    const first = await portalCommand(CLINICIAN, 'invite retry@example.com Retry Person', triggerId);
    expect(first.reply.ack).toEqual(SENDING);
    await first.response();
    await waitMail();

    const retry = await slash(portal, { text: 'invite retry@example.com Retry Person', userId: CLINICIAN, responseId: first.responseId, triggerId });
    expect(retry).toMatchObject({ status: 200, body: '' });

    // Barrier: a later command completes; the retry must have added nothing by then.
    await (await portalCommand(CLINICIAN, 'invite barrier@example.com')).response();
    const contact = await contactByEmail('retry@example.com');
    expect(await invitedCount(contact.id)).toBe(1);
    expect(portal.slack.responses.filter((response) => response.id === first.responseId)).toHaveLength(1);
    expect(await SignInToken.count({ where: { contactId: contact.id } })).toBe(1);
  });
});
