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

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
const PHONE = /\+\d{7,15}\b/g;
const TOKEN_PATH = /\/sign-in\/[A-Za-z0-9_-]{20,}/g;

/** Error text can quote what was being written (a duplicate key, a bad value); strip contact details from it. */
function scrub(text: string | undefined): string | undefined {
  return text?.replace(EMAIL, '[email]').replace(PHONE, '[phone]').replace(TOKEN_PATH, '/sign-in/[token]');
}

/** Errors are logged by type, code, message and stack only: not the SQL, parameters or rows some carry. */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const { code } = error as { code?: unknown };
  return { type: error.name, code, message: scrub(error.message), stack: scrub(error.stack) };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { name: 'portal', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: serializeError } },
    destination,
  );
}

export type { Logger };
