/** How far along a message is, by Twilio status; callbacks may arrive out of order. */
const PROGRESS: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  partially_delivered: 4,
  read: 5,
};

/** The statuses a callback reporting `status` must not overwrite: those further along. */
export function statusesAfter(status: string): string[] {
  const progress = PROGRESS[status] ?? 0;
  return Object.keys(PROGRESS).filter((other) => PROGRESS[other] > progress);
}
