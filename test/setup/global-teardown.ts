interface Stoppable {
  stop(): Promise<void>;
}

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __portalTestServices?: { database: Stoppable; temporal: Stoppable } }).__portalTestServices;
  if (!services) return;
  await services.temporal.stop();
  await services.database.stop();
}
