import { Router } from 'express';
import type { ServiceContext } from '../../services/context';
import { inviteContact } from '../../services/invitations';
import { handler } from '../middleware/async';
import { requireClinician } from '../middleware/clinician-auth';

/** The clinician API, authenticated by bearer token. */
export function clinicianRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.use('/api/clinician', handler(requireClinician));

  router.get('/api/clinician/me', (req, res) => {
    const { id, name, email, role } = req.clinician!;
    res.json({ id, name, email, role });
  });

  router.post(
    '/api/clinician/invitations',
    handler(async (req, res) => {
      const result = await inviteContact(ctx, { type: 'clinician', clinician: req.clinician!, channel: 'api' }, req.body);
      res.status(result.created ? 201 : 200).json(result);
    }),
  );

  return router;
}
