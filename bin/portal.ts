#!/usr/bin/env -S npx tsx
import { Command } from 'commander';
import type { Sequelize } from 'sequelize';
import { ConfigError, loadConfig, type Config } from '../config';
import { connectDatabase } from '../db';
import { leaveSignalsToTheApp, startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrator';
import { Clinician } from '../db/models';
import { seedDemo } from '../db/seed';
import { createLogger, type Logger } from '../lib/logger';
import { startInfrastructure } from '../runtime/infrastructure';
import { startPortal } from '../runtime/portal';
import { installTemporalRuntime } from '../temporal/runtime';
import { createClinicianApiToken } from '../services/clinicians';
import { simulateSlash, simulateSms } from './simulate';

function boot(): { config: Config; log: Logger } {
  try {
    const config = loadConfig();
    installTemporalRuntime();
    return { config, log: createLogger(config.logLevel) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Runs until SIGINT/SIGTERM, then stops every part in reverse order so no child process is left behind. */
function untilSignalled(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  leaveSignalsToTheApp(['SIGINT', 'SIGTERM']);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Runs a one-off task on a connected database: DATABASE_URL, or the embedded one when none is set. */
async function withDatabase<T>(config: Config, task: (sequelize: Sequelize) => Promise<T>): Promise<T> {
  const embedded = config.database.url ? undefined : await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort);
  try {
    return await onDatabase(config.database.url ?? embedded!.url, task);
  } finally {
    await embedded?.stop();
  }
}

async function onDatabase<T>(url: string, task: (sequelize: Sequelize) => Promise<T>): Promise<T> {
  const sequelize = connectDatabase(url);
  try {
    return await task(sequelize);
  } finally {
    await sequelize.close();
  }
}

/**
 * Migrates, and seeds the demo on an empty database, before the web server starts: once /readyz answers,
 * the app is complete and a Ctrl-C stops it in order (a signal during seeding used to exit 1 mid-way).
 */
function prepareDatabase(url: string, log: Logger): Promise<void> {
  return onDatabase(url, async (sequelize) => {
    const applied = await migrate(sequelize);
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (await seedDemo(sequelize)) log.info('empty database: created the demo practice (see README)');
  });
}

function requireExternal(config: Config, part: string): void {
  if (!config.database.url || !config.temporal.address) {
    console.error(`portal ${part} runs against shared services: set DATABASE_URL and TEMPORAL_ADDRESS (or use \`portal start\`).`);
    process.exit(2);
  }
}

const program = new Command('portal').description('Client portal for therapy practices');

program
  .command('start')
  .description('Run everything in one process tree: database, Temporal, migrations, worker and web server')
  .action(async () => {
    const { config, log } = boot();
    const infrastructure = await startInfrastructure(config, log);
    const portal = await prepareDatabase(infrastructure.databaseUrl, log)
      .then(() =>
        startPortal({
          config,
          log,
          databaseUrl: infrastructure.databaseUrl,
          temporalAddress: infrastructure.temporalAddress,
          run: { api: true, worker: true },
        }),
      )
      .catch(async (error) => {
        await infrastructure.stop();
        throw error;
      });
    // Synchronously after the server starts listening: nobody can see /readyz answer before Ctrl-C is handled.
    untilSignalled(async () => {
      await portal.stop();
      await infrastructure.stop();
    }, log);
    const lines = [
      `Portal           ${config.publicUrl}/`,
      `API docs         ${config.publicUrl}/docs`,
      infrastructure.temporalUiUrl ? `Temporal Web UI  ${infrastructure.temporalUiUrl}` : `Temporal         ${infrastructure.temporalAddress}`,
      config.production ? undefined : `Dev mailbox      ${config.publicUrl}/dev/mailbox`,
      'Press Ctrl-C to stop.',
    ];
    console.log(lines.filter(Boolean).join('\n'));
  });

for (const [name, run] of [
  ['api', { api: true, worker: false }],
  ['worker', { api: false, worker: true }],
] as const) {
  program
    .command(name)
    .description(`Run only the ${name === 'api' ? 'web server and API' : 'Temporal worker'} against DATABASE_URL and TEMPORAL_ADDRESS`)
    .action(async () => {
      const { config, log } = boot();
      requireExternal(config, name);
      const portal = await startPortal({ config, log, databaseUrl: config.database.url!, temporalAddress: config.temporal.address!, run });
      untilSignalled(portal.stop, log);
      log.info({ part: name, url: portal.url }, 'running');
    });
}

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const { config } = boot();
    const applied = await withDatabase(config, migrate);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  });

program
  .command('seed')
  .description('Create the demo practice (a clinician, a client, a couple, and a minor with a guardian) if the database is empty')
  .action(async () => {
    const { config } = boot();
    const created = await withDatabase(config, async (sequelize) => {
      await migrate(sequelize);
      return seedDemo(sequelize);
    });
    console.log(created ? 'Demo practice created.' : 'The database already has a practice; nothing changed.');
  });

program
  .command('clinician-token')
  .description('Issue a clinician API bearer token (shown once)')
  .argument('<email>', "the clinician's email")
  .option('--label <label>', 'what the token is for', 'cli')
  .action(async (email: string, options: { label: string }) => {
    const { config } = boot();
    const token = await withDatabase(config, async () => {
      const clinician = await Clinician.findOne({ where: { email } });
      if (!clinician) throw new Error(`No clinician with email ${email}`);
      return createClinicianApiToken(clinician.id, options.label);
    });
    console.log(token);
  });

program
  .command('sms')
  .description('Text the running portal as a phone would (signed like Twilio), e.g. `portal sms +15555550100 LINK`')
  .argument('<from>', 'the sender, in E.164 form')
  .argument('<text...>', 'the message')
  .action(async (from: string, text: string[]) => {
    const { config } = boot();
    console.log(await simulateSms(config, from, text.join(' ')));
  });

program
  .command('slack')
  .description('Run `/portal …` against the running portal as a Slack user would (signed like Slack), e.g. `portal slack U0DEMOCLIN invite a@b.example Ann`')
  .argument('<user>', 'the Slack user id')
  .argument('<text...>', 'what follows /portal')
  .action(async (user: string, text: string[]) => {
    const { config } = boot();
    console.log((await simulateSlash(config, user, text.join(' '))).join('\n'));
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
