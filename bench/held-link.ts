import { setTimeout as sleep } from 'node:timers/promises';
import { Op } from 'sequelize';
import { OutboxMessage } from '../db/models';

export interface HeldLink {
  /** The outbox row's id, `sign-in-link:<linkId>`. */
  messageId: string;
  token: string;
}

const TOKEN = /\/sign-in\/([A-Za-z0-9_-]+)/;

/**
 * The sign-in link waiting in the outbox for `recipient` (no transport is configured, so it is `held`
 * with its text), skipping rows already seen. Polls the database every `pollMs` until `timeoutMs`.
 */
export async function heldSignInLink(
  recipient: string,
  { seen = [], pollMs = 10, timeoutMs = 30_000 }: { seen?: string[]; pollMs?: number; timeoutMs?: number } = {},
): Promise<HeldLink> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await OutboxMessage.findOne({
      where: { recipient, status: 'held', id: { [Op.like]: 'sign-in-link:%', ...(seen.length ? { [Op.notIn]: seen } : {}) } },
      order: [['createdAt', 'DESC']],
    });
    const token = row?.body ? TOKEN.exec(row.body)?.[1] : undefined;
    if (row && token) return { messageId: row.id, token };
    if (Date.now() > deadline) throw new Error(`No sign-in link was held for a recipient within ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}
