import { html } from '../../lib/html';
import type { UnusableLinkReason } from '../../services/sign-in-links';
import { layout } from './layout';

const requestForm = (email = '') => html`
<form method="post" action="/sign-in">
  <label for="email">Email address</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${email}">
  <button type="submit">Email me a sign-in link</button>
</form>`;

export function signInPage(notice?: { text: string; error?: boolean }, email?: string): string {
  return layout(
    'Sign in',
    html`<div class="card">
  <h2>Sign in</h2>
  ${notice ? html`<p class="notice${notice.error ? ' error' : ''}" role="status">${notice.text}</p>` : ''}
  <p class="muted">We will email you a link that signs you in. No password needed.</p>
  ${requestForm(email)}
</div>`,
  );
}

export function checkEmailPage(validFor: string): string {
  return layout(
    'Check your email',
    html`<div class="card">
  <h2>Check your email</h2>
  <p class="notice" role="status">If that address belongs to a client of the practice, a sign-in link is on its way. It works once and expires in ${validFor}.</p>
  <p><a href="/">Back to sign in</a></p>
</div>`,
  );
}

const REASONS: Record<UnusableLinkReason, (validFor: string) => string> = {
  used: () => 'This sign-in link has already been used. Each link works once.',
  expired: (validFor) => `This sign-in link has expired. Links work for ${validFor}.`,
  superseded: () => 'A newer sign-in link was sent after this one, so this one no longer works.',
  unknown: () => 'This sign-in link is not valid. It may have been copied incompletely.',
};

export function linkUnusablePage(reason: UnusableLinkReason, validFor: string): string {
  return layout(
    'Sign-in link not valid',
    html`<div class="card">
  <h2>This link can't sign you in</h2>
  <p class="notice error" role="alert">${REASONS[reason](validFor)}</p>
  <p>Ask for a new link:</p>
  ${requestForm()}
</div>`,
  );
}
