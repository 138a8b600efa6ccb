import type { NextFunction, Request, Response } from 'express';

/**
 * Cross-site form posts are refused: with a SameSite=Lax cookie they would arrive unauthenticated
 * anyway, and checking Origin stops a cross-site page from using a sign-in form in someone's name.
 */
export function sameOriginWrites(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (req.method === 'GET' || req.method === 'HEAD' || !origin || origin === allowed || origin === `${req.protocol}://${req.get('host')}`) {
      return next();
    }
    res.status(403).json({ error: { code: 'forbidden', message: 'Cross-site request refused' } });
  };
}
