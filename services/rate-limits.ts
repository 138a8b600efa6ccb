import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config';
import { AppError } from '../lib/errors';
import { hashToken } from '../lib/tokens';

const HOUR = 3600;

/** Counters live in PostgreSQL (table from migration 0002), so every API server enforces the same limits. */
export function createRateLimits(config: Config, sequelize: Sequelize) {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPostgres({ storeClient: sequelize, storeType: 'sequelize', tableName: 'rate_limits', tableCreated: true, keyPrefix, points, duration: HOUR });
  const perAddress = limiter('sign-in-address', config.signIn.ratePerAddress);
  const perIp = limiter('sign-in-ip', config.signIn.ratePerIp);

  return {
    /** Sign-in link requests: a few per address and a few dozen per client IP, each per hour. */
    async signInRequest(email: string, ip: string): Promise<void> {
      try {
        await perIp.consume(ip);
        await perAddress.consume(hashToken(email));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const minutes = Math.ceil(rejection.msBeforeNext / 60_000);
        throw new AppError('rate_limited', `Too many sign-in requests. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
          retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000),
        });
      }
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
