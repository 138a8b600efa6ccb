/** Nearest-rank percentile of latencies in milliseconds (`p` in 0..100). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Throughput over the whole phase and the spread of one operation's latency. */
export function summarise(latenciesMs: number[], elapsedMs: number): Summary {
  return {
    count: latenciesMs.length,
    perSecond: latenciesMs.length / (elapsedMs / 1000),
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
  };
}
