/** What an inbound SMS asks for. Carrier keywords come first and are never app commands. */
export type SmsCommand = 'opt-out' | 'opt-in' | 'help' | 'link' | 'unknown';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

export function parseSmsCommand(body: string): SmsCommand {
  // Carriers match the whole message as one word, ignoring case, spacing and trailing punctuation.
  const word = body.replace(/[\s\p{P}]+$/u, '').trim().toUpperCase();
  if (OPT_OUT.has(word)) return 'opt-out';
  if (OPT_IN.has(word)) return 'opt-in';
  if (HELP.has(word)) return 'help';
  if (word === 'LINK') return 'link';
  return 'unknown';
}
