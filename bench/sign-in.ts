// Sign-in links end to end against the real portal (`npm run bench`), next to a baseline of no-op
// workflows on the same Temporal server, so the cost of the product's own work shows as a ratio.
import { Command, InvalidArgumentError } from 'commander';
import { Contact, Practice } from '../db/models';
import { seedDemo } from '../db/seed';
import { startPortal } from '../runtime/portal';
import { connectTemporalClient } from '../temporal/client';
import { installTemporalRuntime } from '../temporal/runtime';
import { issueAndRedeem } from './issue-and-redeem';
import { startLocalStack } from './local-stack';
import { startNoopBaseline } from './noop-baseline';
import { runPool } from './pool';
import { summarise, type Summary } from './stats';

interface Options {
  count: number;
  concurrency: number;
  timeout: number;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

/** One contact per link, so the per-address rate limit (a few an hour) never answers instead of the app. */
async function createContacts(count: number): Promise<string[]> {
  const practice = await Practice.findOne({ rejectOnEmpty: true });
  const rows = Array.from({ length: count }, (_, index) => ({
    practiceId: practice.id,
    name: `Bench Client ${index}`,
    email: `bench-${index}@bench.example`,
    phone: null,
    smsConsentAt: null,
    smsOptedOutAt: null,
  }));
  await Contact.bulkCreate(rows);
  return rows.map((row) => row.email);
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
const line = (label: string, summary: Summary, rate = true) =>
  `  ${label.padEnd(44)} ${rate ? `${summary.perSecond.toFixed(1)}/s`.padStart(8) : ''.padStart(8)}   p50 ${ms(summary.p50)}   p99 ${ms(summary.p99)}`;

async function run({ count, concurrency, timeout }: Options): Promise<void> {
  installTemporalRuntime();
  const deadline = AbortSignal.timeout(timeout * 1000);
  const warmup = concurrency;
  console.log(`Starting embedded PostgreSQL, the Temporal dev server and the portal (no SMTP: mail is held in the outbox)…`);
  const stack = await startLocalStack('bench', { SIGN_IN_RATE_LIMIT_PER_IP: String(count + warmup + 10) });
  const stops: (() => Promise<void>)[] = [stack.stop];
  try {
    const { config, log } = stack;
    const portal = await startPortal({ config, log, databaseUrl: stack.databaseUrl, temporalAddress: stack.temporalAddress, run: { api: true, worker: true }, migrate: true });
    stops.push(portal.stop);
    await seedDemo(portal.sequelize);
    const emails = await createContacts(count + warmup);
    const client = await connectTemporalClient(config, stack.temporalAddress);
    stops.push(() => client.connection.close());
    const noop = await startNoopBaseline(config, stack.temporalAddress, client);
    stops.push(noop.stop);
    const signIn = (offset: number, total: number) => runPool(total, concurrency, (index) => issueAndRedeem(portal.url!, emails[offset + index]), deadline);

    console.log(`Warming up: ${warmup} no-op workflows and ${warmup} sign-ins…`);
    await noop.measure(warmup, concurrency, deadline);
    await signIn(count, warmup);

    console.log(`Measuring: ${count} of each, ${concurrency} at a time…`);
    const baseline = await noop.measure(count, concurrency, deadline);
    const started = performance.now();
    const timings = await signIn(0, count);
    const elapsed = performance.now() - started;
    const links = summarise(timings.map((timing) => timing.totalMs), elapsed);
    const issue = summarise(timings.map((timing) => timing.issueMs), elapsed);
    const redeem = summarise(timings.map((timing) => timing.redeemMs), elapsed);

    console.log(
      [
        '',
        `baseline: no-op workflows, start + await result`,
        line('no-op workflow', baseline),
        `sign-in links, over HTTP through the real API, worker, activities and PostgreSQL`,
        line('link: POST request + wait for held mail + GET', links),
        line('  issue: POST → link held in the outbox', issue, false),
        line('  redeem: GET /sign-in/:token → 303 signed in', redeem, false),
        `ratios (sign-in ÷ no-op)`,
        `  throughput ${(links.perSecond / baseline.perSecond).toFixed(2)}×   redeem p50 ${(redeem.p50 / baseline.p50).toFixed(2)}×   redeem p99 ${(redeem.p99 / baseline.p99).toFixed(2)}×`,
      ].join('\n'),
    );
  } finally {
    // Stop in reverse order, every step even if one fails, so no server is left running.
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('shutdown step failed', error));
  }
}

new Command('bench')
  .description('Issue and redeem sign-in links end to end, against a baseline of no-op workflows')
  .option('--count <n>', 'sign-in links to issue and redeem, and no-op workflows to run', positiveInteger, 200)
  .option('--concurrency <n>', 'operations in flight at once', positiveInteger, 8)
  .option('--timeout <seconds>', 'give up (and shut down cleanly) after this long', positiveInteger, 600)
  .action((options: Options) => run(options))
  .parseAsync()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
