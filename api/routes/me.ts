import { Router } from 'express';
import { describeMe, getProfile, selectProfile } from '../../services/profiles';
import { handler } from '../middleware/async';
import { sessionOf } from '../middleware/session';

/** The signed-in contact, their profiles, and the profile every later read and write is scoped to. */
export function meRoutes(): Router {
  const router = Router();

  router.get(
    '/api/me',
    handler(async (req, res) => {
      res.json(await describeMe(sessionOf(req)));
    }),
  );

  router.put(
    '/api/me/profile',
    handler(async (req, res) => {
      res.json(await selectProfile(sessionOf(req), req.body, 'api'));
    }),
  );

  router.get(
    '/api/profiles/:profileId',
    handler(async (req, res) => {
      res.json(await getProfile(sessionOf(req).contactId, String(req.params.profileId)));
    }),
  );

  return router;
}
