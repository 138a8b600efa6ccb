import { Router, type Request } from 'express';
import { describeDuration } from '../../lib/durations';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../services/context';
import { signOut } from '../../services/sessions';
import { redeemSignInLink, requestSignInLink, type UnusableLinkReason } from '../../services/sign-in-links';
import { startSession } from '../../services/sessions';
import { setRetryAfter } from '../errors';
import { handler } from '../middleware/async';
import { SESSION_COOKIE, setSessionCookie } from '../middleware/session';
import { checkEmailPage, linkUnusablePage, signInPage } from '../pages/sign-in';

const anonymous = (req: Request) => ({ type: 'anonymous' as const, channel: 'portal' as const, ip: req.ip });

/** Sign-in links (JSON and form), landing from the emailed link, and sign-out. */
export function authRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const validFor = describeDuration(ctx.config.signIn.linkTtlMs);

  router.post(
    '/api/auth/sign-in-link',
    handler(async (req, res) => {
      await requestSignInLink(ctx, { ...anonymous(req), channel: 'api' }, req.body);
      res.status(202).json({ message: 'If that address belongs to a client of the practice, a sign-in link is on its way.' });
    }),
  );

  router.post(
    '/sign-in',
    handler(async (req, res) => {
      try {
        await requestSignInLink(ctx, anonymous(req), req.body);
        res.send(checkEmailPage(validFor));
      } catch (error) {
        if (!(error instanceof AppError) || !['invalid_input', 'rate_limited'].includes(error.code)) throw error;
        setRetryAfter(res, error);
        res.status(error.code === 'rate_limited' ? 429 : 400).send(signInPage({ text: error.message, error: true }, String(req.body?.email ?? '')));
      }
    }),
  );

  router.get(
    '/sign-in/:token',
    handler(async (req, res) => {
      // The token must not leak in a Referer, but `no-referrer` would also make browsers send `Origin: null`
      // on this page's "ask for a new link" form, which the same-origin check refuses. Send the origin only.
      res.set('Referrer-Policy', 'strict-origin').set('Cache-Control', 'no-store');
      try {
        const { contactId } = await redeemSignInLink(ctx, String(req.params.token));
        const { token } = await startSession(ctx, contactId);
        setSessionCookie(ctx, res, token);
        res.redirect(303, '/');
      } catch (error) {
        if (error instanceof AppError && error.code === 'unavailable') return void res.status(503).send(signInPage({ text: error.message, error: true }));
        if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
        const { reason } = error.details as { reason: UnusableLinkReason };
        res.status(410).send(linkUnusablePage(reason, validFor));
      }
    }),
  );

  const signOutHandler = handler(async (req, res) => {
    if (req.portalSession) await signOut(ctx, req.portalSession);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    if (req.path.startsWith('/api/')) res.status(204).end();
    else res.redirect(303, '/?signed-out=1');
  });
  router.post('/sign-out', signOutHandler);
  router.post('/api/auth/sign-out', signOutHandler);

  return router;
}
