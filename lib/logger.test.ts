import { PassThrough } from 'node:stream';
import { createLogger } from './logger';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { log: createLogger('debug', stream), text: () => text };
}

describe('the logger keeps contact details and secrets out of logs', () => {
  test('fields that may hold them are redacted wherever they sit', () => {
    const { log, text } = capture();
    log.info({ email: 'jo@example.com', contact: { phone: '+15555550100' }, token: 'secret-token', body: 'I feel low' }, 'event');
    expect(text()).not.toMatch(/jo@example\.com|\+15555550100|secret-token|I feel low/);
    expect(text()).toContain('[redacted]');
  });

  test('errors are logged without the SQL or values they carry', () => {
    const { log, text } = capture();
    const error = Object.assign(new Error('duplicate key: Key (phone)=(+15555550100) for jo@example.com at /sign-in/abcdefghijklmnopqrstuvwxyz0123'), {
      sql: 'INSERT INTO contacts (email) VALUES ($1)',
      parameters: ['jo@example.com'],
    });
    log.error({ err: error }, 'request failed');
    expect(text()).not.toMatch(/jo@example\.com|\+15555550100|abcdefghijklmnopqrstuvwxyz0123|INSERT INTO/);
    expect(text()).toContain('duplicate key');
  });
});
