import { parsePortalCommand, PORTAL_HELP } from './commands';

describe('parsePortalCommand', () => {
  test.each(['', '   ', 'help', 'HELP', '  Help  '])('%j is help', (text) => {
    expect(parsePortalCommand(text)).toEqual({ kind: 'help' });
  });

  test('invite with an address and a name', () => {
    expect(parsePortalCommand('invite new@example.com New  Person')).toEqual({ kind: 'invite', email: 'new@example.com', name: 'New Person' });
  });

  test('invite with an address only', () => {
    expect(parsePortalCommand('INVITE new@example.com')).toEqual({ kind: 'invite', email: 'new@example.com' });
  });

  test('an address Slack turned into a mailto link is unwrapped', () => {
    expect(parsePortalCommand('invite <mailto:new@example.com|new@example.com> New Person')).toEqual({
      kind: 'invite',
      email: 'new@example.com',
      name: 'New Person',
    });
    expect(parsePortalCommand('invite <mailto:new@example.com>')).toEqual({ kind: 'invite', email: 'new@example.com' });
  });

  test('Slack escapes &, < and > in command text; names are unescaped', () => {
    expect(parsePortalCommand('invite pat@example.com Pat &amp; Chris &lt;Lee&gt;')).toEqual({
      kind: 'invite',
      email: 'pat@example.com',
      name: 'Pat & Chris <Lee>',
    });
  });

  test('invite without an address explains the usage', () => {
    expect(parsePortalCommand('invite')).toEqual({ kind: 'invalid', message: 'Usage: `/portal invite <email> [name]`' });
  });

  test('an unknown subcommand names it and shows the help', () => {
    const parsed = parsePortalCommand('appointments today');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toBe(`Unknown command \`appointments\`.\n${PORTAL_HELP}`);
  });
});
