import { rmSync } from 'node:fs';

interface Stoppable {
  stop(): Promise<void>;
}

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __portalTestServices?: { root: string; database: Stoppable; temporal: Stoppable } }).__portalTestServices;
  if (!services) return;
  await services.temporal.stop();
  await services.database.stop();
  rmSync(services.root, { recursive: true, force: true });
}
