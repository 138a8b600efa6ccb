import express, { Router } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context';
import { handleOnce } from '../../services/inbound-webhooks';
import { recordSmsDeliveryStatus } from '../../services/sms-delivery-status';
import { optInToSms, optOutOfSms, practiceContactFor, requestLinkBySms } from '../../services/sms-preferences';
import { handler } from '../../api/middleware/async';
import { parseSmsCommand } from './commands';
import { smsReplies, twiml } from './replies';
import { verifyTwilioSignature } from './verify';

const inboundSchema = z.object({ MessageSid: z.string().min(1), From: z.string().min(1), Body: z.string().default('') });
const statusSchema = z.object({ MessageSid: z.string().min(1), MessageStatus: z.string().min(1), ErrorCode: z.string().optional() });

/** Twilio webhooks: inbound SMS (answered with TwiML) and delivery status callbacks. */
export function smsRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const verify = verifyTwilioSignature(ctx.config.twilio.authToken, ctx.config.publicUrl);
  router.use('/webhooks/twilio', express.urlencoded({ extended: false }), verify);

  router.post(
    '/webhooks/twilio/sms',
    handler(async (req, res) => {
      res.type('text/xml');
      const parsed = inboundSchema.safeParse(req.body);
      if (!parsed.success) return void res.status(400).send(twiml());
      const { MessageSid, From, Body } = parsed.data;
      const handled = await handleOnce('twilio', MessageSid, () => answer(ctx, From, Body));
      res.send(twiml(handled.duplicate ? undefined : handled.result));
    }),
  );

  router.post(
    '/webhooks/twilio/status',
    handler(async (req, res) => {
      const parsed = statusSchema.safeParse(req.body);
      if (!parsed.success) return void res.status(400).type('text/plain').send('MessageSid and MessageStatus are required');
      const { MessageSid, MessageStatus, ErrorCode } = parsed.data;
      await recordSmsDeliveryStatus(MessageSid, MessageStatus, ErrorCode);
      res.status(204).end();
    }),
  );

  return router;
}

async function answer(ctx: ServiceContext, from: string, body: string): Promise<string> {
  switch (parseSmsCommand(body)) {
    case 'opt-out':
      await optOutOfSms(ctx, from);
      return smsReplies.optedOut;
    case 'opt-in':
      await optInToSms(ctx, from);
      return smsReplies.optedIn;
    case 'help':
      return smsReplies.help(await practiceContactFor(from));
    case 'link':
      await requestLinkBySms(ctx, from);
      return smsReplies.link;
    case 'unknown':
      return smsReplies.unknown;
  }
}
