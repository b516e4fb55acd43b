// First complete render in Chromium (DESIGN §9): <hp-unit-list> with 10,000 units, the statement's account with
// 5,000 and 10,000 postings and <hp-documents> with 10,000 documents — time from inserting the element to its rows
// laid out, and the DOM nodes it holds.
// The page runs on a fake API client (data from memory), bundled with esbuild, production Lit.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';
import type { Result } from './render-page.js';

const runs = Number(process.env.HP_BENCH_RENDER_RUNS ?? 5);
const cases: [kind: 'unitList' | 'ledger' | 'documents', n: number, label: string][] = [
  ['unitList', 10_000, '<hp-unit-list> 10,000 units'],
  ['ledger', 5_000, 'ledger 5,000 postings'],
  ['ledger', 10_000, 'ledger 10,000 postings'],
  ['documents', 10_000, '<hp-documents> 10,000 documents'],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const render: BenchModule = {
  id: 'render',
  title: `First complete render in Chromium (median of ${runs}, DESIGN §9)`,
  async run(context: BenchContext): Promise<Section> {
    await build({
      entryPoints: [join(context.root, 'bench/render-page.ts')],
      outfile: join(context.tmp, 'page.js'),
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      tsconfig: join(context.root, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      // `source`: the workspace packages (and their testing.js helpers) from their TypeScript, as everywhere in the repository.
      conditions: ['source', 'browser', 'production'],
      logLevel: 'silent',
    });
    writeFileSync(join(context.tmp, 'index.html'), '<!doctype html><html lang="de"><body></body><script src="page.js"></script></html>');
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('no Chromium found (node scripts/ensure-chromium.mjs installs it)');
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const measurements: Measurement[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(join(context.tmp, 'index.html')).href);
      for (const [kind, n, label] of cases) {
        const results: Result[] = [];
        await page.evaluate(([k, size]) => (window as any).hausportalBench[k](size), [kind, Math.min(n, 200)] as const);
        for (let i = 0; i < runs; i++) {
          results.push(await page.evaluate(([k, size]) => (window as any).hausportalBench[k](size), [kind, n] as const));
        }
        const last = results.at(-1)!;
        const ms = (pick: (r: Result) => number) => Number(median(results.map(pick)).toFixed(1));
        measurements.push({ what: `${label}: first complete render`, value: ms((r) => r.ms), unit: 'ms', extra: { 'data → rows': `${ms((r) => r.renderMs)} ms` }, budget: { limit: 100, compare: 'max', note: 'element created → rows laid out' } });
        measurements.push({ what: `${label}: DOM elements`, value: last.elements, unit: 'nodes', extra: { 'all nodes': `${last.nodes} (${last.rows} rows)` }, budget: { limit: 2000, compare: 'max' } });
      }
    } finally {
      await browser.close();
    }
    return {
      id: this.id,
      title: this.title,
      valueLabel: 'value',
      measurements,
      notes: [
        'viewport 1280×900, production Lit; "first complete render" runs from document.createElement to the first animation frame with rows laid out',
        '(the virtualizer\'s first layout), including loading every page (200 units or documents each) from the in-memory client: JSON through fetch, no network;',
        '"data → rows" starts once the data is in memory (sorting, grouping and rendering only). Median of the runs; the page is warmed up with 200 rows first.',
        'DOM elements counted into every shadow root (as Lighthouse counts DOM size); "all nodes" also counts text and Lit\'s comment markers.',
      ],
    };
  },
};
