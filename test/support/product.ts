import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pollUntil } from './poll';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '../..');

export interface ProductPorts {
  web: number;
  postgres: number;
  temporal: number;
  temporalUi: number;
}
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}
export interface RunningProduct {
  url: string;
  /** The last 20,000 characters the process printed, for failure messages. */
  output(): string;
  /**
   * SIGINT as a terminal's Ctrl-C sends it (to the whole process group: the app, PostgreSQL and Temporal at
   * once) or as `kill -INT <pid>` does (the app alone), then waits for the exit; SIGKILLs the group after `graceMs`.
   */
  stop(how?: 'ctrl-c' | 'kill', graceMs?: number): Promise<Exit>;
}

/** Four distinct free loopback ports. */
export async function productPorts(): Promise<ProductPorts> {
  const ports = new Set<number>();
  while (ports.size < 4) ports.add(await freePort());
  const [web, postgres, temporal, temporalUi] = [...ports];
  return { web, postgres, temporal, temporalUi };
}

/**
 * `portal start` as a person runs it: a child process (`tsx bin/portal.ts start`) with its own
 * embedded PostgreSQL and Temporal dev server under `dataDir`. Resolves once /readyz answers 200.
 */
export async function startProduct(dataDir: string, ports: ProductPorts, env: Record<string, string> = {}): Promise<RunningProduct> {
  const url = `http://127.0.0.1:${ports.web}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/portal.ts', 'start'], {
    cwd: ROOT,
    detached: true, // its own process group, so a hung run can be killed whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...UNSET_EXTERNAL_SERVICES,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      PORT: String(ports.web),
      PUBLIC_URL: url,
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      ...env,
    },
  });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const running: RunningProduct = { url, output: () => printed, stop: (how = 'kill', graceMs = 60_000) => stop(child, exited, how, graceMs) };
  const state = await pollUntil(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) return 'exited';
      const response = await fetch(`${url}/readyz`).catch(() => undefined);
      return response?.status === 200 ? 'ready' : undefined;
    },
    `${url}/readyz to answer 200`,
    120_000,
  ).catch(async (error: Error) => {
    await running.stop('kill', 10_000);
    throw new Error(`${error.message}\n${printed}`);
  });
  if (state === 'exited') throw new Error(`portal start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${printed}`);
  return running;
}

/** Empty values count as unset, so the embedded database, Temporal and the outbox are used. */
const UNSET_EXTERNAL_SERVICES = Object.fromEntries(
  ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_URL', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL'].map((name) => [name, '']),
);

async function stop(child: ChildProcess, exited: Promise<Exit>, how: 'ctrl-c' | 'kill', graceMs: number): Promise<Exit> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return exited;
  if (how === 'ctrl-c') process.kill(-pid, 'SIGINT');
  else child.kill('SIGINT');
  const force = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
  }, graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(force);
  }
}
