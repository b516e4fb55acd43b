import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

/**
 * Runs first on every test page, before mocha, which turns each uncaught window 'error' into a failed test.
 * Chromium reports "ResizeObserver loop completed with undelivered notifications" (older versions: "ResizeObserver
 * loop limit exceeded") as such an error when a ResizeObserver callback changes a size that is observed again in the
 * same frame, as the virtualizer does while it measures new rows on a busy machine. Nothing is lost: the remaining
 * notifications arrive in the next frame. So exactly this notice (a message without an error object) is stopped here
 * and counted in `window.resizeObserverLoops`; every other error, including a thrown Error with the same text, still
 * reaches mocha.
 */
const resizeObserverLoopGuard = `(() => {
  const benign = new Set(['ResizeObserver loop completed with undelivered notifications.', 'ResizeObserver loop limit exceeded']);
  window.resizeObserverLoops = 0;
  window.addEventListener('error', (event) => {
    if (event.error != null || !benign.has(event.message)) return;
    window.resizeObserverLoops++;
    event.stopImmediatePropagation();
    event.preventDefault();
  }, true);
})();`;

/** The system Chromium; `context` options such as a time zone for the device. */
const chromium = (context = {}) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs, headless: true },
    createBrowserContext: ({ browser }) => browser.newContext(context),
  });

/** Widget tests in the system Chromium. */
export default {
  files: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
  // `source`: workspace packages are tested from their TypeScript sources, not from a dist/ build (package.json exports).
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [chromium()],
  // The organization's calendar once more on a device far from Vienna: its zone must count for nothing (DESIGN §6a).
  groups: [{ name: 'far-time-zone', files: ['packages/statement/test/org-day.test.ts'], browsers: [chromium({ timezoneId: 'Pacific/Auckland' })] }],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script>${resizeObserverLoopGuard}</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 180000,
};
