import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO } from '../../db/seed';
import { launchChromium } from '../support/chromium';
import { readMailbox, signInLinkOf } from '../support/mailbox';
import { pollUntil } from '../support/poll';
import { startTestPortal, type TestPortal } from '../support/portal';

// Email is not configured (an empty SMTP_URL counts as unset), so links wait in the outbox and the
// person reads them at /dev/mailbox, as in a local run of the product.
let portal: TestPortal;
let browser: Browser;
beforeAll(async () => {
  [portal, browser] = await Promise.all([startTestPortal({ SMTP_URL: '' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const JORDAN = DEMO.jordan.email;
const TABS = ['Appointments', 'Documents', 'Billing & Payments', 'Messages'];

/** Runs `request`, then waits for the new email to `recipient` and returns its sign-in link. */
async function newLinkFor(recipient: string, request: () => Promise<unknown>): Promise<string> {
  const before = new Set((await readMailbox(portal.url)).map((message) => message.id));
  await request();
  const message = await pollUntil(
    async () => (await readMailbox(portal.url)).find((candidate) => candidate.recipient === recipient && !before.has(candidate.id)),
    `a new email to ${recipient}`,
  );
  return signInLinkOf(message).link;
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['a desktop', { viewport: { width: 1280, height: 800 } }],
  ['a phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
];

describe.each(VIEWPORTS)('the web portal on %s', (device, options) => {
  test('sign in by emailed link, pick a profile, use the tabs, switch profile, sign out', async () => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    try {
      await page.goto(`${portal.url}/`);
      await heading(page, 'Sign in');
      const link = await newLinkFor(JORDAN, async () => {
        await page.getByLabel('Email address').fill(JORDAN);
        await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
        await heading(page, 'Check your email');
      });

      await page.goto(`${portal.url}/dev/mailbox`);
      const newest = page.locator(`article[data-recipient="${JORDAN}"]`).first().locator('a[href*="/sign-in/"]');
      expect(await newest.getAttribute('href')).toBe(link);
      await newest.click();
      await page.waitForURL(`${portal.url}/`);
      await heading(page, 'Who are you here for today?');
      const profiles = page.locator('ul.profiles').getByRole('button');
      expect(await profiles.allTextContents()).toEqual(['Jordan Lee (you)', 'Jordan & Sam Lee (couple)', 'Riley Lee (as guardian)']);

      await page.getByRole('button', { name: /^Riley Lee/ }).click();
      await heading(page, 'Riley Lee');
      const tabs = page.getByRole('navigation').getByRole('link');
      expect(await tabs.allTextContents()).toEqual(TABS);
      if (device === 'a phone') await expectFitsPhone(page);

      await page.getByRole('link', { name: 'Billing & Payments' }).click();
      await page.waitForURL(`${portal.url}/billing`);
      await heading(page, 'Billing & Payments');
      expect(await page.getByRole('link', { name: 'Billing & Payments' }).getAttribute('aria-current')).toBe('page');

      await page.getByLabel('Viewing').selectOption({ label: 'Jordan & Sam Lee (couple)' });
      await page.getByRole('button', { name: 'Switch' }).click();
      await page.waitForURL(`${portal.url}/`);
      expect(await page.getByTestId('current-profile').textContent()).toBe('Jordan & Sam Lee');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${portal.url}/?signed-out=1`);
      expect(await page.getByRole('status').textContent()).toBe('You are signed out.');
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('portal_session');

      const afterSignOut = await page.goto(`${portal.url}/appointments`);
      expect(afterSignOut?.status()).toBe(401);
      await heading(page, 'Sign in');
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.getByTestId('current-profile').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/** On a phone every tab is on screen without sideways scrolling; the screenshot is for a person to look at. */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.screenshot({ path: '/tmp/portal-phone.png', fullPage: true });
  const width = page.viewportSize()?.width ?? 0;
  for (const tab of await page.getByRole('navigation').getByRole('link').all()) {
    const box = await tab.boundingBox();
    if (!box) throw new Error(`The ${await tab.textContent()} tab is not laid out`);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

test('an already-used link shows why and offers a new one', async () => {
  const link = await newLinkFor(JORDAN, () =>
    fetch(`${portal.url}/api/auth/sign-in-link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: JORDAN }) }),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(link);
    await heading(page, 'Who are you here for today?');

    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await heading(page, "This link can't sign you in");
    expect(await page.getByRole('alert').textContent()).toContain('already been used');
    await page.getByLabel('Email address').fill(JORDAN);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await heading(page, 'Check your email');
  } finally {
    await context.close();
  }
});
