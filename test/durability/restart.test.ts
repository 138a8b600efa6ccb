import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEMO } from '../../db/seed';
import { readMailbox, signInLinkOf } from '../support/mailbox';
import { pollUntil } from '../support/poll';
import { portIsFree, processesMentioning } from '../support/processes';
import { productPorts, startProduct, type ProductPorts, type RunningProduct } from '../support/product';
import { openLink } from '../support/sign-in';

// Long enough for link A to outlive a stop and a start of the whole app; short enough to wait out B.
const TTL_SECONDS = 30;
jest.setTimeout(180_000);

let dataDir: string;
let ports: ProductPorts;
let product: RunningProduct | undefined;
/** What each stopped run printed (LOG_LEVEL=warn: warnings, errors, the banner), shown when the test fails. */
const printed: string[] = [];
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-durability-'));
  chmodSync(dataDir, 0o755); // the embedded database runs as `postgres` when we are root
  ports = await productPorts();
});
afterAll(async () => {
  await product?.stop('kill', 20_000);
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => (product = await startProduct(dataDir, ports, { SIGN_IN_LINK_TTL: `${TTL_SECONDS}s` }));

async function requestLink(email: string): Promise<void> {
  const response = await fetch(`${product!.url}/api/auth/sign-in-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(202);
}

async function linkRow(linkId: string): Promise<{ expiresAt: Date; expiredAt: Date | null }> {
  const db = new Client({ connectionString: `postgres://portal:portal@127.0.0.1:${ports.postgres}/portal` });
  await db.connect();
  try {
    const { rows } = await db.query<{ expires_at: Date; expired_at: Date | null }>('SELECT expires_at, expired_at FROM sign_in_tokens WHERE id = $1', [linkId]);
    if (!rows[0]) throw new Error(`No sign_in_tokens row ${linkId}`);
    return { expiresAt: rows[0].expires_at, expiredAt: rows[0].expired_at };
  } finally {
    await db.end();
  }
}

/** Stops the app; then it has exited 0 and nothing of it may still run or listen. */
async function stopCleanly(how: 'ctrl-c' | 'kill'): Promise<void> {
  const exit = await product!.stop(how);
  const output = product!.output();
  printed.push(output);
  product = undefined;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(output.trimEnd()).toMatch(/Stopped\.$/); // its own shutdown finished, not a library's exit hook
  expect(processesMentioning(dataDir)).toEqual([]);
  for (const port of Object.values(ports)) expect(await portIsFree(port)).toBe(true);
}

/** Appends what the app printed to a failure's message: a 500 or a timer that never fires is explained there. */
async function explained(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Error) error.message += `\n\nWhat the app printed:\n${[...printed, product?.output() ?? ''].join('\n--- next run ---\n')}`;
    throw error;
  }
}

test('sign-in links and their expiry timers survive stopping and restarting the whole app', () => explained(async () => {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const began = Date.now();
    try {
      return await step();
    } finally {
      timings[name] = Date.now() - began;
    }
  };

  await timed('first start (fresh data folder)', start);
  await requestLink(DEMO.jordan.email);
  await requestLink(DEMO.sam.email);
  const [a, b] = await pollUntil(async () => {
    const mailbox = await readMailbox(product!.url);
    const [jordan, sam] = [DEMO.jordan.email, DEMO.sam.email].map((to) => mailbox.find((message) => message.recipient === to));
    return jordan && sam ? [signInLinkOf(jordan), signInLinkOf(sam)] : undefined;
  }, 'both links in the dev mailbox');
  expect((await linkRow(b.linkId)).expiredAt).toBeNull();

  await timed('stop (Ctrl-C: SIGINT to the process group)', () => stopCleanly('ctrl-c'));
  const restartedAt = Date.now();
  await timed('second start (same data folder)', start);

  if ((await linkRow(a.linkId)).expiresAt.getTime() <= Date.now()) {
    throw new Error(`Link A expired before the restart finished: raise TTL_SECONDS above ${TTL_SECONDS}\n${JSON.stringify(timings)}`);
  }
  const signedIn = await openLink(a.link);
  expect(signedIn.status).toBe(303);
  expect(signedIn.cookie).toMatch(/^portal_session=/);

  // Nobody opens B: only the workflow's timer, firing in the restarted app, can mark it expired.
  const expiredAt = await timed("link B's timer firing", () =>
    pollUntil(async () => (await linkRow(b.linkId)).expiredAt ?? undefined, "link B's expiry", (TTL_SECONDS + 60) * 1000, 500),
  );
  expect(expiredAt.getTime()).toBeGreaterThanOrEqual(restartedAt);
  const stale = await openLink(b.link);
  expect(stale.status).toBe(410);
  expect(stale.cookie).toBeUndefined();
  expect(stale.body).toContain('This sign-in link has expired');

  await timed('final stop (kill -INT <pid>)', () => stopCleanly('kill'));
  console.log(`durability timings (ms): ${JSON.stringify(timings)}`);
}));
