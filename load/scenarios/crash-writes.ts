// kill -9 of the server in the middle of a stream of acknowledged writes: profile edits (PATCH /api/me with a
// number that grows with every request) and refresh rotations (one transaction that marks the cookie used and
// inserts its successor). After a restart on the same file every acknowledged write is there (the last acknowledged
// value, or a later one that was sent but not answered), no rotation is half-written and nothing points nowhere.
import type { Client } from '../clients.ts';
import { brokenInvariants, tokenRow, withDb } from '../invariants.ts';
import { withSetup, type ScenarioResult } from '../scenario.ts';
import { startLoadServer, until } from '../server.ts';

export interface CrashWritesOptions {
  /** Clients editing their profile, and as many rotating their refresh cookie. */
  writers: number;
  /** Acknowledged profile edits and rotations (each) before the kill. */
  acknowledgedBeforeKill: number;
  workers: number;
}

/** A phone number that carries the client and the edit's sequence number. */
const phone = (client: Client, seq: number) => `+43 1 ${client.tenant.index} ${seq}`;
const seqOf = (value: string | null): number => Number(/ (\d+)$/.exec(value ?? '')?.[1] ?? -1);

interface Writer {
  client: Client;
  sent: number;
  acknowledged: number;
}

interface Rotator {
  client: Client;
  rotations: number;
  /** The cookie of the refresh that got no answer (the held one), if any. */
  cut: string | null;
}

export function crashWrites(options: CrashWritesOptions): Promise<ScenarioResult> {
  return withSetup('crash', options.writers * 2, options.workers, 4, async (setup, failures) => {
    const { clients, recorder, db } = setup;
    const writers: Writer[] = clients.slice(0, options.writers).map((client) => ({ client, sent: 0, acknowledged: 0 }));
    const rotators: Rotator[] = clients.slice(options.writers).map((client) => ({ client, rotations: 0, cut: null }));

    // Each client stops at its first answer other than 200: no answer once the server is killed, anything else is
    // a failure (the recorder keeps it).
    let stopped = 0;
    const writing = writers.map(async (w) => {
      for (;;) {
        const seq = ++w.sent;
        const answer = await w.client.setPhone(phone(w.client, seq));
        if (answer.status !== 200) return stopped++;
        w.acknowledged = seq;
      }
    });
    const rotating = rotators.map(async (r) => {
      for (;;) {
        const held = r.client.cookie;
        const answer = await r.client.refresh();
        if (answer.status !== 200) {
          if (answer.status === 0) r.cut = held;
          return stopped++;
        }
        r.rotations++;
      }
    });

    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const enough = () => sum(writers.map((w) => w.acknowledged)) >= options.acknowledgedBeforeKill && sum(rotators.map((r) => r.rotations)) >= options.acknowledgedBeforeKill;
    await until(`${options.acknowledgedBeforeKill} acknowledged edits and rotations`, () => enough() || stopped > 0);
    if (stopped > 0) {
      failures.push('a client stopped before the kill: its write was not acknowledged');
      return [];
    }
    recorder.serverDown = true;
    await setup.server.kill9();
    await Promise.all([...writing, ...rotating]);
    const edits = sum(writers.map((w) => w.acknowledged));
    const rotations = sum(rotators.map((r) => r.rotations));

    setup.server = await startLoadServer(db.file, setup.port, options.workers);
    recorder.serverDown = false;

    // The database after the restart: whole, every acknowledged edit and rotation in it.
    let unansweredEditsStored = 0;
    let unansweredRotationsStored = 0;
    await withDb(db.file, async (conn) => {
      failures.push(...(await brokenInvariants(conn)));
      for (const w of writers) {
        const row = (await conn('users').where({ username: w.client.tenant.username }).first('phone')) as { phone: string | null };
        const stored = seqOf(row.phone);
        if (stored < w.acknowledged || stored > w.sent)
          failures.push(`${w.client.name}: phone edit ${w.acknowledged} was acknowledged (${w.sent} sent), the database holds ${JSON.stringify(row.phone)}`);
        if (stored > w.acknowledged) unansweredEditsStored++;
      }
      for (const r of rotators) {
        const { row, successorHash } = await tokenRow(conn, r.client.cookie);
        if (!row || row.revoked_at) failures.push(`${r.client.name}: the refresh token of its last acknowledged rotation is ${row ? 'revoked' : 'missing'}`);
        if (row?.used_at) {
          unansweredRotationsStored++;
          if (!successorHash) failures.push(`${r.client.name}: its refresh token is marked used but has no successor`);
        }
        if (r.cut !== null && r.cut !== r.client.cookie) failures.push(`${r.client.name}: a cut refresh changed the held cookie`);
      }
    });

    // After the restart the server answers with what it stored, and every session still works.
    for (const w of writers) {
      const me = await w.client.get('GET /me', '/api/me');
      const stored = seqOf((me.body as { phone?: string | null } | null)?.phone ?? null);
      if (me.status !== 200 || stored < w.acknowledged || stored > w.sent) failures.push(`${w.client.name}: GET /api/me after the restart → ${me.status}, phone ${JSON.stringify((me.body as { phone?: unknown })?.phone)} (acknowledged ${w.acknowledged}, sent ${w.sent})`);
    }
    for (const r of rotators) {
      const held = r.client.cookie;
      const answer = await r.client.refresh();
      const units = await r.client.get('GET /units', '/api/units');
      if (answer.status !== 200 || units.status !== 200) failures.push(`${r.client.name}: refresh after the restart → ${answer.status}, GET /api/units → ${units.status}`);
      else if (held === r.client.cookie) failures.push(`${r.client.name}: the refresh after the restart kept the old cookie`);
    }

    const report = [
      `${writers.length} clients editing, ${rotators.length} rotating, HP_WORKERS=${options.workers}; kill -9 after ${edits} acknowledged edits and ${rotations} acknowledged rotations`,
      `cut by the kill: ${writers.filter((w) => w.sent > w.acknowledged).length} edits (${unansweredEditsStored} of them stored), ${rotators.filter((r) => r.cut).length} rotations (${unansweredRotationsStored} of them stored)`,
    ];
    return report;
  });
}
