import { AuditEvent, Session, SignInToken } from '../../db/models';
import { DEMO } from '../../db/seed';
import type { Me } from '../../services/profiles';
import { startTestPortal, type TestPortal } from '../support/portal';
import { openLink, requestLinkByEmail, signIn } from '../support/sign-in';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const api = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  fetch(`${portal.url}${path}`, {
    ...init,
    redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
  });

describe('sign-in links, end to end', () => {
  test('a requested link arrives by email, signs in once, and lands on the profile picker', async () => {
    const link = await requestLinkByEmail(portal, DEMO.jordan.email);
    const mail = portal.smtp.mails.at(-1)!;
    expect(mail.subject).toBe('Your sign-in link for Riverside Counselling');
    expect(mail.text).toContain('expires in 24 hours');

    const first = await openLink(link);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(first.cookie).toMatch(/^portal_session=/);

    const picker = await api('/', { cookie: first.cookie });
    expect(await picker.text()).toContain('Who are you here for today?');

    const again = await openLink(link);
    expect(again.status).toBe(410);
    expect(again.cookie).toBeUndefined();
    expect(again.body).toContain('already been used');
  });

  test('a new link supersedes the older one', async () => {
    const older = await requestLinkByEmail(portal, DEMO.sam.email);
    const newer = await requestLinkByEmail(portal, DEMO.sam.email);
    const stale = await openLink(older);
    expect(stale.status).toBe(410);
    expect(stale.body).toContain('A newer sign-in link was sent');
    expect((await openLink(newer)).status).toBe(303);
  });

  test('unknown addresses get the same answer and no email', async () => {
    const sent = portal.smtp.mails.length;
    const known = await api('/api/auth/sign-in-link', { method: 'POST', body: JSON.stringify({ email: DEMO.sam.email }) });
    const unknown = await api('/api/auth/sign-in-link', { method: 'POST', body: JSON.stringify({ email: 'nobody@example.com' }) });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    await portal.smtp.waitForMail((mail) => mail.to.includes(DEMO.sam.email) && portal.smtp.mails.indexOf(mail) >= sent);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(portal.smtp.mails.slice(sent).filter((mail) => mail.to.includes('nobody@example.com'))).toHaveLength(0);
  });

  test('a malformed email is a 400 naming the problem', async () => {
    const response = await api('/api/auth/sign-in-link', { method: 'POST', body: JSON.stringify({ email: 'not-an-email' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('valid email');
  });

  test('profiles: pick, switch, and another profile is 404', async () => {
    const cookie = await signIn(portal, DEMO.jordan.email);
    const me = (await (await api("/api/me", { cookie })).json()) as Me;
    expect(me.profiles.map((p) => p.displayName)).toEqual(['Jordan Lee', 'Jordan & Sam Lee', 'Riley Lee']);
    expect(me.currentProfileId).toBeNull();

    const riley = me.profiles.find((p) => p.kind === "minor")!;
    const chosen = await api('/api/me/profile', { method: 'PUT', cookie, body: JSON.stringify({ profileId: riley.id }) });
    expect(chosen.status).toBe(200);
    const home = await (await api('/', { cookie })).text();
    expect(home).toContain('data-testid="current-profile">Riley Lee');

    const samCookie = await signIn(portal, DEMO.sam.email);
    const samMe = (await (await api("/api/me", { cookie: samCookie })).json()) as Me;
    const samOwn = samMe.profiles.find((p) => p.relationship === "self")!;
    expect((await api(`/api/profiles/${samOwn.id}`, { cookie })).status).toBe(404);
    expect((await api('/api/me/profile', { method: 'PUT', cookie, body: JSON.stringify({ profileId: samOwn.id }) })).status).toBe(404);
    expect((await api(`/api/profiles/${riley.id}`, { cookie: samCookie })).status).toBe(404);
  });

  test('sign-out ends the session', async () => {
    const cookie = await signIn(portal, DEMO.sam.email);
    expect((await api('/api/me', { cookie })).status).toBe(200);
    expect((await api('/api/auth/sign-out', { method: 'POST', cookie })).status).toBe(204);
    expect((await api('/api/me', { cookie })).status).toBe(401);
    const session = await Session.findOne({ order: [['createdAt', 'DESC']], where: { endReason: 'signed_out' } });
    expect(session?.endedAt).not.toBeNull();
  });

  test('tokens are stored only as hashes and every step is audited', async () => {
    const link = await requestLinkByEmail(portal, DEMO.jordan.email);
    const token = link.split('/').pop()!;
    const rows = await SignInToken.findAll();
    expect(rows.every((row) => row.tokenHash.length === 64 && row.tokenHash !== token)).toBe(true);
    await openLink(link);
    const actions = (await AuditEvent.findAll()).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in_link.requested', 'sign_in_link.sent', 'sign_in_link.redeemed', 'session.started', 'profile.selected', 'session.signed_out']));
    expect(portal.logs()).not.toContain(token);
  });
});
