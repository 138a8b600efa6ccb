import { Op } from 'sequelize';
import { smsReplies } from '../../bots/sms/replies';
import { AuditEvent, Contact, InboundWebhook, OutboxMessage, SignInToken } from '../../db/models';
import { DEMO } from '../../db/seed';
import { postTwilio, reportStatus, textPortal } from '../support/bot-requests';
import { eventually } from '../support/poll';
import { TEST_SECRETS, startTestPortal, type TestPortal } from '../support/portal';
import { extractSignInLink, openLink } from '../support/sign-in';
import { signTwilioRequest } from '../support/twilio-signing';

let portal: TestPortal;
beforeAll(async () => {
  // These tests text LINK many times from one phone; the limit itself is covered in security.test.ts.
  portal = await startTestPortal({ SIGN_IN_RATE_LIMIT_PER_ADDRESS: '100' });
});
afterAll(async () => {
  await portal?.stop();
});

const JORDAN = DEMO.jordan.phone;
const SAM = DEMO.sam.phone;
const STRANGER = '+15555550177';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const contact = async (email: string) => (await Contact.findOne({ where: { email } }))!;
/** Audit rows the SMS bot writes itself; the worker's own (channel 'workflow') land asynchronously. */
const smsAudits = () => AuditEvent.count({ where: { channel: 'sms' } });
const auditCount = (action: string, contactId?: string) => AuditEvent.count({ where: { action, ...(contactId ? { contactId } : {}) } });
const smsTo = (phone: string) => portal.twilio.sent.filter((sms) => sms.to === phone);

/** The next SMS to `phone` after those already recorded. */
async function nextSmsTo(phone: string) {
  const before = smsTo(phone).length;
  return () => portal.twilio.waitForMessage((sms) => sms.to === phone && smsTo(phone).indexOf(sms) >= before, 15_000);
}

/** The outbox row of an SMS once the worker has recorded Twilio's answer for it. */
const outboxRowFor = (sid: string) =>
  eventually(() => OutboxMessage.findOne({ where: { providerMessageId: sid } }), (row) => row !== null, `the outbox row of ${sid}`).then((row) => row!);

describe('carrier keywords', () => {
  const OPT_OUT = ['STOP', 'stopall', 'Unsubscribe', 'CANCEL.', 'end!', 'Quit?', 'revoke!!', 'OptOut,'];

  test.each(OPT_OUT.map((word, index) => [word, index % 2 === 0 ? 'START' : 'unstop.']))('%s opts out of all SMS and %s opts back in', async (stop, start) => {
    const jordan = await contact(DEMO.jordan.email);
    const [outsBefore, insBefore] = [await auditCount('sms.opted_out', jordan.id), await auditCount('sms.opted_in', jordan.id)];

    const out = await textPortal(portal, JORDAN, stop);
    expect(out.status).toBe(200);
    expect(out.contentType).toContain('text/xml');
    expect(out.message).toBe(smsReplies.optedOut);
    await jordan.reload();
    expect(jordan.smsOptedOutAt).toBeInstanceOf(Date);
    expect(jordan.canReceiveSms()).toBe(false);
    expect(await auditCount('sms.opted_out', jordan.id)).toBe(outsBefore + 1);

    const back = await textPortal(portal, JORDAN, start);
    expect(back.message).toBe(smsReplies.optedIn);
    await jordan.reload();
    expect(jordan.smsOptedOutAt).toBeNull();
    expect(jordan.canReceiveSms()).toBe(true);
    expect(await auditCount('sms.opted_in', jordan.id)).toBe(insBefore + 1);

    const audit = await AuditEvent.findOne({ where: { action: 'sms.opted_out', contactId: jordan.id }, order: [['id', 'DESC']] });
    expect(audit).toMatchObject({ actorType: 'contact', actorId: jordan.id, channel: 'sms' });
  });

  test.each(['HELP', 'info.', 'Help?'])('%s answers with the practice contact', async (word) => {
    const reply = await textPortal(portal, JORDAN, word);
    expect(reply.message).toBe(
      'Riverside Counselling client portal. Contact us at hello@riverside.example or +15555550199. Reply LINK for a sign-in link, STOP to opt out.',
    );
    expect((await textPortal(portal, STRANGER, word)).message).toBe(reply.message);
  });

  test('anything else gets the "did not understand" reply and changes nothing', async () => {
    const before = await smsAudits();
    const reply = await textPortal(portal, JORDAN, 'Can I move my appointment to Friday?');
    expect(reply.message).toBe(smsReplies.unknown);
    expect(reply.message).toContain('did not understand');
    expect(await smsAudits()).toBe(before);
  });
});

