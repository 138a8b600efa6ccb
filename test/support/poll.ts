/**
 * Calls `probe` until it returns something other than undefined, or fails after `timeoutMs` naming
 * `what`. For state another process changes (an outbox row, a timer's effect), where nothing notifies us.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Re-reads state (usually a DB row a worker activity writes) until it satisfies `done`. */
export function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  return pollUntil(async () => {
    const value = await read();
    return done(value) ? value : undefined;
  }, what, timeoutMs, 50);
}
