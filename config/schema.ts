import { z } from 'zod';

const optional = z.string().trim().optional();

const url = z.url();

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30s, 15m, 24h')
  .transform((value) => {
    const amount = Number.parseInt(value, 10);
    const unit = value.replace(/^\d+/, '') as 'ms' | 's' | 'm' | 'h' | 'd';
    const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit];
    return amount * factor;
  });

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Every environment variable the product reads. `.env.example` documents each one. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: optional.pipe(url.optional()),
  DATA_DIR: z.string().default('data'),
  TRUST_PROXY: z.string().default('loopback'),

  DATABASE_URL: optional.pipe(url.optional()),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),

  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('portal'),
  TEMPORAL_API_KEY: optional,
  TEMPORAL_TLS: flag.default(false),
  TEMPORAL_TLS_CERT_PATH: optional,
  TEMPORAL_TLS_KEY_PATH: optional,
  TEMPORAL_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),

  SMTP_URL: optional.pipe(url.optional()),
  MAIL_FROM: z.string().default('Practice Portal <portal@localhost>'),

  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_FROM: optional,
  TWILIO_MESSAGING_SERVICE_SID: optional,
  TWILIO_API_URL: optional.pipe(url.optional()),

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.pipe(url.optional()),

  SIGN_IN_LINK_TTL: duration.default(24 * 3_600_000),
  SESSION_IDLE_TIMEOUT: duration.default(15 * 60_000),
  SIGN_IN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  SIGN_IN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
});

export type Environment = z.infer<typeof environmentSchema>;
