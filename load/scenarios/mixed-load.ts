// 200 signed-in tenants at once for 60 seconds against the compiled server with two workers, each a distinct user
// who reads (units, ledger, open items, documents, tickets, notices) and writes (profile edits, refreshes that rotate its cookie) without pause.
// Passes with no failed request and no answer ≥ 500; latencies are printed, never asserted.
import type { Client } from '../clients.ts';
import { summary } from '../clients.ts';
import { withSetup, type ScenarioResult } from '../scenario.ts';

export interface MixedLoadOptions {
  clients: number;
  /** How many of them sign in with their password; the others come back with their prepared session's cookie. */
  logins: number;
  seconds: number;
  workers: number;
}

const kinds = ['GET /units', 'GET /ledger', 'GET /open-items', 'GET /documents', 'GET /tickets', 'GET /posts', 'PATCH /me', 'POST /auth/refresh'];

/** What a client does next, drawn by weight: mostly reads, about one request in five a write. */
const steps: [weight: number, step: (client: Client, year: number, n: number) => Promise<unknown>][] = [
  [30, (c) => c.get('GET /units', '/api/units')],
  [25, (c, year) => c.get('GET /ledger', `/api/ledger?unit=${c.tenant.unitId}&year=${year}`)],
  [25, (c) => c.get('GET /open-items', `/api/open-items?unit=${c.tenant.unitId}`)],
  [15, (c) => c.get('GET /documents', '/api/documents')],
  [10, (c) => c.get('GET /tickets', '/api/tickets')],
  [10, (c) => c.get('GET /posts', '/api/posts')],
  [12, (c, _year, n) => c.setPhone(`+43 1 ${c.tenant.index} ${n}`)],
  [8, (c) => c.refresh()],
];
const totalWeight = steps.reduce((sum, [w]) => sum + w, 0);

function pick(): (typeof steps)[number][1] {
  let r = Math.random() * totalWeight;
  for (const [weight, step] of steps) {
    if ((r -= weight) < 0) return step;
  }
  return steps[0]![1];
}

export function mixedLoad(options: MixedLoadOptions): Promise<ScenarioResult> {
  return withSetup('mixed', options.clients, options.workers, options.logins, async (setup, failures) => {
    const { clients, recorder, db } = setup;
    const before = recorder.samples.length;
    const end = Date.now() + options.seconds * 1000;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let n = 1; Date.now() < end; n++) await pick()(client, db.year, n);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const samples = recorder.samples.slice(before);
    const server5xx = samples.filter((s) => s.status >= 500).length;

    const report = [
      `${clients.length} clients (distinct users), HP_WORKERS=${options.workers} (${setup.server.processes()} server processes), ${seconds.toFixed(1)} s, signed in first (${options.logins} with their password, ${clients.length - options.logins} with a session cookie: ${setup.signInSeconds.toFixed(0)} s)`,
      ...summary(samples, kinds),
      `throughput ${(samples.length / seconds).toFixed(0)} requests/s`,
    ];
    if (server5xx > 0) failures.push(`${server5xx} answers ≥ 500`);
    return report;
  });
}
