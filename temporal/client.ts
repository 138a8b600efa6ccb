import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config';
import { temporalConnectionOptions } from './connection';

export async function connectTemporalClient(config: Config, address: string): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal, address));
  return new Client({ connection, namespace: config.temporal.namespace });
}
