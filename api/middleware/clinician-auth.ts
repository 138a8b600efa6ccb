import type { NextFunction, Request, Response } from 'express';
import type { Clinician } from '../../db/models';
import { AppError } from '../../lib/errors';
import { findClinicianByApiToken } from '../../services/clinicians';

declare module 'express-serve-static-core' {
  interface Request {
    clinician?: Clinician;
  }
}

/** The clinician API takes a bearer token issued with `portal clinician-token`. */
export async function requireClinician(req: Request, res: Response, next: NextFunction): Promise<void> {
  // The scheme name is case-insensitive (RFC 7235); a 401 names the scheme it wants (RFC 6750).
  const match = /^Bearer +(\S+)$/i.exec(req.get('authorization') ?? '');
  const clinician = match ? await findClinicianByApiToken(match[1]) : null;
  if (!clinician) {
    res.set('WWW-Authenticate', 'Bearer realm="clinician-api"');
    throw new AppError('unauthenticated', 'A valid clinician API token is required (Authorization: Bearer …)');
  }
  req.clinician = clinician;
  next();
}
