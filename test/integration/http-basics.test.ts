import { startTestPortal, type TestPortal } from '../support/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('the HTTP server', () => {
  test('/healthz and /readyz report the process, the database and Temporal', async () => {
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${portal.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
  });

  test('the OpenAPI document lists the API and /docs renders it', async () => {
    const document = (await (await fetch(`${portal.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in-link', '/api/me', '/api/me/profile', '/api/profiles/{profileId}', '/api/clinician/invitations']),
    );
    const page = await fetch(`${portal.url}/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });

  test('bad requests are 4xx with a message, never a 500', async () => {
    const malformed = await fetch(`${portal.url}/api/auth/sign-in-link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toBeTruthy();

    const unknown = await fetch(`${portal.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'No such endpoint' } });

    expect((await fetch(`${portal.url}/api/me`)).status).toBe(401);
    expect((await fetch(`${portal.url}/api/me/profile`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  test('pages carry protective headers', async () => {
    const page = await fetch(`${portal.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
  });
});
