import { smsReplies } from '../../bots/sms/replies';
import { AuditEvent, Contact, Practice, Session } from '../../db/models';
import { DEMO } from '../../db/seed';
import { createClinicianApiToken } from '../../services/clinicians';
import { slash, textPortal } from '../support/bot-requests';
import { eventually } from '../support/poll';
import { clinicianBySlackUser, contactByEmail } from '../support/practice-data';
import { createRateLimits } from '../../services/rate-limits';
import { startTestPortal, type TestPortal } from '../support/portal';
import { extractSignInLink, openLink, requestLinkByEmail, signIn } from '../support/sign-in';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ SIGN_IN_RATE_LIMIT_PER_ADDRESS: '3', SIGN_IN_RATE_LIMIT_PER_IP: '5', SESSION_IDLE_TIMEOUT: '2s' });
});
afterAll(async () => {
  await portal?.stop();
});

/** A request from a given client IP: the portal trusts X-Forwarded-For from its loopback proxy. */
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${portal.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const tokenOf = (link: string) => link.split('/').pop()!;

describe('logs', () => {
  test('SMS, Slack, API and sign-in flows log no token, phone number, email address or message body', async () => {
    const secrets: string[] = [];

    const sms = portal.twilio.waitForMessage((message) => message.to === DEMO.jordan.phone, 15_000);
    await textPortal(portal, DEMO.jordan.phone, 'LINK');
    const smsLink = extractSignInLink((await sms).body);
    expect((await openLink(smsLink)).status).toBe(303);
    const privateText = 'I had a panic attack again, can we talk';
    for (const body of ['STOP', 'START', 'HELP', privateText]) await textPortal(portal, DEMO.jordan.phone, body);
    await textPortal(portal, '+15555550177', 'LINK');
    await textPortal(portal, DEMO.sam.phone, 'LINK', { signature: null });
    secrets.push(tokenOf(smsLink), (await sms).body, privateText, DEMO.jordan.phone, DEMO.sam.phone, '+15555550177');

    const mail = portal.smtp.waitForMail((message) => message.to.includes('log.check@example.com'), 15_000);
    await slash(portal, { text: 'invite log.check@example.com Logan Check', userId: DEMO.clinician.slackUserId, responseId: 'log-invite' });
    await portal.slack.waitForResponse((response) => response.id === 'log-invite', 15_000);
    await slash(portal, { text: 'invite log.forged@example.com', userId: DEMO.clinician.slackUserId, responseId: 'log-forged', signature: 'v0=00' });
    const welcome = extractSignInLink((await mail).text);
    expect((await openLink(welcome)).status).toBe(303);
    secrets.push(tokenOf(welcome), 'log.check@example.com', 'log.forged@example.com', 'Logan Check');

    const token = await createClinicianApiToken((await clinicianBySlackUser(DEMO.clinician.slackUserId)).id, 'logs');
    const auth = { authorization: `Bearer ${token}` };
    expect((await post('/api/clinician/invitations', { email: 'clash@example.com', phone: DEMO.jordan.phone }, auth)).status).toBe(409);
    expect((await post('/api/clinician/invitations', { email: 'bad-address', phone: '+1555' }, auth)).status).toBe(400);
    secrets.push(token, 'clash@example.com');

    const emailLink = await requestLinkByEmail(portal, DEMO.sam.email);
    expect((await openLink(emailLink)).status).toBe(303);
    expect((await openLink(emailLink)).status).toBe(410);
    expect((await post('/api/auth/sign-in-link', { email: 'nobody.known@example.com' })).status).toBe(202);
    secrets.push(tokenOf(emailLink), DEMO.jordan.email, DEMO.sam.email, 'nobody.known@example.com');

    const logs = portal.logs();
    expect(logs).toContain('"name":"portal"');
    for (const secret of secrets) expect([secret, logs.includes(secret)]).toEqual([secret, false]);
    expect(logs).not.toMatch(/\+1\d{10}/);
    expect(logs).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
  });
});

describe('rate limits', () => {
  test('more than the per-address limit is a 429 with a message and Retry-After, known or not', async () => {
    const statuses = [];
    for (const [index, email] of ['limited@example.com', 'Limited@Example.com', ' limited@example.com', 'LIMITED@example.com'].entries()) {
      const response = await post('/api/auth/sign-in-link', { email }, from(`198.51.100.${index + 1}`));
      statuses.push(response.status);
      if (response.status === 429) {
        const retryAfter = Number(response.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(3600);
        expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Too many sign-in requests\. Try again in \d+ minutes?\.$/) } });
      }
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  test('more than the per-IP limit is a 429 with Retry-After, whatever the address', async () => {
    const statuses = [];
    for (let index = 1; index <= 6; index += 1) {
      const response = await post('/api/auth/sign-in-link', { email: `person${index}@example.com` }, from('203.0.113.9'));
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await post('/api/auth/sign-in-link', { email: 'person1@example.com' }, from('203.0.113.10'))).status).toBe(202);
  });

  test('the counters are shared: another API server on the same database sees the same limit', async () => {
    for (let index = 0; index < 3; index += 1) {
      expect((await post('/api/auth/sign-in-link', { email: 'shared-limit@example.com' }, from(`192.0.2.${index + 1}`))).status).toBe(202);
    }
    const anotherServer = createRateLimits(portal.config, portal.portal.sequelize);
    await expect(anotherServer.signInRequest('shared-limit@example.com', '192.0.2.200')).rejects.toMatchObject({ code: 'rate_limited' });
  });

  test('texting LINK is limited too: the same reply, but no more links', async () => {
    const practice = (await Practice.findOne())!;
    const phone = '+15555550123';
    const texter = await Contact.create({ practiceId: practice.id, name: 'Tex Ter', email: 'texter@example.com', phone, smsConsentAt: new Date(), smsOptedOutAt: null });

    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await textPortal(portal, phone, 'LINK')).message).toBe(smsReplies.link);
    expect(await AuditEvent.count({ where: { action: 'sign_in_link.requested', contactId: texter.id } })).toBe(3);
    expect(await AuditEvent.count({ where: { action: 'sign_in_link.rate_limited', contactId: texter.id } })).toBe(1);
    await eventually(() => AuditEvent.count({ where: { action: 'sign_in_link.sent', contactId: texter.id } }), (sent) => sent === 3, 'three links sent');
    expect(portal.twilio.sent.filter((message) => message.to === phone)).toHaveLength(3);
  });
});

