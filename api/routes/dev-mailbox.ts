import { Router } from 'express';
import { OutboxMessage } from '../../db/models';
import { html, SafeHtml } from '../../lib/html';
import { layout } from '../pages/layout';

const LINK = /(https?:\/\/[^\s<]+)/g;

/**
 * Development only: the outbox, newest first, so a local run can read the emails, SMS and Slack
 * messages it would have sent. Never mounted in production.
 */
export function devMailboxRoutes(): Router {
  const router = Router();
  router.get('/dev/mailbox', async (_req, res) => {
    const messages = await OutboxMessage.findAll({ order: [['createdAt', 'DESC']], limit: 100 });
    res.set('Cache-Control', 'no-store').send(
      layout(
        'Dev mailbox',
        html`<h2>Dev mailbox</h2><p class="muted">Messages from the outbox (newest first). Only shown outside production.</p>
${messages.map(
  (message) => html`<article class="card" data-channel="${message.channel}" data-recipient="${message.recipient}">
  <p class="muted">${message.channel.toUpperCase()} to ${message.recipient} · ${message.status} · ${message.createdAt.toISOString()}</p>
  ${message.subject ? html`<h3>${message.subject}</h3>` : ''}
  <pre style="white-space:pre-wrap;overflow-wrap:anywhere">${linkify(message.body ?? '(delivered; content not kept)')}</pre>
</article>`,
)}`,
      ),
    );
  });
  router.get('/dev/mailbox.json', async (_req, res) => {
    const messages = await OutboxMessage.findAll({ order: [['createdAt', 'DESC']], limit: 100 });
    res.json(messages.map((message) => message.toJSON()));
  });
  return router;
}

function linkify(text: string): SafeHtml {
  const parts = text.split(LINK);
  return html`${parts.map((part, index) => (index % 2 === 1 ? html`<a href="${part}">${part}</a>` : part))}`;
}
