/** Reply texts. Short, no health information, and never confirming whether a number is on file. */
export const smsReplies = {
  optedOut: 'You will no longer receive text messages from us. Reply START to receive them again.',
  optedIn: 'You will receive text messages from us again. Reply STOP to stop, HELP for help.',
  link: 'If this number is on file with the practice, a sign-in link is on its way to the email (or phone) we have for you.',
  help: (practice: { name: string; email: string; phone: string | null } | null) =>
    practice
      ? `${practice.name} client portal. Contact us at ${practice.email}${practice.phone ? ` or ${practice.phone}` : ''}. Reply LINK for a sign-in link, STOP to opt out.`
      : 'Client portal. Reply LINK for a sign-in link, STOP to opt out.',
  unknown: 'Sorry, we did not understand that. Reply LINK for a sign-in link, HELP for help, or STOP to opt out. For anything else, please use the portal.',
} as const;

/** A TwiML answer that sends one SMS back to the sender, or none. */
export function twiml(message?: string): string {
  const escaped = message?.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${escaped ? `<Message>${escaped}</Message>` : ''}</Response>`;
}
