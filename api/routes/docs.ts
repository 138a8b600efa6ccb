import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from '../openapi';

export function docsRoutes(publicUrl: string): Router {
  const router = Router();
  const document = openApiDocument(publicUrl);
  router.get('/docs/openapi.json', (_req, res) => void res.json(document));
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document));
  return router;
}
