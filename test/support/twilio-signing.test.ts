// Proves our signatures are the ones the twilio SDK's validator accepts (the
// check the app will run), including behind a proxy where the public URL
// differs from the local one.

import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import twilio from 'twilio';
import { inboundSms, messageStatusCallback, postSignedTwilioForm, signTwilioRequest } from './twilio-signing';

const AUTH_TOKEN = 'twilio-auth-token';
const PUBLIC_URL = 'https://portal.example.test';

describe('Twilio webhook signing', () => {
  it('matches the documented algorithm and the SDK validator', () => {
    const url = `${PUBLIC_URL}/webhooks/twilio/sms?practice=1`;
    const params = inboundSms({ from: '+15555550100', to: '+15555550199', body: 'STOP', messageSid: 'SM1' });
    const signature = signTwilioRequest(AUTH_TOKEN, url, params);

    const data = Object.keys(params)
      .sort()
      .reduce((acc, key) => acc + key + (params[key] ?? ''), url);
    expect(signature).toBe(createHmac('sha1', AUTH_TOKEN).update(data, 'utf8').digest('base64'));
    expect(twilio.validateRequest(AUTH_TOKEN, signature, url, params)).toBe(true);
    expect(twilio.validateRequest(AUTH_TOKEN, signature, url, { ...params, Body: 'START' })).toBe(false);
  });

  it('builds realistic inbound SMS and status callback params', () => {
    const sms = inboundSms({ from: '+15555550100', to: '+15555550199', body: 'hi' });
    expect(sms.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sms.AccountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(sms).toMatchObject({
      From: '+15555550100',
      To: '+15555550199',
      Body: 'hi',
      NumMedia: '0',
    });
    expect(
      messageStatusCallback({ messageSid: 'SMx', status: 'undelivered', to: '+1', from: '+2', errorCode: 30003 }),
    ).toMatchObject({ MessageSid: 'SMx', MessageStatus: 'undelivered', ErrorCode: '30003' });
  });

  describe('postSignedTwilioForm against an app validating like production', () => {
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      const app = express();
      app.use(express.urlencoded({ extended: false }));
      app.post('/webhooks/twilio/sms', (req, res) => {
        // The app validates against its *public* URL, not the loopback one.
        const valid = twilio.validateRequest(
          AUTH_TOKEN,
          req.header('x-twilio-signature') ?? '',
          `${PUBLIC_URL}${req.originalUrl}`,
          req.body as Record<string, string>,
        );
        if (!valid) {
          res.status(403).type('text/plain').send('invalid signature');
          return;
        }
        res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      });
      server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const params = inboundSms({ from: '+15555550100', to: '+15555550199', body: 'Can I move my 3pm & bring a +1?' });

    it('is accepted when signed for the public URL', async () => {
      const res = await postSignedTwilioForm(baseUrl, '/webhooks/twilio/sms', PUBLIC_URL, AUTH_TOKEN, params);
      expect(res.status).toBe(200);
      expect(res.contentType).toContain('text/xml');
      expect(res.body).toContain('<Response>');
    });

    it('is rejected when tampered with or unsigned', async () => {
      const tampered = await postSignedTwilioForm(baseUrl, '/webhooks/twilio/sms', PUBLIC_URL, AUTH_TOKEN, params, {
        signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      });
      const unsigned = await postSignedTwilioForm(baseUrl, '/webhooks/twilio/sms', PUBLIC_URL, AUTH_TOKEN, params, {
        signature: null,
      });
      const wrongToken = await postSignedTwilioForm(baseUrl, '/webhooks/twilio/sms', PUBLIC_URL, 'other', params);
      expect([tampered.status, unsigned.status, wrongToken.status]).toEqual([403, 403, 403]);
    });
  });
});
