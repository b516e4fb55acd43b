// The page of the render benchmark: a session on a fake API (no network) and two measurements the bench calls
// through window.hausportalBench. Bundled by bench/render.ts.
import '@hausportal/core/define.js';
import '@hausportal/unit-list/define.js';
import '@hausportal/statement/define.js';
import '@hausportal/documents/define.js';
import type { HpSession } from '@hausportal/core';
import { createFakeApi, demoMe } from '@hausportal/core/testing.js';
import { generateUnits, pageOf } from '@hausportal/unit-list/testing.js';
import { generateLedger } from '@hausportal/statement/testing.js';
import { demoCategories, documentPage, generateDocuments } from '@hausportal/documents/testing.js';

export interface Result {
  /** Creating the element → its rows laid out, including loading every page from the fake client. */
  ms: number;
  /** Data in memory → rows laid out (the render alone). */
  renderMs: number;
  /** Elements, counting into every shadow root (as Lighthouse counts DOM size). */
  elements: number;
  /** Every node: elements, text and comments. */
  nodes: number;
  rows: number;
}

/** Elements and all nodes under `root`, counting into every shadow root. */
function countNodes(root: Node): { elements: number; nodes: number } {
  let elements = 0;
  let nodes = 0;
  const walk = (node: Node) => {
    nodes++;
    if (node instanceof Element) {
      elements++;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return { elements, nodes };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** Waits frame by frame until the virtualizer (or the plain list) has laid out rows; gives up after 60 frames. */
async function laidOut(el: Widget, rows: string): Promise<number> {
  for (let i = 0; i < 60; i++) {
    await el.updateComplete;
    await frame();
    const count = el.shadowRoot!.querySelectorAll(rows).length;
    if (count > 0) return count;
  }
  throw new Error(`${el.localName}: no rows (${rows}) after 60 frames`);
}

async function session(routes: Parameters<typeof createFakeApi>[0]): Promise<HpSession> {
  document.body.replaceChildren();
  const fake = createFakeApi(routes, { user: demoMe });
  const el = document.createElement('hp-session') as HpSession;
  el.client = fake.client;
  el.lang = 'de';
  document.body.append(el);
  await el.settled;
  return el;
}

/** From creating the element to its rows being laid out (data comes from memory). */
async function time<E extends Widget>(host: HpSession, create: () => E, task: (el: E) => Promise<unknown>, rows: string): Promise<Result> {
  const start = performance.now();
  const el = create();
  host.append(el);
  await el.updateComplete;
  await task(el);
  const loaded = performance.now();
  await laidOut(el, rows);
  const end = performance.now();
  await frame();
  return { ms: end - start, renderMs: end - loaded, ...countNodes(el), rows: el.shadowRoot!.querySelectorAll(rows).length };
}

const units = new Map<number, ReturnType<typeof generateUnits>>();
const documents = new Map<number, ReturnType<typeof generateDocuments>>();

Object.assign(window, {
  hausportalBench: {
    async unitList(n: number): Promise<Result> {
      if (!units.has(n)) units.set(n, generateUnits(n, { role: 'mixed' }));
      const data = units.get(n)!;
      const host = await session({ 'GET /units': ({ query }) => pageOf(data, Number(query.get('limit') ?? 100), query.get('cursor')) });
      return time(host, () => document.createElement('hp-unit-list'), (el) => el.units.taskComplete, '[data-unit]');
    },
    async ledger(n: number): Promise<Result> {
      const ledger = generateLedger(n);
      const host = await session({ 'GET /ledger': () => ledger });
      const create = () => {
        const el = document.createElement('hp-statement-ledger');
        el.unit = 'unit-generated';
        el.year = ledger.year;
        el.contract = { id: 'c', role: 'tenant', validFrom: '2020-01-01', validTo: null, paymentMethod: 'transfer', accountNo: ledger.accountNo };
        return el;
      };
      return time(host, create, (el) => el.ledger.taskComplete, '.body [role=row]');
    },
    async documents(n: number): Promise<Result> {
      if (!documents.has(n)) documents.set(n, generateDocuments(n));
      const items = documents.get(n)!;
      const host = await session({
        'GET /document-categories': () => ({ items: demoCategories }),
        'GET /documents': ({ query }) => documentPage(items, Number(query.get('limit') ?? 100), query.get('cursor')),
      });
      // Every page: the first one shows at once, the rest are appended behind it.
      const loaded = async (el: HTMLElementTagNameMap['hp-documents']) => (await el.store.loaded, await el.store.pages);
      return time(host, () => document.createElement('hp-documents'), loaded, '[data-document]');
    },
  },
});
