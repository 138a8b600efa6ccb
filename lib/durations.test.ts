import { describeDuration } from './durations';

test.each([
  [24 * 3_600_000, '24 hours'],
  [3_600_000, '1 hour'],
  [2 * 86_400_000, '2 days'],
  [15 * 60_000, '15 minutes'],
  [90 * 60_000, '90 minutes'],
  [30_000, '30 seconds'],
  [500, '1 second'],
])('%d ms reads as %s', (ms, text) => {
  expect(describeDuration(ms)).toBe(text);
});
