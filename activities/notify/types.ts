import type { NotificationChannel } from '../../db/models';

export interface OutgoingMessage {
  /** Idempotency key: the same id is sent at most once. */
  id: string;
  channel: NotificationChannel;
  /** Email address, E.164 phone number, or Slack user id. */
  recipient: string;
  template: string;
  subject?: string;
  text: string;
  html?: string;
}

/** One delivery channel. `send` returns the provider's message id. */
export interface Transport {
  send(message: OutgoingMessage): Promise<string>;
}

/** A provider error that retrying will not fix (bad address, unknown user, rejected content). */
export class PermanentDeliveryError extends Error {}
