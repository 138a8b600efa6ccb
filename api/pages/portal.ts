import { html, type SafeHtml } from '../../lib/html';
import type { PortalFeature } from '../../db/models';
import type { Me, ProfileSummary } from '../../services/profiles';
import { layout } from './layout';

export const TABS: { feature: PortalFeature; path: string; label: string; empty: string }[] = [
  { feature: 'appointments', path: '/appointments', label: 'Appointments', empty: 'No upcoming appointments.' },
  { feature: 'documents', path: '/documents', label: 'Documents', empty: 'No documents waiting for you.' },
  { feature: 'billing', path: '/billing', label: 'Billing & Payments', empty: 'No invoices.' },
  { feature: 'messages', path: '/messages', label: 'Messages', empty: 'No messages yet.' },
];

const RELATIONSHIP: Record<ProfileSummary['relationship'], string> = { self: 'You', partner: 'Couple', guardian: 'As guardian' };

function profileLabel(profile: ProfileSummary): string {
  return profile.relationship === 'self' ? `${profile.displayName} (you)` : `${profile.displayName} (${RELATIONSHIP[profile.relationship].toLowerCase()})`;
}

function accountBar(me: Me, withSwitcher = true): SafeHtml {
  const switcher =
    withSwitcher && me.profiles.length > 1
      ? html`<form method="post" action="/profiles" class="who" aria-label="Switch profile">
    <label for="profile" class="muted" style="color:#dfe9e7;margin:0">Viewing</label>
    <select id="profile" name="profileId">${me.profiles.map(
      (profile) => html`<option value="${profile.id}"${profile.id === me.currentProfileId ? html` selected` : ''}>${profileLabel(profile)}</option>`,
    )}</select>
    <button type="submit">Switch</button></form>`
      : '';
  return html`<div class="who"><span data-testid="contact-name">${me.contact.name}</span>${switcher}
  <form method="post" action="/sign-out"><button type="submit">Sign out</button></form></div>`;
}

export function profilePickerPage(me: Me): string {
  return layout(
    'Choose a profile',
    html`<div class="card">
  <h2>Who are you here for today?</h2>
  <p class="muted">Each profile is kept separate. You can switch at any time.</p>
  <form method="post" action="/profiles"><ul class="profiles">${me.profiles.map(
    (profile) => html`<li><button type="submit" name="profileId" value="${profile.id}">${profileLabel(profile)}</button></li>`,
  )}</ul></form>
</div>`,
    accountBar(me, false),
  );
}

export function portalPage(me: Me, profile: ProfileSummary, activePath: string): string {
  const tabs = TABS.filter((tab) => profile.enabledFeatures.includes(tab.feature));
  const active = tabs.find((tab) => tab.path === activePath) ?? tabs[0];
  return layout(
    `${active?.label ?? 'Portal'} · ${profile.displayName}`,
    html`<h2 data-testid="current-profile">${profile.displayName}</h2>
<nav class="tabs">${tabs.map((tab) => html`<a href="${tab.path}"${tab === active ? html` aria-current="page"` : ''}>${tab.label}</a>`)}</nav>
<section class="card">${active ? html`<h3>${active.label}</h3><p class="muted">${active.empty}</p>` : html`<p>Your clinician has not turned on any portal features for this profile yet.</p>`}</section>`,
    accountBar(me),
  );
}
