// A restart (kill -9, then the server again on the same port and file) in the middle of refresh rotations signs
// nobody out. Every client refreshes without pause. A refresh that gets no answer is sent again with the same cookie
// once the server is back: the cookie jar still holds it, so the page's next refresh sends it (packages/api gives up
// on a refresh without an answer; a reload restores the session with that cookie). A 409 is tried once more after
// its Retry-After, as packages/api/src/refresh.ts does. A refresh the server had committed before it died is answered
// with the same successor (refresh grace window, server/src/auth/sessions.ts). Afterwards every client reads
// GET /api/units with its access token.
import { brokenInvariants, tokenRow, withDb } from '../invariants.ts';
import type { Answer, Client } from '../clients.ts';
import { withSetup, type ScenarioResult } from '../scenario.ts';
import { startLoadServer, until } from '../server.ts';
import { sha256 } from '../../server/src/ids.ts';

export interface RestartRefreshOptions {
  clients: number;
  /** Acknowledged rotations before the kill. */
  rotationsBeforeKill: number;
  workers: number;
}

interface Rotating {
  client: Client;
  rotations: number;
  /** The cookie of the refresh that got no answer. */
  cut: string | null;
  /** Whether the server had stored that rotation before it died (its token is marked used). */
  committed: boolean;
  /** The hash of the stored successor of the cut cookie. */
  successorHash: string | null;
  /** The client's last refresh answer: the one sent again after the restart, or a failure before the kill. */
  last: Answer | null;
}

/** The wait a 409 asks for, capped at 5 s like packages/api/src/refresh.ts. */
const retryAfterMs = (answer: Answer): number => 1000 * Math.min(5, Math.max(0, Number(answer.retryAfter ?? 1) || 1));

export function restartRefresh(options: RestartRefreshOptions): Promise<ScenarioResult> {
  return withSetup('restart', options.clients, options.workers, 4, async (setup, failures) => {
    const { clients, recorder, db } = setup;
    const state: Rotating[] = clients.map((client) => ({ client, rotations: 0, cut: null, committed: false, successorHash: null, last: null }));
    let serverBack!: () => void;
    const back = new Promise<void>((resolve) => (serverBack = resolve));

    const rotating = state.map(async (s) => {
      for (;;) {
        const held = s.client.cookie;
        s.last = await s.client.refresh();
        if (s.last.status === 200) {
          s.rotations++;
          continue;
        }
        if (s.last.status !== 0) return;
        s.cut = held;
        await back;
        // The browser's next refresh sends the cookie it still holds; a 409 is tried once more after Retry-After.
        s.last = await s.client.refresh(held);
        if (s.last.status === 409) {
          await new Promise((resolve) => setTimeout(resolve, retryAfterMs(s.last!)));
          s.last = await s.client.refresh(held);
        }
        return;
      }
    });

    const failedEarly = () => state.some((s) => s.last !== null && s.last.status !== 200 && s.last.status !== 0);
    await until(`${options.rotationsBeforeKill} acknowledged rotations`, () => state.reduce((n, s) => n + s.rotations, 0) >= options.rotationsBeforeKill || failedEarly());
    if (failedEarly()) {
      failures.push('a refresh failed before the kill');
      return [];
    }
    recorder.serverDown = true;
    await setup.server.kill9();
    const rotations = state.reduce((n, s) => n + s.rotations, 0);
    await until('every client to see the server gone', () => state.every((s) => s.cut !== null || (s.last !== null && s.last.status !== 200)));
    setup.server = await startLoadServer(db.file, setup.port, options.workers);
    recorder.serverDown = false;
    // Which of the cut refreshes the server had stored before it died (read before any client comes back): their
    // answer was lost, so the one sent again must get the same successor.
    await withDb(db.file, async (conn) => {
      for (const s of state.filter((x) => x.cut !== null)) {
        const { row, successorHash } = await tokenRow(conn, s.cut!);
        s.committed = Boolean(row?.used_at);
        s.successorHash = successorHash ?? null;
      }
    });
    serverBack();
    await Promise.all(rotating);

    for (const s of state) {
      if (s.last?.status !== 200) failures.push(`${s.client.name}: ${s.cut ? 'the refresh sent again after the restart' : 'a refresh before the kill'} → ${s.last?.status} ${JSON.stringify(s.last?.body)}`);
      else if (s.committed && s.successorHash !== sha256(s.client.cookie)) failures.push(`${s.client.name}: its rotation was stored before the kill, but the refresh sent again got another successor`);
      const units = await s.client.get('GET /units', '/api/units');
      if (units.status !== 200) failures.push(`${s.client.name}: GET /api/units after the restart → ${units.status} ${JSON.stringify(units.body)}`);
    }
    await withDb(db.file, async (conn) => failures.push(...(await brokenInvariants(conn))));

    const cut = state.filter((s) => s.cut !== null).length;
    const committed = state.filter((s) => s.committed).length;
    const report = [
      `${state.length} clients rotating, HP_WORKERS=${options.workers}; kill -9 after ${rotations} acknowledged rotations, then a restart on the same port and file`,
      `refreshes that got no answer: ${cut}; ${committed} of them stored before it (sent again: same successor), ${cut - committed} not (sent again: rotated anew)`,
      `signed out afterwards: ${state.filter((s) => s.last?.status !== 200).length} of ${state.length}`,
    ];
    return report;
  });
}
