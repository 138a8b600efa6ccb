// Shared plumbing for the fake HTTP services (Twilio, Slack): listen on an
// ephemeral loopback port, hand handlers the fully read body, and close
// without leaving keep-alive sockets behind (which would keep jest alive).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BodyHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => void | Promise<void>;

export interface LoopbackServer {
  /** e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1, port chosen by the OS. */
export async function startLoopbackServer(handler: BodyHandler): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      Promise.resolve()
        .then(() => handler(req, res, body))
        .catch((error: unknown) => {
          // A bug in a fake should surface as a loud 500, not a hung request.
          if (!res.headersSent) {
            sendJson(res, 500, { error: 'fake_server_error', message: String(error) });
          } else {
            res.destroy();
          }
        });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients (axios, undici) keep sockets alive; drop them so close() returns now.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Parses a form-encoded body into single values (last one wins) — the shape
 * both Twilio and Slack request bodies have, apart from repeated keys.
 */
export function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
