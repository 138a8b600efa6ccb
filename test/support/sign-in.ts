import type { TestPortal } from './portal';

const LINK = /https?:\/\/[^\s"<]+\/sign-in\/[A-Za-z0-9_-]+/;

/** The sign-in link in a captured email or SMS text. */
export function extractSignInLink(text: string): string {
  const match = LINK.exec(text);
  if (!match) throw new Error('No sign-in link in the message');
  return match[0];
}

/** Asks for a link by the JSON API and returns the link from the email that arrives. */
export async function requestLinkByEmail(portal: TestPortal, email: string): Promise<string> {
  const nextMail = portal.smtp.nextMailTo(email);
  const response = await fetch(`${portal.url}/api/auth/sign-in-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (response.status !== 202) throw new Error(`sign-in-link answered ${response.status}`);
  return extractSignInLink((await nextMail()).text);
}

/** Opens a sign-in link like a browser would, returning the session cookie (`name=value`) when it signed in. */
export async function openLink(link: string): Promise<{ status: number; cookie?: string; location?: string; body: string }> {
  const response = await fetch(link, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? undefined;
  return {
    status: response.status,
    cookie: setCookie?.split(';')[0],
    location: response.headers.get('location') ?? undefined,
    body: await response.text(),
  };
}

/** Signs in as the given contact, returning the session cookie. */
export async function signIn(portal: TestPortal, email: string): Promise<string> {
  const opened = await openLink(await requestLinkByEmail(portal, email));
  if (!opened.cookie) throw new Error(`Signing in failed with status ${opened.status}`);
  return opened.cookie;
}
