// The system Chromium for end-to-end tests (never a downloaded one).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startServer, type RunningServer, type StartOptions } from './server.ts';

/** Launches the system Chromium headless; fails with a hint when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  assert.ok(executablePath, 'no Chromium found (run node scripts/ensure-chromium.mjs)');
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

/** What a test file drives: the server and the browser. */
export interface EndToEnd {
  server: RunningServer;
  browser: Browser;
}

/**
 * Starts the server (`options`, e.g. the compiled build with a fast job poller) and the system Chromium before the
 * file's tests and stops both after them. The fields are set once the tests run.
 */
export function serverAndBrowser(options: StartOptions): EndToEnd {
  const e2e = {} as EndToEnd;
  before(async () => {
    e2e.server = await startServer(options);
    e2e.browser = await launchChromium();
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  });
  return e2e;
}
