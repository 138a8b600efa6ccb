import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Sequelize } from 'sequelize';
import { slackRoutes } from '../bots/slack/app';
import { smsRoutes } from '../bots/sms/router';
import type { ServiceContext } from '../services/context';
import { errorHandler } from './errors';
import { loadSession } from './middleware/session';
import { sameOriginWrites } from './middleware/same-origin';
import { authRoutes } from './routes/auth';
import { clinicianRoutes } from './routes/clinician';
import { devMailboxRoutes } from './routes/dev-mailbox';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { portalRoutes } from './routes/portal';

/** The HTTP server: webhooks first (they read their own raw bodies), then the portal and its API. */
export function createHttpApp(ctx: ServiceContext, sequelize: Sequelize): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);

  app.use(healthRoutes(ctx, sequelize));
  app.use(slackRoutes(ctx));
  app.use(smsRoutes(ctx));

  app.use(express.json({ limit: '100kb' }), express.urlencoded({ extended: false, limit: '100kb' }), cookieParser());
  app.use(helmet({ referrerPolicy: { policy: 'same-origin' }, strictTransportSecurity: ctx.config.publicUrl.startsWith('https:') }));
  app.use(sameOriginWrites(ctx.config.publicUrl));
  app.use(docsRoutes(ctx.config.publicUrl));
  if (!ctx.config.production) app.use(devMailboxRoutes());
  app.use(loadSession(ctx));
  app.use(authRoutes(ctx), meRoutes(), clinicianRoutes(ctx), portalRoutes());
  app.use('/api', (_req, res) => void res.status(404).json({ error: { code: 'not_found', message: 'No such endpoint' } }));
  app.use(errorHandler(ctx.log));
  return app;
}
