import { handleOnce } from '../../services/inbound-webhooks';
import { startTestPortal, type TestPortal } from '../support/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('inbound webhooks are handled once', () => {
  test('a retry of a handled message is a duplicate and does no work', async () => {
    const runs: string[] = [];
    expect(await handleOnce('twilio', 'SM-once', async () => runs.push('first'))).toEqual({ duplicate: false, result: 1 });
    expect(await handleOnce('twilio', 'SM-once', async () => runs.push('retry'))).toEqual({ duplicate: true });
    expect(runs).toEqual(['first']);
  });

  test('a message whose handling failed is handled when the provider retries it', async () => {
    await expect(handleOnce('twilio', 'SM-failed', () => Promise.reject(new Error('database went away')))).rejects.toThrow('database went away');
    expect(await handleOnce('twilio', 'SM-failed', async () => 'handled')).toEqual({ duplicate: false, result: 'handled' });
  });
});
