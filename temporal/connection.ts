import { readFileSync } from 'node:fs';

import type { Config } from '../config';

/** Connection options shared by the client and the worker: local dev server, self-hosted, or Temporal Cloud. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: { clientCertPair?: { crt: Buffer; key: Buffer } };
  apiKey?: string;
  metadata?: Record<string, string>;
}

export function temporalConnectionOptions(config: Config['temporal'], address: string): TemporalConnectionOptions {
  const { apiKey, tls, tlsCertPath, tlsKeyPath } = config;
  const clientCertPair =
    tlsCertPath && tlsKeyPath ? { crt: readFileSync(tlsCertPath), key: readFileSync(tlsKeyPath) } : undefined;
  return {
    address,
    tls: tls ? { clientCertPair } : undefined,
    apiKey,
    metadata: apiKey ? { 'temporal-namespace': config.namespace } : undefined,
  };
}