describe('sessions', () => {
  test('a session idle past the timeout is refused and ended as idle', async () => {
    const cookie = await signIn(portal, DEMO.jordan.email);
    const me = () => fetch(`${portal.url}/api/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);
    const jordan = await contactByEmail(DEMO.jordan.email);
    const session = (await Session.findOne({ where: { contactId: jordan.id, endedAt: null }, order: [['createdAt', 'DESC']] }))!;

    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idle = await me();
    expect(idle.status).toBe(401);
    expect(idle.headers.get('set-cookie')).toMatch(/^portal_session=;/);
    await session.reload();
    expect(session.endReason).toBe('idle');
    expect(session.endedAt).toBeInstanceOf(Date);
    expect(await AuditEvent.count({ where: { action: 'session.timed_out', contactId: jordan.id } })).toBe(1);
  });

  test('cross-site form posts are refused with no effect', async () => {
    const requested = await AuditEvent.count({ where: { action: 'sign_in_link.requested' } });
    const evil = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
    const form = await fetch(`${portal.url}/sign-in`, { method: 'POST', headers: evil, body: `email=${encodeURIComponent(DEMO.sam.email)}` });
    expect(form.status).toBe(403);
    expect(await form.json()).toEqual({ error: { code: 'forbidden', message: 'Cross-site request refused' } });
    expect((await post('/api/auth/sign-in-link', { email: DEMO.sam.email }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await AuditEvent.count({ where: { action: 'sign_in_link.requested' } })).toBe(requested);

    const cookie = await signIn(portal, DEMO.sam.email);
    const signOut = await fetch(`${portal.url}/sign-out`, { method: 'POST', redirect: 'manual', headers: { ...evil, cookie } });
    expect(signOut.status).toBe(403);
    expect((await fetch(`${portal.url}/api/me`, { headers: { cookie } })).status).toBe(200);

    const sameSite = await fetch(`${portal.url}/sign-in`, {
      method: 'POST',
      headers: { ...evil, origin: portal.config.publicUrl, ...from('192.0.2.50') },
      body: 'email=nobody.here%40example.com',
    });
    expect(sameSite.status).toBe(200);
  });
});
