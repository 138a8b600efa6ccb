import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { loadConfig, type Config } from '../../config';
import { seedDemo } from '../../db/seed';
import { createLogger } from '../../lib/logger';
import { startPortal, type RunningPortal } from '../../runtime/portal';
import { sharedService } from '../setup/shared-services';
import { createTestDatabase } from './database';
import { startFakeSlack, type FakeSlack } from './fake-slack';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio';
import { freePort } from './ports';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';

export const TEST_SECRETS = {
  twilioAccountSid: 'AC11111111111111111111111111111111',
  twilioAuthToken: 'test-twilio-auth-token',
  twilioFrom: '+15550001111',
  slackBotToken: 'xoxb-test-bot-token',
  slackSigningSecret: 'test-slack-signing-secret',
} as const;

export interface TestPortal {
  url: string;
  config: Config;
  portal: RunningPortal;
  twilio: FakeTwilio;
  slack: FakeSlack;
  smtp: SmtpCapture;
  /** Every log line the portal wrote, for tests that check nothing sensitive is logged. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The whole portal in this process: real API server, real worker and activities, its own database
 * and task queue on the shared PostgreSQL and Temporal, and local fakes for SMTP, Twilio and Slack.
 */
export async function startTestPortal(env: Record<string, string> = {}): Promise<TestPortal> {
  const [twilio, slack, smtp, port, databaseUrl] = await Promise.all([
    startFakeTwilio({ accountSid: TEST_SECRETS.twilioAccountSid, authToken: TEST_SECRETS.twilioAuthToken }),
    startFakeSlack({ botToken: TEST_SECRETS.slackBotToken }),
    startSmtpCapture(),
    freePort(),
    createTestDatabase(),
  ]);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: sharedService('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Riverside Counselling <portal@riverside.example>',
    TWILIO_ACCOUNT_SID: TEST_SECRETS.twilioAccountSid,
    TWILIO_AUTH_TOKEN: TEST_SECRETS.twilioAuthToken,
    TWILIO_FROM: TEST_SECRETS.twilioFrom,
    TWILIO_API_URL: twilio.url,
    SLACK_BOT_TOKEN: TEST_SECRETS.slackBotToken,
    SLACK_SIGNING_SECRET: TEST_SECRETS.slackSigningSecret,
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  let logged = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
  const portal = await startPortal({
    config,
    log: createLogger('debug', logStream),
    databaseUrl,
    temporalAddress: config.temporal.address!,
    run: { api: true, worker: true },
    migrate: true,
    workflowBundle: { codePath: sharedService('workflowBundle') },
  });
  await seedDemo(portal.sequelize);
  return {
    url: portal.url!,
    config,
    portal,
    twilio,
    slack,
    smtp,
    logs: () => logged,
    async stop() {
      await portal.stop();
      await Promise.all([twilio.close(), slack.close(), smtp.close()]);
    },
  };
}
