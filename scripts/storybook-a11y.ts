// Every story of the built Storybook (storybook-static/, `npm run build-storybook`) in the system Chromium, with the
// accessibility addon's own check: the addon runs axe after each story has rendered and played, and reports to the
// story's `storyFinished` event; with `parameters.a11y.test: 'error'` (.storybook/preview.ts) a violation makes the
// story's status `error`. Prints each failing story with its violations and ends with `N passed, N failed`.
//
//   npm run build-storybook && node --import tsx scripts/storybook-a11y.ts [part of a story id]
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';

const dir = resolve(import.meta.dirname, '..', 'storybook-static');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
/** Stories checked at once, each in its own page. */
const PARALLEL = 6;
/** How long one story may take to render, play and be checked. */
const STORY_MS = 60_000;

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}
interface Finished {
  status: 'success' | 'error';
  reporters: Array<{ type: string; status: string; result?: { violations?: Violation[]; error?: unknown } }>;
}

/** Serves storybook-static/ on a free port of 127.0.0.1. */
async function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Keeps the story's `storyFinished` event (the preview's channel is set once, on the global slot). */
const listen = `
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => { channel = value; value.on('storyFinished', (event) => (window.__hpFinished = event)); },
  });`;

/** The story's result, or why there is none; undefined when it passed. */
async function check(context: BrowserContext, base: string, id: string): Promise<string | undefined> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await page.waitForFunction('window.__hpFinished', undefined, { timeout: STORY_MS });
    const finished = (await page.evaluate('window.__hpFinished')) as Finished;
    const a11y = finished.reporters.find((r) => r.type === 'a11y');
    if (finished.status === 'success' && a11y?.status === 'passed') return undefined;
    if (!a11y) return `status ${finished.status}, no accessibility report`;
    if (a11y.result?.error) return `the check failed: ${JSON.stringify(a11y.result.error).slice(0, 300)}`;
    const violations = a11y.result?.violations ?? [];
    if (!violations.length) return `status ${finished.status} (the story itself failed)`;
    return violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n      ')}\n      ${v.nodes[0]?.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`)
      .join('\n    ');
  } catch (error) {
    return `no result: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await page.close();
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(dir, 'index.json'))) throw new Error('storybook-static/ is missing: run npm run build-storybook first');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const filter = process.argv[2] ?? '';
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && entry.id.includes(filter))
    .map((entry) => entry.id);
  const { server, base } = await serve();
  const browser = await launchChromium();
  const context = await browser.newContext();
  await context.addInitScript({ content: listen });
  let failed = 0;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const problem = await check(context, base, id);
      if (problem) {
        failed++;
        console.log(`✗ ${id}\n    ${problem}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${ids.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
