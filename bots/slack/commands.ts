/** `/portal <subcommand> …` parsed into what the clinician asked for. Pure, so it is unit-tested alone. */
export type PortalCommand =
  | { kind: 'help' }
  | { kind: 'invite'; email: string; name?: string }
  | { kind: 'invalid'; message: string };

export const PORTAL_HELP = [
  '*Client portal commands*',
  '`/portal invite <email> [name]`: invite someone to the portal (they get a welcome email with a one-time sign-in link); for someone already invited, send a fresh link',
  '`/portal help`: this message',
].join('\n');

export function parsePortalCommand(text: string): PortalCommand {
  const [subcommand = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  switch (subcommand.toLowerCase()) {
    case 'help':
      return { kind: 'help' };
    case 'invite': {
      const [email, ...nameParts] = rest;
      if (!email) return { kind: 'invalid', message: 'Usage: `/portal invite <email> [name]`' };
      // Slack turns addresses into <mailto:a@b.c|a@b.c>; keep the address itself.
      const address = email.replace(/^<mailto:([^|>]+)(\|[^>]*)?>$/, '$1');
      const name = unescapeSlackText(nameParts.join(' ').trim());
      return { kind: 'invite', email: address, ...(name ? { name } : {}) };
    }
    default:
      return { kind: 'invalid', message: `Unknown command \`${subcommand}\`.\n${PORTAL_HELP}` };
  }
}

/** Slack sends &, < and > in command text as HTML entities. */
function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
