import { parseSmsCommand } from './commands';

const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];

describe('parseSmsCommand', () => {
  test.each(OPT_OUT)('%s opts out in any case, padded or with trailing punctuation', (word) => {
    const lower = word.toLowerCase();
    const capitalised = word[0] + lower.slice(1);
    for (const body of [word, lower, capitalised, ` ${word}\n`, `${lower}.`, `${word}!`, `${capitalised}!!`, `${lower}?`, `${word},`, `${lower} .`, `${word}…`]) {
      expect([body, parseSmsCommand(body)]).toEqual([body, 'opt-out']);
    }
  });

  test.each(['START', 'start', 'Start!', 'UNSTOP', 'unstop.'])('%s opts back in', (body) => {
    expect(parseSmsCommand(body)).toBe('opt-in');
  });

  test.each(['HELP', 'help', 'Help?', 'INFO', 'info.'])('%s asks for help', (body) => {
    expect(parseSmsCommand(body)).toBe('help');
  });

  test.each(['LINK', 'link', ' Link! '])('%s asks for a sign-in link', (body) => {
    expect(parseSmsCommand(body)).toBe('link');
  });

  test.each(['', '   ', 'stop it', 'please stop sending', 'STOP LINK', 'stopp', 'linked', 'I need help with my bill', 'S T O P'])(
    '%j is not a command (keywords match the whole message only)',
    (body) => {
      expect(parseSmsCommand(body)).toBe('unknown');
    },
  );
});
