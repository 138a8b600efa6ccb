import { ConfigError, loadConfig } from '.';

describe('configuration', () => {
  test('nothing set runs on embedded defaults', () => {
    const config = loadConfig({});
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database.url).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
    expect(config.signIn.linkTtlMs).toBe(24 * 3_600_000);
    expect(config.session.idleTimeoutMs).toBe(15 * 60_000);
    expect(config.twilio.sending).toBe(false);
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ SIGN_IN_LINK_TTL: '3 days' }, 'SIGN_IN_LINK_TTL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'DATABASE_URL'],
    [{ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'x' }, 'TWILIO_FROM'],
    [{ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_FROM: '+15550001111' }, 'TWILIO_AUTH_TOKEN'],
    [{ TEMPORAL_TLS_CERT_PATH: '/tmp/cert.pem' }, 'TEMPORAL_TLS_KEY_PATH'],
  ])('%j stops the process naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  test('production has no development webhook secrets to fall back on', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://portal.example.com/',
      DATABASE_URL: 'postgres://db.example.com/portal',
      TEMPORAL_ADDRESS: 'temporal.example.com:7233',
    });
    expect(config.publicUrl).toBe('https://portal.example.com');
    expect(config.twilio.authToken).toBeUndefined();
    expect(config.slack.signingSecret).toBeUndefined();
  });

  test('TRUST_PROXY takes a hop count, addresses, or a boolean', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  test('an API key implies TLS for Temporal Cloud', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key' }).temporal.tls).toBe(true);
  });
});
