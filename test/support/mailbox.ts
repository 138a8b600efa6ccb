import { z } from 'zod';
import { extractSignInLink } from './sign-in';

/** One row of `/dev/mailbox.json` (the outbox, newest first); held rows keep their body. */
const mailboxMessage = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms', 'slack']),
  recipient: z.string(),
  status: z.string(),
  body: z.string().nullable(),
});
export type MailboxMessage = z.infer<typeof mailboxMessage>;

export async function readMailbox(baseUrl: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${baseUrl}/dev/mailbox.json`);
  if (response.status !== 200) throw new Error(`/dev/mailbox.json answered ${response.status}`);
  return z.array(mailboxMessage).parse(await response.json());
}

/** The sign-in link in a held email, with the id of its link row (the outbox id is `sign-in-link:<linkId>`). */
export function signInLinkOf(message: MailboxMessage): { link: string; linkId: string } {
  if (!message.id.startsWith('sign-in-link:') || message.body === null) throw new Error(`Message ${message.id} holds no sign-in link`);
  return { link: extractSignInLink(message.body), linkId: message.id.slice('sign-in-link:'.length) };
}
