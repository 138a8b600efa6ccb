import { AuditEvent, Client, ClientContact, ClinicianApiToken, Contact } from '../../db/models';
import { DEMO } from '../../db/seed';
import { createClinicianApiToken } from '../../services/clinicians';
import { addClinicianWithClient, clinicianBySlackUser, contactByEmail } from '../support/practice-data';
import { startTestPortal, type TestPortal } from '../support/portal';
import { extractSignInLink, openLink } from '../support/sign-in';

let portal: TestPortal;
let token: string;
beforeAll(async () => {
  portal = await startTestPortal();
  token = await createClinicianApiToken((await clinicianBySlackUser(DEMO.clinician.slackUserId)).id, 'integration tests');
});
afterAll(async () => {
  await portal?.stop();
});

interface ApiError {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

const invite = (body: unknown, authorization: string | null = `Bearer ${token}`) =>
  fetch(`${portal.url}/api/clinician/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify(body),
  });

describe('authentication', () => {
  test.each([
    ['no Authorization header', null],
    ['an unknown token', 'Bearer cpt_not-a-real-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('%s is a 401 that asks for a bearer token', async (_case, authorization) => {
    const response = await invite({ email: 'never@example.com' }, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(((await response.json()) as ApiError).error).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('clinician API token') });
    expect(await Contact.count({ where: { email: 'never@example.com' } })).toBe(0);
  });

  test('a revoked token is a 401', async () => {
    const clinician = await clinicianBySlackUser(DEMO.clinician.slackUserId);
    const revoked = await createClinicianApiToken(clinician.id, 'to revoke');
    expect((await invite({ email: 'revoked@example.com' }, `Bearer ${revoked}`)).status).toBe(201);
    await ClinicianApiToken.update({ revokedAt: new Date() }, { where: { label: 'to revoke' } });
    expect((await invite({ email: 'revoked2@example.com' }, `Bearer ${revoked}`)).status).toBe(401);
  });

  test('the scheme name is case-insensitive (RFC 7235)', async () => {
    const response = await fetch(`${portal.url}/api/clinician/me`, { headers: { authorization: `bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: DEMO.clinician.name, role: 'clinician' });
  });
});

describe('POST /api/clinician/invitations', () => {
  test('invites a new person: 201, rows owned by the clinician, and a welcome email that signs in', async () => {
    const clinician = await clinicianBySlackUser(DEMO.clinician.slackUserId);
    const waitMail = portal.smtp.nextMailTo('api.new@example.com');
    const response = await invite({ email: ' API.New@Example.com ', name: 'Api New', phone: '+15555550150', smsConsent: true });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { contactId: string; clientId: string; created: boolean };
    expect(body.created).toBe(true);

    const contact = (await Contact.findByPk(body.contactId))!;
    expect(contact).toMatchObject({ email: 'api.new@example.com', name: 'Api New', phone: '+15555550150', smsOptedOutAt: null });
    expect(contact.smsConsentAt).toBeInstanceOf(Date);
    expect(await Client.findByPk(body.clientId)).toMatchObject({ clinicianId: clinician.id, kind: 'individual', displayName: 'Api New' });
    expect(await ClientContact.count({ where: { contactId: contact.id, clientId: body.clientId, relationship: 'self' } })).toBe(1);
    expect(await AuditEvent.findOne({ where: { action: 'contact.invited', contactId: contact.id } })).toMatchObject({ actorType: 'clinician', actorId: clinician.id, channel: 'api' });

    const mail = await waitMail();
    expect(mail.subject).toBe('Welcome to the Riverside Counselling client portal');
    expect((await openLink(extractSignInLink(mail.text))).status).toBe(303);
  });

  test("re-inviting one's own client is a 200 with a fresh link", async () => {
    const waitMail = portal.smtp.nextMailTo(DEMO.jordan.email);
    const response = await invite({ email: DEMO.jordan.email });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: false });
    expect((await openLink(extractSignInLink((await waitMail()).text))).status).toBe(303);
  });

  test('an invalid body is a 400 naming each field', async () => {
    const response = await invite({ email: 'not-an-email', phone: '555-0100', name: '' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ApiError;
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Enter a valid email address' },
        { path: 'phone', message: 'Phone numbers are written in international form, e.g. +15551234567' },
        expect.objectContaining({ path: 'name' }),
      ]),
    );
    expect((await invite([])).status).toBe(400);
  });

  test("another clinician's client is a 403 and no email is sent", async () => {
    const { contact } = await addClinicianWithClient({
      name: 'Dr. Robin Else',
      email: 'robin.else@riverside.example',
      client: { name: 'Quinn Else', email: 'quinn@example.com' },
    });
    const response = await invite({ email: 'quinn@example.com' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiError).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('not one of your clients') });
    expect(await AuditEvent.count({ where: { action: 'contact.invited', contactId: contact.id } })).toBe(0);
    expect(portal.smtp.mailsTo('quinn@example.com')).toHaveLength(0);
  });

  test('a phone number already on file for someone else is a 409, not a 500', async () => {
    const response = await invite({ email: 'phone.clash@example.com', phone: DEMO.jordan.phone });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as ApiError;
    expect(error).toMatchObject({ code: 'conflict', fields: [{ path: 'phone', message: 'That phone number is already on file for someone else' }] });
    expect(await Contact.count({ where: { email: 'phone.clash@example.com' } })).toBe(0);
    expect((await contactByEmail(DEMO.jordan.email)).phone).toBe(DEMO.jordan.phone);
  });
});
