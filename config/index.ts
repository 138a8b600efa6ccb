import path from 'node:path';
import { z } from 'zod';
import { environmentSchema, type Environment } from './schema';

/** Secrets used when a webhook provider is not configured outside production, so local runs can be signed. */
export const DEVELOPMENT_SECRETS = {
  twilioAuthToken: 'dev-twilio-auth-token',
  slackSigningSecret: 'dev-slack-signing-secret',
} as const;

export class ConfigError extends Error {}

export interface Config {
  env: Environment['NODE_ENV'];
  production: boolean;
  logLevel: Environment['LOG_LEVEL'];
  port: number;
  publicUrl: string;
  /** Which proxies' X-Forwarded-For to believe for the client IP (Express `trust proxy`). */
  trustProxy: boolean | number | string;
  dataDir: string;
  database: { url?: string; embeddedPort: number };
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    apiKey?: string;
    tls: boolean;
    tlsCertPath?: string;
    tlsKeyPath?: string;
    devPort: number;
    uiPort: number;
  };
  mail: { smtpUrl?: string; from: string };
  twilio: {
    accountSid?: string;
    /** Verifies inbound webhooks; unset in production means the SMS webhooks answer 503. */
    authToken?: string;
    from?: string;
    messagingServiceSid?: string;
    apiUrl?: string;
    /** True when outbound SMS can be sent; otherwise messages stay in the outbox. */
    sending: boolean;
  };
  slack: {
    botToken?: string;
    /** Verifies Slack requests; unset in production means /slack/events answers 503. */
    signingSecret?: string;
    apiUrl?: string;
    /** True when Slack messages can be posted; otherwise they stay in the outbox. */
    sending: boolean;
  };
  signIn: { linkTtlMs: number; ratePerAddress: number; ratePerIp: number };
  session: { idleTimeoutMs: number };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

function required(env: Environment, names: (keyof Environment)[], because: string): void {
  const missing = names.filter((name) => env[name] === undefined);
  if (missing.length > 0) throw new ConfigError(`Missing configuration:\n  ${missing.join(', ')}: required ${because}`);
}

/** Validates the environment once, at boot; a wrong value stops the process naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`FOO=` in an env file) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describe(parsed.error)}`);
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';

  if (production) {
    required(env, ['PUBLIC_URL', 'DATABASE_URL', 'TEMPORAL_ADDRESS'], 'in production');
    if (env.SLACK_BOT_TOKEN) required(env, ['SLACK_SIGNING_SECRET'], 'when SLACK_BOT_TOKEN is set');
  }
  if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) {
    throw new ConfigError('Missing configuration:\n  TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: required when TWILIO_ACCOUNT_SID is set');
  }
  if (env.TWILIO_ACCOUNT_SID) required(env, ['TWILIO_AUTH_TOKEN'], 'when TWILIO_ACCOUNT_SID is set');
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS_CERT_PATH, TEMPORAL_TLS_KEY_PATH: set both or neither');
  }

  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    production,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    publicUrl,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    dataDir: path.resolve(env.DATA_DIR),
    database: { url: env.DATABASE_URL, embeddedPort: env.EMBEDDED_POSTGRES_PORT },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      apiKey: env.TEMPORAL_API_KEY,
      tls: env.TEMPORAL_TLS || Boolean(env.TEMPORAL_API_KEY) || Boolean(env.TEMPORAL_TLS_CERT_PATH),
      tlsCertPath: env.TEMPORAL_TLS_CERT_PATH,
      tlsKeyPath: env.TEMPORAL_TLS_KEY_PATH,
      devPort: env.TEMPORAL_DEV_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN ?? (production ? undefined : DEVELOPMENT_SECRETS.twilioAuthToken),
      from: env.TWILIO_FROM,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
      apiUrl: env.TWILIO_API_URL,
      sending: Boolean(env.TWILIO_ACCOUNT_SID),
    },
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET ?? (production ? undefined : DEVELOPMENT_SECRETS.slackSigningSecret),
      apiUrl: env.SLACK_API_URL,
      sending: Boolean(env.SLACK_BOT_TOKEN),
    },
    signIn: {
      linkTtlMs: env.SIGN_IN_LINK_TTL,
      ratePerAddress: env.SIGN_IN_RATE_LIMIT_PER_ADDRESS,
      ratePerIp: env.SIGN_IN_RATE_LIMIT_PER_IP,
    },
    session: { idleTimeoutMs: env.SESSION_IDLE_TIMEOUT },
  };
}

/** `true`/`false`, a hop count, or addresses and subnets (`loopback`, `10.0.0.0/8, 127.0.0.1`). */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
