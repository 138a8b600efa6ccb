import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/** The SDK logs every worker state change at INFO; the product keeps only warnings and errors. Call once per process. */
export function installTemporalRuntime(level: LogLevel = 'WARN'): void {
  Runtime.install({ logger: new DefaultLogger(level) });
}
