// Proves nodemailer can deliver to the capture server over plain SMTP using
// nothing but its URL, and that the parsed fields come out as tests expect.

import { createTransport } from 'nodemailer';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';

describe('SMTP capture with nodemailer', () => {
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterEach(() => smtp.reset());
  afterAll(() => smtp.close());

  it('receives a message sent with createTransport(url)', async () => {
    const transport = createTransport(smtp.url);
    const waiting = smtp.waitForMail((mail) => mail.subject === 'Your sign-in link', 5000);

    await transport.sendMail({
      from: '"Client Portal" <no-reply@portal.example.test>',
      to: 'Pat Client <pat@example.test>',
      bcc: 'audit@portal.example.test',
      subject: 'Your sign-in link',
      text: 'Sign in: https://portal.example.test/sign-in?token=abc123',
      html: '<p><a href="https://portal.example.test/sign-in?token=abc123">Sign in</a></p>',
      attachments: [{ filename: 'intake.pdf', content: Buffer.from('%PDF-1.7 fake'), contentType: 'application/pdf' }],
    });
    transport.close();

    const mail = await waiting;
    expect(mail).toMatchObject({
      to: ['pat@example.test', 'audit@portal.example.test'],
      headerTo: ['pat@example.test'],
      from: 'no-reply@portal.example.test',
      envelopeFrom: 'no-reply@portal.example.test',
      subject: 'Your sign-in link',
    });
    expect(mail.text).toContain('token=abc123');
    expect(mail.html).toContain('href="https://portal.example.test/sign-in?token=abc123"');
    expect(mail.messageId).toMatch(/^<.+>$/);
    expect(mail.attachments).toEqual([
      { filename: 'intake.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 fake') },
    ]);
  });

  it('records text-only mail with html null', async () => {
    const transport = createTransport(smtp.url);
    await transport.sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'plain', text: 'hello' });
    transport.close();

    // Already recorded once sendMail resolved: waitFor also matches past items.
    const mail = await smtp.waitForMail(undefined, 1000);
    expect(mail.html).toBeNull();
    expect(mail.text.trim()).toBe('hello');
  });

  it('closes promptly even with a pooled connection still open', async () => {
    const other = await startSmtpCapture();
    const pooled = createTransport(`${other.url}?pool=true`);
    await pooled.sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'pooled', text: 'x' });
    expect(other.mails).toHaveLength(1);

    const started = Date.now();
    await other.close();
    pooled.close();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
