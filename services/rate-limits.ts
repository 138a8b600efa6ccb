import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { AppError } from '../lib/errors';
import { hashToken } from '../lib/tokens';

const HOUR = 3600;

export function createRateLimits(config: Config) {
  const perAddress = new RateLimiterMemory({ keyPrefix: 'sign-in-address', points: config.signIn.ratePerAddress, duration: HOUR });
  const perIp = new RateLimiterMemory({ keyPrefix: 'sign-in-ip', points: config.signIn.ratePerIp, duration: HOUR });

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
