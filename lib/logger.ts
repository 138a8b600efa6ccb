import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths that could carry secrets, contact details or message content. They are censored wherever they
 * appear in a log line, so a careless `log.info({ req })` still leaks nothing.
 */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'to',
  '*.to',
  'from',
  '*.from',
  'body',
  '*.body',
  'text',
  '*.text',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-slack-signature"]',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ name: 'portal', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

export type { Logger };