describe('LINK', () => {
  test('a consenting contact gets the link by SMS, and it signs them in', async () => {
    const jordan = await contact(DEMO.jordan.email);
    const waitSms = await nextSmsTo(JORDAN);
    const reply = await textPortal(portal, JORDAN, 'link');
    expect(reply.message).toBe(smsReplies.link);

    const sms = await waitSms();
    expect(sms).toMatchObject({ from: TEST_SECRETS.twilioFrom, statusCallback: `${portal.config.publicUrl}/webhooks/twilio/status` });
    expect(sms.body).toMatch(/^Riverside Counselling: your sign-in link \(works once, 24 hours\): http/);
    const opened = await openLink(extractSignInLink(sms.body));
    expect(opened.status).toBe(303);
    expect(opened.cookie).toMatch(/^portal_session=.+/);

    const sent = await AuditEvent.findOne({ where: { action: 'sign_in_link.sent', contactId: jordan.id }, order: [['id', 'DESC']] });
    expect(sent?.details).toMatchObject({ reason: 'request', deliveredBy: 'sms' });
  });

  test('a contact without SMS consent gets the link by email instead', async () => {
    const sam = await contact(DEMO.sam.email);
    expect(sam.phone).toBe(SAM);
    expect(sam.smsConsentAt).toBeNull();
    const waitMail = portal.smtp.nextMailTo(DEMO.sam.email);

    expect((await textPortal(portal, SAM, 'LINK')).message).toBe(smsReplies.link);
    const mail = await waitMail();
    expect(mail.subject).toBe('Your sign-in link for Riverside Counselling');
    expect((await openLink(extractSignInLink(mail.text))).status).toBe(303);
    expect(smsTo(SAM)).toHaveLength(0);
  });

  test('an opted-out contact gets the link by email, never by SMS', async () => {
    await textPortal(portal, JORDAN, 'STOP');
    const smsBefore = smsTo(JORDAN).length;
    const waitMail = portal.smtp.nextMailTo(DEMO.jordan.email);

    expect((await textPortal(portal, JORDAN, 'LINK')).message).toBe(smsReplies.link);
    expect((await openLink(extractSignInLink((await waitMail()).text))).status).toBe(303);
    expect(smsTo(JORDAN)).toHaveLength(smsBefore);
    await textPortal(portal, JORDAN, 'START');
  });

  test('an unknown number gets the same reply and nothing is sent', async () => {
    const [audits, tokens, sms, mails] = [await smsAudits(), await SignInToken.count(), portal.twilio.sent.length, portal.smtp.mails.length];
    const reply = await textPortal(portal, STRANGER, 'LINK');
    expect(reply.message).toBe(smsReplies.link);
    expect(await smsAudits()).toBe(audits);

    // Barrier: a known contact's link goes through the same worker; only that one may have been sent.
    const waitSms = await nextSmsTo(JORDAN);
    await textPortal(portal, JORDAN, 'LINK');
    await waitSms();
    expect(portal.twilio.sent.slice(sms).map((m) => m.to)).toEqual([JORDAN]);
    expect(portal.smtp.mails).toHaveLength(mails);
    expect(await SignInToken.count()).toBe(tokens + 1);
  });

  test('a retried webhook (same MessageSid) acts once and answers with empty TwiML', async () => {
    const jordan = await contact(DEMO.jordan.email);
    const messageSid = 'SM0123456789abcdef0123456789abcdef';
    const [requested, tokens] = [await auditCount('sign_in_link.requested', jordan.id), await SignInToken.count({ where: { contactId: jordan.id } })];

    const waitFirst = await nextSmsTo(JORDAN);
    expect((await textPortal(portal, JORDAN, 'LINK', { messageSid })).message).toBe(smsReplies.link);
    await waitFirst();
    const retry = await textPortal(portal, JORDAN, 'LINK', { messageSid });
    expect(retry.status).toBe(200);
    expect(retry.body).toBe(EMPTY_TWIML);

    const waitBarrier = await nextSmsTo(JORDAN);
    await textPortal(portal, JORDAN, 'LINK');
    await waitBarrier();
    expect(await auditCount('sign_in_link.requested', jordan.id)).toBe(requested + 2);
    expect(await SignInToken.count({ where: { contactId: jordan.id } })).toBe(tokens + 2);
    expect(await InboundWebhook.count({ where: { provider: 'twilio', externalId: messageSid } })).toBe(1);
  });
});

