import type { NextFunction, Request, Response } from 'express';
import { AppError, HTTP_STATUS } from '../lib/errors';
import type { Logger } from '../lib/logger';

/**
 * The one place errors become HTTP answers: AppErrors keep their message, body-parser errors become
 * 400s, anything else is logged and masked as a 500.
 */
export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(error);
    if (status >= 500) log.error({ err: error, method: req.method, route: req.route?.path }, 'request failed');
    if (res.headersSent) return;
    const message = status >= 500 ? 'Something went wrong on our side. Please try again.' : (error as Error).message;
    setRetryAfter(res, error);
    res.status(status).json({
      error: { code: error instanceof AppError ? error.code : status >= 500 ? 'internal' : 'invalid_input', message, ...detailsOf(error) },
    });
  };
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return HTTP_STATUS[error.code];
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return status;
  return 500;
}

function detailsOf(error: unknown): { fields?: unknown } {
  if (error instanceof AppError && error.details && typeof error.details === 'object' && 'fields' in error.details) {
    return { fields: (error.details as { fields: unknown }).fields };
  }
  return {};
}

/** A rate-limited answer says when to try again. */
export function setRetryAfter(res: Response, error: unknown): void {
  if (!(error instanceof AppError) || error.code !== 'rate_limited') return;
  const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retry) res.set('Retry-After', String(retry));
}
