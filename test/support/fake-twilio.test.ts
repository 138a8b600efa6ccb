// Proves the fake is faithful enough for the real `twilio` SDK: same request
// shape in, a resource the SDK can parse out, and RestException on errors.

import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio';

// The SDK has no base-URL option, so route its requests to the fake by
// swapping the origin (keeps path + query; also covers edge/region hosts).
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const original = new URL(opts.uri);
    const uri = new URL(original.pathname + original.search, this.baseUrl).toString();
    return super.request({ ...opts, uri });
  }
}

describe('fake Twilio with the real twilio SDK', () => {
  let fake: FakeTwilio;
  let client: twilio.Twilio;

  beforeAll(async () => {
    fake = await startFakeTwilio({
      accountSid: 'AC11111111111111111111111111111111',
      authToken: 'secret-token',
    });
    client = twilio(fake.accountSid, fake.authToken, {
      httpClient: new RedirectingRequestClient(fake.url),
    });
  });

  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('records a message sent from a number and returns its sid', async () => {
    const message = await client.messages.create({
      to: '+15555550100',
      from: '+15555550199',
      body: 'Your appointment is tomorrow at 10:00',
      statusCallback: 'https://portal.example.test/webhooks/twilio/status',
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.accountSid).toBe(fake.accountSid);
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false);
    expect(fake.sent).toEqual([
      {
        sid: message.sid,
        to: '+15555550100',
        from: '+15555550199',
        body: 'Your appointment is tomorrow at 10:00',
        statusCallback: 'https://portal.example.test/webhooks/twilio/status',
      },
    ]);
  });

  it('records a message sent through a messaging service', async () => {
    const waiting = fake.waitForMessage((m) => m.to === '+15555550101', 2000);
    const message = await client.messages.create({
      to: '+15555550101',
      messagingServiceSid: 'MG00000000000000000000000000000000',
      body: 'Hello',
    });

    const recorded = await waiting;
    expect(recorded).toEqual({
      sid: message.sid,
      to: '+15555550101',
      messagingServiceSid: 'MG00000000000000000000000000000000',
      body: 'Hello',
    });
    expect(message.messagingServiceSid).toBe('MG00000000000000000000000000000000');
  });

  it('makes the SDK throw a RestException carrying the injected error', async () => {
    fake.failNext({ status: 400, code: 21211, message: "The 'To' number +1555 is not a valid phone number." });

    const error: unknown = await client.messages
      .create({ to: '+1555', from: '+15555550199', body: 'x' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 400, code: 21211 });
    expect(fake.sent).toHaveLength(0);
    expect(fake.attempts).toMatchObject([{ status: 400, errorCode: 21211 }]);

    // Only the next request fails.
    await expect(
      client.messages.create({ to: '+15555550102', from: '+15555550199', body: 'retry' }),
    ).resolves.toMatchObject({ to: '+15555550102' });
  });

  it('can fail transiently several times in a row', async () => {
    fake.failNext({ status: 503, code: 20500, message: 'Service Unavailable' }, 2);
    const send = () => client.messages.create({ to: '+15555550103', from: '+15555550199', body: 'x' });

    await expect(send()).rejects.toMatchObject({ status: 503, code: 20500 });
    await expect(send()).rejects.toMatchObject({ status: 503 });
    await expect(send()).resolves.toMatchObject({ status: 'queued' });
  });

  it('rejects wrong credentials with 401 / 20003', async () => {
    const intruder = twilio(fake.accountSid, 'wrong-token', {
      httpClient: new RedirectingRequestClient(fake.url),
    });

    await expect(
      intruder.messages.create({ to: '+15555550104', from: '+15555550199', body: 'x' }),
    ).rejects.toMatchObject({ status: 401, code: 20003 });
    expect(fake.sent).toHaveLength(0);
  });

  it('applies Twilio’s own validation (no sender → 21603)', async () => {
    await expect(client.messages.create({ to: '+15555550105', body: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 21603,
    });
  });

  it('waitForMessage times out with a useful message', async () => {
    await expect(fake.waitForMessage((m) => m.to === 'nobody', 50)).rejects.toThrow(
      /Timed out after 50ms waiting for a matching Twilio message; 0 recorded/,
    );
  });
});
