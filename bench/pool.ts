/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight and returns each result by index. The first
 * failure, or `signal` aborting, stops new tasks from starting; it is rethrown once those in flight settle.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function lane(): Promise<void> {
    while (!failure && next < count) {
      if (signal?.aborted) {
        failure = { error: signal.reason };
        break;
      }
      const index = next++;
      try {
        results[index] = await task(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failure) throw failure.error;
  return results;
}
