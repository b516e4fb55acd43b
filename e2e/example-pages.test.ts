// End to end: the example homepages of both organizations (ImmoPro `/`, Krüger `/krueger.html`) against the real
// server in the system Chromium, at 360 and 1,280 px, signed out and signed in:
// - axe on the whole page (it descends into the widgets' open shadow roots) finds no serious or critical violation,
//   and text on a gradient, which axe can only report as "incomplete", has enough contrast against every colour stop;
// - the widgets are laid out as an agency would copy them: one gap between all stacked widgets, login and profile
//   equally wide, nothing wider than the window, the tables at most as wide as the page's content.
// With HP_SCREENSHOTS=<folder> it also saves full-page screenshots as example-<org>-<width>-<state>.png there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { demoLogin, startServer, type DemoLogin, type RunningServer } from './server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = process.env.HP_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  if (screenshots) mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


const examples = [
  { org: 'immopro', path: '/', login: demoLogin('katharina.huber@example.com') },
  { org: 'krueger', path: '/krueger.html', login: demoLogin('thomas.becker@example.net') },
];
const widths = [360, 1280];
/** The widest the tables may grow on a wide screen: the wider of the two pages' content columns. */
const maxTableWidth = 1200;

type State = 'signed-out' | 'signed-in';

/** Waits until every widget shown has rendered its content: no spinner, and when signed in the lists have rows. */
async function settled(page: Page, state: State): Promise<void> {
  const sessionState = state === 'signed-in' ? 'authenticated' : 'anonymous';
  await page.locator(`hp-session[state="${sessionState}"]`).waitFor({ state: 'attached' });
  if (state === 'signed-in') {
    await page.locator('hp-login').getByRole('button', { name: /^(Abmelden|Sign out)$/ }).waitFor();
    await page.locator('hp-profile [part="edit"]').waitFor();
    await page.locator('hp-unit-list [data-unit]').first().waitFor();
    await page.locator('hp-statement [data-total] [data-gross]').first().waitFor();
  } else {
    await page.locator('hp-login input[name="username"]').waitFor();
  }
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll<HTMLElement>('hp-login, hp-profile, hp-bulletin-board, hp-unit-list, hp-statement')];
    const shown = widgets.filter((w) => w.checkVisibility());
    const spinning = (root: ParentNode): boolean =>
      !!root.querySelector('.hp-loading') ||
      [...root.querySelectorAll('*')].some((el) => el.shadowRoot && spinning(el.shadowRoot));
    return shown.every((w) => w.shadowRoot && !spinning(w.shadowRoot) && !spinning(w));
  });
  await page.evaluate(() => document.fonts.ready);
}

async function signIn(page: Page, user: DemoLogin): Promise<void> {
  await page.locator('hp-login input[name="username"]').fill(user.username);
  await page.locator('hp-login input[name="password"]').fill(user.password);
  await page.locator('hp-login button[type="submit"]').click();
  await settled(page, 'signed-in');
}

interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe on the whole document; serious and critical violations, and text on gradients without enough contrast. */
async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Target = (string | string[])[];
    interface AxeNode {
      target: Target;
      failureSummary?: string;
      any: { data?: { messageKey?: string; expectedContrastRatio?: string } | null }[];
    }
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    const name = (target: Target) => target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
    const findings = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => `${name(n.target)}: ${n.failureSummary ?? ''}`),
      }));

    // axe leaves text on a gradient "incomplete". Check it against every colour stop of the gradient below it, with
    // the translucent backgrounds between them and the text's opacity.
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string): [number, number, number, number] => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = '#000';
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], below: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + below[i]! * (1 - top[3]!)).concat(1);
    const luminance = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const resolve = (target: Target): Element | null => {
      const last = target[target.length - 1]!;
      let root: Document | ShadowRoot = document;
      let found: Element | null = null;
      for (const selector of Array.isArray(last) ? last : [last]) {
        found = root.querySelector(selector);
        if (!found) return null;
        if (found.shadowRoot) root = found.shadowRoot;
      }
      return found;
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    for (const result of results.incomplete.filter((r) => r.id === 'color-contrast')) {
      for (const node of result.nodes) {
        const data = node.any.find((a) => a.data?.messageKey === 'bgGradient')?.data;
        const el = data && resolve(node.target);
        if (!data || !el) continue;
        const needed = parseFloat(data.expectedContrastRatio ?? '4.5');
        const layers: number[][] = [];
        let opacity = 1;
        let gradient: string | undefined;
        for (let at: Element | null = el; at && !gradient; at = parentOf(at)) {
          const style = getComputedStyle(at);
          opacity *= parseFloat(style.opacity);
          if (style.backgroundImage.includes('gradient(')) gradient = style.backgroundImage;
          else layers.unshift(rgba(style.backgroundColor));
        }
        if (!gradient) continue;
        const stops = (gradient.match(/(?:rgba?|hsla?|color|oklch|oklab|lab|lch)\([^()]*\)|#[0-9a-f]{3,8}\b/gi) ?? []).map(rgba);
        const fg = rgba(getComputedStyle(el).color);
        fg[3] *= opacity;
        for (const stop of stops) {
          const bg = layers.reduce((below, layer) => over(layer, below), over(stop, [255, 255, 255, 1]));
          const contrast = ratio(over(fg, bg), bg);
          if (contrast < needed) {
            findings.push({
              rule: 'color-contrast (on a gradient)',
              impact: 'serious',
              help: `text needs ${needed}:1 against every colour of the gradient below it`,
              nodes: [`${name(node.target)}: ${contrast.toFixed(2)}:1 on rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`],
            });
            break;
          }
        }
      }
    }
    return findings;
  });
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.impact} ${f.rule} (${f.help})\n  ${f.nodes.join('\n  ')}`).join('\n');
}

interface Layout {
  viewport: number;
  pageWidth: number;
  widths: Record<string, number>;
  gaps: { between: string; gap: number }[];
}

/**
 * Where the widgets sit. The gap between two widgets stacked one below the other is measured between their frames:
 * the widget's own card (its part "base" with a border or shadow), else the nearest box around it with a background
 * of its own. Two widgets in one frame are measured host to host.
 */
async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const frame = (widget: HTMLElement): Element => {
      const base = widget.shadowRoot?.querySelector('[part~="base"]');
      if (base) {
        const style = getComputedStyle(base);
        if (style.boxShadow !== 'none' || parseFloat(style.borderTopWidth) > 0) return base;
      }
      for (let at = widget.parentElement; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (!transparent(style.backgroundColor) || style.backgroundImage !== 'none') return at;
      }
      return document.body;
    };
    const widgets = [...document.querySelectorAll<HTMLElement>('hp-login, hp-profile, hp-bulletin-board, hp-unit-list, hp-statement')].filter((w) => w.checkVisibility());
    const gaps: Layout['gaps'] = [];
    for (let i = 1; i < widgets.length; i++) {
      const [a, b] = [widgets[i - 1]!, widgets[i]!];
      const [frameA, frameB] = [frame(a), frame(b)];
      const same = frameA === frameB;
      const boxA = (same ? a : frameA).getBoundingClientRect();
      const boxB = (same ? b : frameB).getBoundingClientRect();
      const stacked = boxB.top >= boxA.bottom - 1 && boxB.left < boxA.right && boxA.left < boxB.right;
      if (stacked) gaps.push({ between: `${a.localName} → ${b.localName}`, gap: Math.round(boxB.top - boxA.bottom) });
    }
    return {
      viewport: window.innerWidth,
      pageWidth: document.documentElement.scrollWidth,
      widths: Object.fromEntries(widgets.map((w) => [w.localName, Math.round(w.getBoundingClientRect().width)])),
      gaps,
    };
  });
}

function checkLayout(found: Layout, state: State): void {
  const shown = JSON.stringify(found);
  assert.ok(found.pageWidth <= found.viewport, `the page is wider than the window: ${shown}`);
  if (state === 'signed-out') {
    assert.ok('hp-login' in found.widths, `the login is shown: ${shown}`);
    return;
  }
  assert.deepEqual(Object.keys(found.widths), ['hp-login', 'hp-profile', 'hp-bulletin-board', 'hp-unit-list', 'hp-statement'], `widgets shown ${state}`);
  assert.equal(found.widths['hp-login'], found.widths['hp-profile'], `login and profile are not equally wide: ${shown}`);
  for (const table of ['hp-unit-list', 'hp-statement']) {
    assert.ok(found.widths[table]! <= maxTableWidth, `${table} is wider than ${maxTableWidth} px: ${shown}`);
  }
  assert.equal(found.gaps.length, 4, `the widgets are stacked one below the other: ${shown}`);
  const sizes = new Set(found.gaps.map((g) => g.gap));
  assert.equal(sizes.size, 1, `one gap between all widgets: ${shown}`);
  assert.ok(found.gaps[0]!.gap >= 16, `the gap between widgets is at least 16 px: ${shown}`);
}

async function screenshot(page: Page, org: string, width: number, state: State): Promise<void> {
  if (!screenshots) return;
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.screenshot({ path: join(screenshots, `example-${org}-${width}-${state}.png`), fullPage: true });
}

for (const example of examples) {
  test(`the ${example.org} example page (${example.path})`, async (t) => {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-AT' });
      // tsx compiles this file keeping function names, i.e. wrapping named functions in __name(); the functions handed
      // to page.evaluate run in the page, which needs that helper too.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      await page.goto(`${server.url}${example.path}`);

      for (const state of ['signed-out', 'signed-in'] as const) {
        if (state === 'signed-in') await signIn(page, example.login);
        else await settled(page, state);

        await t.test(`${width} px, ${state}: no serious or critical accessibility violation`, async () => {
          const findings = await audit(page);
          assert.equal(findings.length, 0, `axe on ${example.path} at ${width} px, ${state}:\n${report(findings)}`);
        });

        await t.test(`${width} px, ${state}: one gap between the widgets, login and profile equally wide`, async (st) => {
          const found = await layout(page);
          st.diagnostic(JSON.stringify(found));
          checkLayout(found, state);
        });

        await screenshot(page, example.org, width, state);
      }

      if (width === widths.at(-1)) {
        await t.test('on a wide screen the tables stay at most as wide as the page content', async () => {
          await page.setViewportSize({ width: 1920, height: 900 });
          await page.waitForFunction(() => window.innerWidth === 1920);
          const found = await layout(page);
          for (const table of ['hp-unit-list', 'hp-statement']) {
            assert.ok(found.widths[table]! <= maxTableWidth, `${table} at 1,920 px: ${JSON.stringify(found.widths)}`);
          }
        });
      }

      assert.deepEqual(pageErrors, [], 'uncaught errors on the page');
      await context.close();
    }
  });
}
