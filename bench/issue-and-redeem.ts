import { heldSignInLink } from './held-link';

export interface LinkTimings {
  /** POST /api/auth/sign-in-link until the link is in the outbox (workflow started, activity done). */
  issueMs: number;
  /** GET /sign-in/:token until the 303 that signs in (the workflow's Update and its activity). */
  redeemMs: number;
  totalMs: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** One contact's sign-in, end to end over HTTP, as a browser and the mail it receives would do it. */
export async function issueAndRedeem(baseUrl: string, email: string): Promise<LinkTimings> {
  const requestedAt = performance.now();
  const requested = await fetch(`${baseUrl}/api/auth/sign-in-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await requested.arrayBuffer();
  if (requested.status !== 202) throw new Error(`POST /api/auth/sign-in-link answered ${requested.status}`);
  const { token } = await heldSignInLink(email, { pollMs: 5, timeoutMs: REQUEST_TIMEOUT_MS });

  const heldAt = performance.now();
  const opened = await fetch(`${baseUrl}/sign-in/${token}`, { redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await opened.arrayBuffer();
  if (opened.status !== 303) throw new Error(`GET /sign-in/:token answered ${opened.status}`);
  const signedInAt = performance.now();
  return { issueMs: heldAt - requestedAt, redeemMs: signedInAt - heldAt, totalMs: signedInAt - requestedAt };
}
