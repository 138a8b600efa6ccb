import type { Client as TemporalClient } from '@temporalio/client';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import { createRateLimits, type RateLimits } from './rate-limits';

/** What every service operation may use. Built once per process by the app or the worker. */
export interface ServiceContext {
  config: Config;
  temporal: TemporalClient;
  log: Logger;
  now: () => Date;
  rateLimits: RateLimits;
}

export function createServiceContext(
  config: Config,
  temporal: TemporalClient,
  sequelize: Sequelize,
  log: Logger,
  now = () => new Date(),
): ServiceContext {
  return { config, temporal, log, now, rateLimits: createRateLimits(config, sequelize) };
}
