// Records the sign-in workflow's histories from real runs, for the replay test: `npm run histories:record`.
// Real PostgreSQL, Temporal dev server, worker and activities (no transports: messages are held in the
// outbox, where the link's token is read back), driven through the same services the portal calls.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Sequelize } from 'sequelize';
import { heldSignInLink } from '../../bench/held-link';
import { startLocalStack } from '../../bench/local-stack';
import { connectDatabase } from '../../db';
import { migrate } from '../../db/migrator';
import { Contact, Practice } from '../../db/models';
import { seedDemo } from '../../db/seed';
import { createServiceContext, type ServiceContext } from '../../services/context';
import { issueSignInLink, redeemSignInLink } from '../../services/sign-in-links';
import { connectTemporalClient } from '../../temporal/client';
import { installTemporalRuntime } from '../../temporal/runtime';
import { createWorker } from '../../temporal/worker';
import { signInWorkflowId, type SignInOutcome } from '../../workflows/sign-in';

const OUT_DIR = path.join(__dirname, 'histories', 'sign-in');
const REQUEST = { reason: 'request', deliverBy: 'email' } as const;

interface Scenario {
  outcome: SignInOutcome;
  /** Overrides the configured 24-hour link lifetime, so an expiry is recorded in seconds. */
  linkTtlMs?: number;
  run(ctx: ServiceContext, contact: Contact): Promise<void>;
}

const scenarios: Record<string, Scenario> = {
  'issued-then-redeemed': {
    outcome: 'redeemed',
    async run(ctx, contact) {
      await issueSignInLink(ctx, contact.id, REQUEST);
      await redeemSignInLink(ctx, (await heldSignInLink(contact.email)).token);
    },
  },
  // Nobody clicks: the link's timer expires it.
  expired: {
    outcome: 'expired',
    linkTtlMs: 3_000,
    run: (ctx, contact) => issueSignInLink(ctx, contact.id, REQUEST),
  },
  superseded: {
    outcome: 'redeemed',
    async run(ctx, contact) {
      await issueSignInLink(ctx, contact.id, REQUEST);
      const first = await heldSignInLink(contact.email);
      await issueSignInLink(ctx, contact.id, REQUEST);
      const second = await heldSignInLink(contact.email, { seen: [first.messageId] });
      const stale = await redeemSignInLink(ctx, first.token).then(() => 'signed in', () => 'refused');
      if (stale !== 'refused') throw new Error('The superseded link still signed in');
      await redeemSignInLink(ctx, second.token);
    },
  },
};

async function recordAll(ctx: ServiceContext, temporal: Client, practiceId: string): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, scenario] of Object.entries(scenarios)) {
    const { config } = ctx;
    const linkTtlMs = scenario.linkTtlMs ?? config.signIn.linkTtlMs;
    const scenarioCtx = { ...ctx, config: { ...config, signIn: { ...config.signIn, linkTtlMs } } };
    const contact = await Contact.create({
      practiceId,
      name: `Replay ${name}`,
      email: `${name}@replay.example`,
      phone: null,
      smsConsentAt: null,
      smsOptedOutAt: null,
    });
    await scenario.run(scenarioCtx, contact);
    const handle = temporal.workflow.getHandle(signInWorkflowId(contact.id));
    const outcome = await handle.result();
    if (outcome !== scenario.outcome) throw new Error(`${name}: the workflow ended ${outcome}, expected ${scenario.outcome}`);
    const file = path.join(OUT_DIR, `${name}.json`);
    writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
    console.log(`${name}: ${outcome}, written to ${path.relative(process.cwd(), file)}`);
  }
}

async function main(): Promise<void> {
  installTemporalRuntime();
  const stack = await startLocalStack('record-histories');
  const { config, log } = stack;
  const closers: (() => Promise<void>)[] = [stack.stop];
  try {
    const sequelize: Sequelize = connectDatabase(stack.databaseUrl);
    closers.push(() => sequelize.close());
    await migrate(sequelize);
    await seedDemo(sequelize);
    const practice = await Practice.findOne({ rejectOnEmpty: true });

    const worker = await createWorker({
      config,
      address: stack.temporalAddress,
      activities: { transports: {}, publicUrl: config.publicUrl },
    });
    closers.push(async () => worker.connection?.close());
    const temporal = await connectTemporalClient(config, stack.temporalAddress);
    closers.push(() => temporal.connection.close());
    await worker.runUntil(() => recordAll(createServiceContext(config, temporal, sequelize, log), temporal, practice.id));
  } finally {
    // Stop in reverse order, every step even if one fails, so no server is left running.
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error('shutdown step failed', error));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
