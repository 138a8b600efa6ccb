import { escapeHtml } from '../../lib/html';

export interface RenderedMessage {
  subject?: string;
  text: string;
  html?: string;
}

/**
 * Notification texts. They say that something is waiting and carry a link; they never carry
 * health information, appointment details, or anything a shared inbox or lock screen should not show.
 */
export const templates = {
  'sign-in-link': (p: { practiceName: string; link: string; validFor: string }): RenderedMessage => ({
    subject: `Your sign-in link for ${p.practiceName}`,
    text: `Here is your sign-in link for the ${p.practiceName} client portal:\n\n${p.link}\n\nIt works once and expires in ${p.validFor}. If you did not ask for it, you can ignore this email.`,
    html: emailHtml(p.practiceName, [
      `Here is your sign-in link for the ${escapeHtml(p.practiceName)} client portal.`,
      button(p.link, 'Sign in'),
      `It works once and expires in ${p.validFor}. If you did not ask for it, you can ignore this email.`,
    ]),
  }),
  welcome: (p: { practiceName: string; link: string; validFor: string; name: string }): RenderedMessage => ({
    subject: `Welcome to the ${p.practiceName} client portal`,
    text: `Hello ${p.name},\n\n${p.practiceName} has invited you to its client portal, where you can see appointments, paperwork and invoices and message your clinician.\n\nSign in here:\n${p.link}\n\nThe link works once and expires in ${p.validFor}; you can always ask for a new one on the portal's sign-in page.`,
    html: emailHtml(p.practiceName, [
      `Hello ${escapeHtml(p.name)},`,
      `${escapeHtml(p.practiceName)} has invited you to its client portal, where you can see appointments, paperwork and invoices and message your clinician.`,
      button(p.link, 'Sign in'),
      `The link works once and expires in ${p.validFor}; you can always ask for a new one on the portal's sign-in page.`,
    ]),
  }),
  'sign-in-link-sms': (p: { practiceName: string; link: string; validFor: string }): RenderedMessage => ({
    text: `${p.practiceName}: your sign-in link (works once, ${p.validFor}): ${p.link}`,
  }),
  'first-sign-in': (p: { clientLabel: string; clientId: string }): RenderedMessage => ({
    text: `${p.clientLabel} (client \`${p.clientId.slice(0, 8)}\`) signed in to the client portal for the first time.`,
  }),
} as const;

export type TemplateName = keyof typeof templates;
export type TemplateParams<T extends TemplateName> = Parameters<(typeof templates)[T]>[0];

export function render<T extends TemplateName>(name: T, params: TemplateParams<T>): RenderedMessage {
  return (templates[name] as (p: TemplateParams<T>) => RenderedMessage)(params);
}

function button(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#2f5d62;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a>`;
}

function emailHtml(practiceName: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('');
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1d2b2c;max-width:560px;margin:auto;padding:24px"><h2 style="font-weight:600">${escapeHtml(practiceName)}</h2>${body}</body></html>`;
}
