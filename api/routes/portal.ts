import { Router } from 'express';
import { AppError } from '../../lib/errors';
import { currentProfile, describeMe, selectProfile } from '../../services/profiles';
import { handler } from '../middleware/async';
import { portalPage, profilePickerPage, TABS } from '../pages/portal';
import { signInPage } from '../pages/sign-in';

/** The server-rendered web portal. */
export function portalRoutes(): Router {
  const router = Router();

  router.get(
    ['/', ...TABS.map((tab) => tab.path)],
    handler(async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const session = req.portalSession;
      if (!session) {
        const signedOut = req.query['signed-out'] !== undefined;
        return void res.status(req.path === '/' ? 200 : 401).send(signInPage(signedOut ? { text: 'You are signed out.' } : undefined));
      }
      const me = await describeMe(session);
      if (!me.currentProfileId) return void res.send(profilePickerPage(me));
      res.send(portalPage(me, currentProfile(me), req.path));
    }),
  );

  router.get(
    '/profiles',
    handler(async (req, res) => {
      if (!req.portalSession) return void res.redirect(303, '/');
      res.send(profilePickerPage(await describeMe(req.portalSession)));
    }),
  );

  router.post(
    '/profiles',
    handler(async (req, res) => {
      if (!req.portalSession) throw new AppError('unauthenticated', 'Sign in first');
      await selectProfile(req.portalSession, req.body, 'portal');
      res.redirect(303, '/');
    }),
  );

  return router;
}
