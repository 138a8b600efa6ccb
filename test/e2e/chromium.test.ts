import { launchChromium } from '../support/chromium';

test('a missing Chromium fails naming the package to install, and downloads nothing', async () => {
  await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/not found at \/nonexistent\/chromium.*`apt-get install chromium`/);
});
