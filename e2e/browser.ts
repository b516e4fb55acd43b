// The system Chromium for end-to-end tests (never a downloaded one).
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/** Launches the system Chromium headless; fails with a hint when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  assert.ok(executablePath, 'no Chromium found (run node scripts/ensure-chromium.mjs)');
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}
