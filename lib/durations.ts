const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** "24 hours", "1 hour", "15 minutes", "3 days": the largest whole unit (days from two on), for texts people read. */
export function describeDuration(ms: number): string {
  const units = UNITS.filter(([size, unit]) => unit !== 'day' || ms >= 2 * size);
  const [size, unit] = units.find(([size]) => ms >= size && ms % size === 0) ?? units.find(([size]) => ms >= size) ?? units[units.length - 1];
  const amount = Math.max(1, Math.round(ms / size));
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
