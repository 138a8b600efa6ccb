// One shared "wait until something matching shows up in this list" helper for
// every fake (Twilio messages, Slack messages/responses, captured mail).
//
// Fakes append through `record(list, item)`, which wakes waiters at once, so a
// wait resolves as soon as the item arrives: no polling interval, and it still
// resolves under jest fake timers (only the timeout would then need advancing).
// Lists are plain arrays that keep their identity across `clearRecorded`, so a
// test holding `fake.sent` always sees the current contents.

type Wake = () => void;

const waitersByList = new WeakMap<readonly unknown[], Set<Wake>>();

/** Appends `item` to `list` and wakes anyone waiting on that list. */
export function record<T>(list: T[], item: T): void {
  list.push(item);
  const waiters = waitersByList.get(list);
  if (waiters) for (const wake of [...waiters]) wake();
}

/** Empties `list` in place (keeps the same array object for existing holders). */
export function clearRecorded(list: unknown[]): void {
  list.length = 0;
}

/**
 * Resolves with the first item of `list` (already there or recorded later)
 * that satisfies `predicate`; rejects after `timeoutMs` with a message listing
 * what *was* recorded, which is usually the fastest way to see why it failed.
 */
export function waitFor<T>(
  list: readonly T[],
  predicate: (item: T) => boolean,
  timeoutMs = 5000,
  what = 'item',
): Promise<T> {
  const existing = list.find(predicate);
  if (existing !== undefined) return Promise.resolve(existing);

  return new Promise<T>((resolve, reject) => {
    let waiters = waitersByList.get(list);
    if (!waiters) {
      waiters = new Set();
      waitersByList.set(list, waiters);
    }
    const registered = waiters;

    const finish = (): void => {
      clearTimeout(timer);
      registered.delete(wake);
    };
    const wake: Wake = () => {
      let match: T | undefined;
      try {
        match = list.find(predicate);
      } catch (error) {
        finish();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (match !== undefined) {
        finish();
        resolve(match);
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `Timed out after ${timeoutMs}ms waiting for a matching ${what}; ` +
            `${list.length} recorded: ${describe(list)}`,
        ),
      );
    }, timeoutMs);

    registered.add(wake);
  });
}

function describe(list: readonly unknown[]): string {
  try {
    // Buffers reach the replacer already turned into { type: 'Buffer', data }.
    const text = JSON.stringify(list, (_key, value: unknown) =>
      isSerialisedBuffer(value) ? `<Buffer ${value.data.length} bytes>` : value,
    );
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  } catch {
    return '[unserialisable]';
  }
}

function isSerialisedBuffer(value: unknown): value is { type: 'Buffer'; data: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  );
}