describe('webhook signatures', () => {
  test('tampered, wrongly addressed and missing signatures are refused with no effect', async () => {
    const jordan = await contact(DEMO.jordan.email);
    const audits = await smsAudits();
    const otherParams = { Body: 'START', From: JORDAN };
    const forOtherBody = signTwilioRequest(TEST_SECRETS.twilioAuthToken, `${portal.config.publicUrl}/webhooks/twilio/sms`, otherParams);

    const replies = [
      await textPortal(portal, JORDAN, 'STOP', { messageSid: 'SMtampered', signature: forOtherBody }),
      await textPortal(portal, JORDAN, 'STOP', { messageSid: 'SMelsewhere', signedFor: 'https://portal.example.com' }),
      await textPortal(portal, JORDAN, 'STOP', { messageSid: 'SMunsigned', signature: null }),
    ];
    expect(replies.map((reply) => [reply.status, reply.message])).toEqual([
      [403, null],
      [403, null],
      [403, null],
    ]);
    await jordan.reload();
    expect(jordan.smsOptedOutAt).toBeNull();
    expect(await smsAudits()).toBe(audits);
    expect(await InboundWebhook.count({ where: { externalId: { [Op.in]: ['SMtampered', 'SMelsewhere', 'SMunsigned'] } } })).toBe(0);
  });

  test('an unsigned status callback changes nothing', async () => {
    const waitSms = await nextSmsTo(JORDAN);
    await textPortal(portal, JORDAN, 'LINK');
    const row = await outboxRowFor((await waitSms()).sid);
    const response = await reportStatus(portal, { messageSid: row.providerMessageId!, status: 'failed', to: JORDAN, errorCode: 30003 }, { signature: null });
    expect(response.status).toBe(403);
    await row.reload();
    expect(row).toMatchObject({ status: 'sent', deliveryStatus: null, error: null });
  });
});

describe('delivery status callbacks', () => {
  async function sendLinkSms() {
    const waitSms = await nextSmsTo(JORDAN);
    await textPortal(portal, JORDAN, 'LINK');
    const sms = await waitSms();
    return outboxRowFor(sms.sid);
  }

  test('sent and delivered are recorded on the outbox row, in order', async () => {
    const row = await sendLinkSms();
    expect(row).toMatchObject({ channel: 'sms', recipient: JORDAN, status: 'sent', body: null });
    const sid = row.providerMessageId!;

    expect((await reportStatus(portal, { messageSid: sid, status: 'sent', to: JORDAN })).status).toBe(204);
    expect((await row.reload()).deliveryStatus).toBe('sent');
    expect((await reportStatus(portal, { messageSid: sid, status: 'delivered', to: JORDAN })).status).toBe(204);
    expect(await row.reload()).toMatchObject({ status: 'sent', deliveryStatus: 'delivered', error: null });

    // Twilio does not promise the order of callbacks: a late "sent" must not undo "delivered".
    await reportStatus(portal, { messageSid: sid, status: 'sent', to: JORDAN });
    expect((await row.reload()).deliveryStatus).toBe('delivered');
  });

  test.each([
    ['failed', 30003],
    ['undelivered', 30006],
  ] as const)('%s marks the message failed with the error code', async (status, errorCode) => {
    const row = await sendLinkSms();
    const response = await reportStatus(portal, { messageSid: row.providerMessageId!, status, to: JORDAN, errorCode });
    expect(response.status).toBe(204);
    await row.reload();
    expect(row.status).toBe('failed');
    expect(row.deliveryStatus).toBe(status);
    expect(row.error).toContain(String(errorCode));
  });

  test('malformed callbacks are a 400, never a 500', async () => {
    const noStatus = await postTwilio(portal, '/webhooks/twilio/status', { MessageSid: 'SMabc', AccountSid: TEST_SECRETS.twilioAccountSid });
    const empty = await postTwilio(portal, '/webhooks/twilio/status', {});
    const repeated = await postTwilio(portal, '/webhooks/twilio/status', { MessageSid: ['SMa', 'SMb'], MessageStatus: 'sent' });
    const noSender = await postTwilio(portal, '/webhooks/twilio/sms', { MessageSid: 'SMnosender', Body: 'LINK' });
    expect([noStatus.status, empty.status, repeated.status, noSender.status]).toEqual([400, 400, 400, 400]);
  });
});

describe('outbound SMS failures', () => {
  test('a permanent Twilio error marks the outbox row failed and the worker carries on', async () => {
    const earlier = (await OutboxMessage.findAll({ attributes: ['id'] })).map((row) => row.id);
    portal.twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const attempts = portal.twilio.attempts.length;

    expect((await textPortal(portal, JORDAN, 'LINK')).message).toBe(smsReplies.link);
    const failed = await eventually(
      () => OutboxMessage.findOne({ where: { channel: 'sms', recipient: JORDAN, status: 'failed', id: { [Op.notIn]: earlier } } }),
      (row) => row !== null,
      'the failed outbox row',
    );
    expect(failed!.error).toContain('21211');
    expect(failed!.error).toContain('400');
    expect(failed!.providerMessageId).toBeNull();
    expect(portal.twilio.attempts.slice(attempts)).toMatchObject([{ status: 400, errorCode: 21211 }]);

    // The worker is still up and serving other contacts.
    expect(portal.portal.worker?.getState()).toBe('RUNNING');
    const waitMail = portal.smtp.nextMailTo(DEMO.sam.email);
    await textPortal(portal, SAM, 'LINK');
    expect((await openLink(extractSignInLink((await waitMail()).text))).status).toBe(303);
  });
});
