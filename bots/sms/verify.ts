import type { NextFunction, Request, Response } from 'express';
import twilio from 'twilio';

/**
 * Rejects any request whose X-Twilio-Signature does not match PUBLIC_URL + path and the posted form.
 * The public URL is used (not the Host header) because Twilio signs the URL it was configured with.
 */
export function verifyTwilioSignature(authToken: string | undefined, publicUrl: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!authToken) return void res.status(503).type('text/plain').send('SMS is not configured');
    const signature = req.get('x-twilio-signature');
    const url = publicUrl + req.originalUrl;
    const params = (req.body ?? {}) as Record<string, string>;
    if (!signature || !twilio.validateRequest(authToken, signature, url, params)) {
      return void res.status(403).type('text/plain').send('Invalid Twilio signature');
    }
    next();
  };
}
