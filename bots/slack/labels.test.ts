import { clientLabel } from './labels';

describe('clientLabel', () => {
  test.each([
    ['Jordan Lee', 'J.L.'],
    ['jordan lee', 'J.L.'],
    ['Jordan & Sam Lee', 'J.S.L.'],
    ['Riley', 'R.'],
    ['Émile  Zola', 'É.Z.'],
    ['Mary-Jane Watson', 'M.W.'],
    ['(no name) Lee', 'N.L.'],
    ['𝒜da Lovelace', '𝒜.L.'],
  ])('shows %j as initials %j by default', (name, initials) => {
    expect(clientLabel(name, false)).toBe(initials);
  });

  test('never returns an empty label', () => {
    expect(clientLabel('', false)).toBe('Client');
    expect(clientLabel('42 & 7', false)).toBe('Client');
  });

  test('shows the full name only when the practice opted in', () => {
    expect(clientLabel('Jordan Lee', true)).toBe('Jordan Lee');
  });

  test('a full name is escaped for Slack, so it cannot inject mentions or links', () => {
    expect(clientLabel('Jordan & Sam <Lee>', true)).toBe('Jordan &amp; Sam &lt;Lee&gt;');
    expect(clientLabel('<!channel>', true)).toBe('&lt;!channel&gt;');
  });
});
