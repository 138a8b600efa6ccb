// Requests as Twilio and Slack send them to the portal under test, signed with the test secrets.

import { TEST_SECRETS, type TestPortal } from './portal';
import { postToSlack, slashCommandBody } from './slack-signing';
import { inboundSms, messageStatusCallback, postSignedTwilioForm, type MessageStatusInput, type SignedTwilioResponse, type TwilioParams } from './twilio-signing';

export interface SmsReply extends SignedTwilioResponse {
  /** The text of the TwiML <Message>, or null when the portal answered without one. */
  message: string | null;
}

export interface TwilioSigning {
  /** Replaces the computed signature; null leaves the header out. */
  signature?: string | null;
  /** Signs for this base URL instead of the portal's public URL. */
  signedFor?: string;
}

/** POSTs Twilio webhook params to `path`, signed over the portal's public URL + path. */
export function postTwilio(portal: TestPortal, path: string, params: TwilioParams, signing: TwilioSigning = {}): Promise<SignedTwilioResponse> {
  const { signature, signedFor = portal.config.publicUrl } = signing;
  return postSignedTwilioForm(portal.url, path, signedFor, TEST_SECRETS.twilioAuthToken, params, { signature });
}

/** A person texts the practice number; resolves with the TwiML reply. */
export async function textPortal(portal: TestPortal, from: string, body: string, options: TwilioSigning & { messageSid?: string } = {}): Promise<SmsReply> {
  const params = inboundSms({ from, to: TEST_SECRETS.twilioFrom, body, messageSid: options.messageSid });
  const response = await postTwilio(portal, '/webhooks/twilio/sms', params, options);
  return { ...response, message: twimlMessage(response.body) };
}

/** Twilio reports a delivery status for a message the portal sent. */
export function reportStatus(portal: TestPortal, input: Omit<MessageStatusInput, 'from'>, signing: TwilioSigning = {}): Promise<SignedTwilioResponse> {
  return postTwilio(portal, '/webhooks/twilio/status', messageStatusCallback({ ...input, from: TEST_SECRETS.twilioFrom }), signing);
}

export function twimlMessage(xml: string): string | null {
  const match = /<Message>([\s\S]*)<\/Message>/.exec(xml);
  return match ? match[1].replace(/&#(\d+);/g, (_entity, code: string) => String.fromCharCode(Number(code))) : null;
}

export interface SlashCommand {
  text: string;
  userId: string;
  /** Names the fake's response_url, so `slack.waitForResponse` can find what respond() posted. */
  responseId: string;
  triggerId?: string;
  timestamp?: number;
  signature?: string | null;
  secret?: string;
}

export interface SlashReply {
  status: number;
  /** The body Bolt sent with ack(): '' for a bare ack. */
  body: string;
  /** The ack's message, when it carried one. */
  ack: { response_type?: string; text?: string } | null;
}

/** A clinician types `/portal …` in Slack. */
export async function slash(portal: TestPortal, command: SlashCommand): Promise<SlashReply> {
  const body = slashCommandBody({
    text: command.text,
    userId: command.userId,
    responseUrl: portal.slack.responseUrl(command.responseId),
    triggerId: command.triggerId,
  });
  const reply = await postToSlack(`${portal.url}/slack/events`, body, {
    secret: command.secret ?? TEST_SECRETS.slackSigningSecret,
    timestamp: command.timestamp,
    signature: command.signature,
  });
  return { ...reply, ack: reply.body ? (JSON.parse(reply.body) as SlashReply['ack']) : null };
}
