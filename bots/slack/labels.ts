/** How Slack names a client: initials by default, the full name only if the practice opted in. */
export function clientLabel(displayName: string, showNames: boolean): string {
  if (showNames) return escapeSlackText(displayName);
  const initials = displayName
    .split(/[\s&]+/)
    .filter((part) => /^\p{L}/u.test(part))
    .map((part) => `${[...part][0].toUpperCase()}.`)
    .join('');
  return initials || 'Client';
}

/** Slack reads &, < and > as control characters (mentions, links), so literal text escapes them. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
