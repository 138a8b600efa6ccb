import type { NextFunction, Request, Response } from 'express';
import type { Session } from '../../db/models';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../services/context';
import { resolveSession } from '../../services/sessions';

export const SESSION_COOKIE = 'portal_session';

declare module 'express-serve-static-core' {
  interface Request {
    portalSession?: Session;
  }
}

/** Loads the session named by the cookie, if it is live; ends it when idle too long. */
export function loadSession(ctx: ServiceContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.cookies?.[SESSION_COOKIE] as string | undefined;
    const session = await resolveSession(ctx, token);
    if (session) req.portalSession = session;
    else if (token) res.clearCookie(SESSION_COOKIE, { path: '/' });
    next();
  };
}

export function setSessionCookie(ctx: ServiceContext, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
    path: '/',
  });
}

/** The signed-in session, or a 401 for the JSON API. */
export function sessionOf(req: Request): Session {
  if (!req.portalSession) throw new AppError('unauthenticated', 'Sign in first');
  return req.portalSession;
}
