// A throwaway SMTP server that accepts every message and keeps it, parsed, in
// memory, so tests can assert on the email the app sent (sign-in links,
// reminders, receipts) without a real mail server.

import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { clearRecorded, record, waitFor } from './wait';

export interface CapturedAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

export interface CapturedMail {
  /** Envelope recipients (RCPT TO): everyone it was delivered to, cc/bcc included. */
  to: string[];
  /** Address in the From header (falls back to the envelope sender). */
  from: string;
  /** Envelope sender (MAIL FROM), '' for a null sender. */
  envelopeFrom: string;
  /** Addresses in the To header only. */
  headerTo: string[];
  subject: string;
  text: string;
  /** null when the message has no HTML part. */
  html: string | null;
  messageId?: string;
  attachments: CapturedAttachment[];
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:PORT`: pass straight to nodemailer's `createTransport`. */
  readonly url: string;
  readonly port: number;
  readonly mails: CapturedMail[];
  waitForMail(predicate?: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Every mail delivered to `email` so far. */
  mailsTo(email: string): CapturedMail[];
  /** Call before the action: the returned function waits for the first mail to `email` after this point. */
  nextMailTo(email: string, timeoutMs?: number): () => Promise<CapturedMail>;
  reset(): void;
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];

  const server = new SMTPServer({
    // Plain, unauthenticated SMTP: STARTTLS is not even advertised, so
    // nodemailer's opportunistic upgrade never kicks in and no cert is needed.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    // Pooled transports may keep a connection open; don't wait 30s for it on close.
    closeTimeout: 200,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          record(mails, {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.value[0]?.address ?? envelopeFrom,
            envelopeFrom,
            headerTo: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            ...(parsed.messageId !== undefined && { messageId: parsed.messageId }),
            attachments: parsed.attachments.map((a) => ({
              ...(a.filename !== undefined && { filename: a.filename }),
              contentType: a.contentType,
              content: a.content,
            })),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client dropping mid-session must not crash the test run.
  server.on('error', () => undefined);

  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    waitForMail(predicate = () => true, timeoutMs = 5000) {
      return waitFor(mails, predicate, timeoutMs, 'email');
    },
    mailsTo(email) {
      return mails.filter((mail) => mail.to.includes(email));
    },
    nextMailTo(email, timeoutMs = 15_000) {
      const before = mails.length;
      return () => waitFor(mails, (mail) => mail.to.includes(email) && mails.indexOf(mail) >= before, timeoutMs, `email to ${email}`);
    },
    reset() {
      clearRecorded(mails);
    },
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) =>
      entry.group ? entry.group.flatMap((member) => (member.address ? [member.address] : [])) : entry.address ? [entry.address] : [],
    ),
  );
}
