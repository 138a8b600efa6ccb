import { Router } from 'express';
import type { Sequelize } from 'sequelize';
import type { ServiceContext } from '../../services/context';

/** /healthz: the process answers. /readyz: the database and Temporal answer too. */
export function healthRoutes(ctx: ServiceContext, sequelize: Sequelize): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      sequelize.query('SELECT 1'),
      ctx.temporal.workflowService.getSystemInfo({}),
    ]);
    const [database, temporal] = checks.map((check) => (check.status === 'fulfilled' ? 'ok' : 'unavailable'));
    const ready = database === 'ok' && temporal === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', database, temporal });
  });
  return router;
}
