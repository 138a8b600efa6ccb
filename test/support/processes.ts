import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Live processes (other than this one) whose command line contains `text`, read from /proc (Linux). */
export function processesMentioning(text: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      continue; // it ended while we looked
    }
    if (command.includes(text)) found.push({ pid, command });
  }
  return found;
}

/** True when nothing listens on the loopback `port` any more. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
