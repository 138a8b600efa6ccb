import { recordAudit } from '../db/audit';
import { ClientContact, Session } from '../db/models';
import { hashToken, newSecretToken } from '../lib/tokens';
import type { ServiceContext } from './context';

/** lastSeenAt is written at most this often (or a quarter of the idle timeout), so browsing does not cost a write per request. */
const TOUCH_INTERVAL_MS = 15_000;

/** Signs a contact in. A contact with exactly one profile starts on it; otherwise they pick one. */
export async function startSession(ctx: ServiceContext, contactId: string): Promise<{ token: string; session: Session }> {
  const memberships = await ClientContact.findAll({ where: { contactId }, attributes: ['clientId'] });
  const token = newSecretToken();
  const session = await Session.create({
    tokenHash: hashToken(token),
    contactId,
    clientId: memberships.length === 1 ? memberships[0].clientId : null,
    lastSeenAt: ctx.now(),
  });
  await recordAudit({ actorType: 'contact', actorId: contactId, action: 'session.started', channel: 'portal', contactId, clientId: session.clientId });
  return { token, session };
}

/** The live session for a cookie token, or null. Inactivity past the idle timeout ends the session. */
export async function resolveSession(ctx: ServiceContext, token: string | undefined): Promise<Session | null> {
  if (!token) return null;
  const session = await Session.findOne({ where: { tokenHash: hashToken(token), endedAt: null } });
  if (!session) return null;
  const now = ctx.now();
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor > ctx.config.session.idleTimeoutMs) {
    await endSession(session, 'idle', now);
    return null;
  }
  if (idleFor > Math.min(TOUCH_INTERVAL_MS, ctx.config.session.idleTimeoutMs / 4)) await session.update({ lastSeenAt: now });
  return session;
}

export async function signOut(ctx: ServiceContext, session: Session): Promise<void> {
  await endSession(session, 'signed_out', ctx.now());
}

async function endSession(session: Session, reason: 'signed_out' | 'idle', now: Date): Promise<void> {
  const [ended] = await Session.update({ endedAt: now, endReason: reason }, { where: { id: session.id, endedAt: null } });
  if (ended === 0) return;
  await recordAudit({
    actorType: reason === 'idle' ? 'system' : 'contact',
    actorId: reason === 'idle' ? null : session.contactId,
    action: reason === 'idle' ? 'session.timed_out' : 'session.signed_out',
    channel: 'portal',
    contactId: session.contactId,
    clientId: session.clientId,
  });
}
