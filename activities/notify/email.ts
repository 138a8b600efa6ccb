import nodemailer from 'nodemailer';
import { PermanentDeliveryError, type Transport } from './types';

/** Email over SMTP. SMTP 5xx replies are permanent; connection trouble and 4xx are retried. */
export function createEmailTransport(smtpUrl: string, from: string): Transport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        return info.messageId;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
  };
}
