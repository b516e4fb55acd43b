import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from './helpers.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { jobDeps, mailsTo, member, releaseTo } from './notifications-fixture.ts';
import { createPoller } from '../src/notifications/jobs.ts';
import { startJobPoller } from '../src/notifications/poller.ts';
import { digestKey } from '../src/notifications/digest.ts';
import { loadConfig, parseJobPollMs } from '../src/config.ts';

// The job poller of one process: passes never overlap, stop() waits for the pass under way, 0 turns it off, its timer
// does not keep the process alive, and in a running process it sends immediate mails and queues the digests.

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('job poller', () => {
  test('HP_JOB_POLL_MS: default 5000, 0 turns it off, nonsense is refused', () => {
    assert.equal(loadConfig({}).jobPollMs, 5000);
    assert.equal(parseJobPollMs('0'), 0);
    assert.equal(parseJobPollMs(' 250 '), 250);
    for (const bad of ['-1', '1.5', 'fast', '3600001']) assert.throws(() => parseJobPollMs(bad), /HP_JOB_POLL_MS/);
  });

  test('passes never overlap; stop() waits for the one under way and ends polling', async () => {
    let active = 0;
    let most = 0;
    let passes = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const poller = createPoller(1, async () => {
      passes++;
      active++;
      most = Math.max(most, active);
      await gate;
      active--;
    });
    const first = poller.poke();
    const second = poller.poke();
    await turns(20);
    assert.equal(passes, 1, 'a poke while a pass runs joins it');
    open();
    await Promise.all([first, second]);
    while (passes < 5) await turns(1);
    await poller.stop();
    assert.equal(active, 0);
    assert.equal(most, 1);
    const stoppedAt = passes;
    await poller.poke();
    await turns(50);
    assert.equal(passes, stoppedAt, 'no pass after stop()');
  });

  test('0 never polls', async () => {
    let passes = 0;
    const poller = createPoller(0, async () => void passes++);
    await poller.poke();
    await turns(20);
    assert.equal(passes, 0);
    await poller.stop();
  });

  test('a running poller does not keep the process alive', () => {
    const jobs = fileURLToPath(new URL('../src/notifications/jobs.ts', import.meta.url));
    const script = `import { createPoller } from ${JSON.stringify(jobs)}; createPoller(10, async () => {}); console.log('started');`;
    // Returns only because the process ends by itself.
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(out.trim(), 'started');
  });

  describe('in a running process', () => {
    let s: TestServer;
    before(async () => {
      s = await startServer();
    });
    after(() => s.close());

    test('startJobPoller sends immediate mails on its own and queues the digests ahead', async () => {
      const w = await DocumentWorld.create(s, 'poller');
      const ida = await member(w, 'Ida');
      await w.category('bk', 'BK-Abrechnung');
      await w.document('bk', { category: 'bk', title: 'Abrechnung 2025', date: '2026-03-01' });
      const deps = jobDeps(s.db, s.clock.now);
      const poller = startJobPoller({ ...deps, config: { ...s.config, jobPollMs: 2 } }, () => {});
      try {
        assert.equal(await releaseTo(w, s.clock.now, 'bk', 'bk', ['Ida'], 'immediate'), 1);
        while ((await mailsTo(s.db, ida)).length === 0) await poller.poke();
        assert.match((await mailsTo(s.db, ida))[0]!.subject, /Abrechnung 2025/);
        const today = s.clock.now().toLocaleDateString('sv', { timeZone: 'Europe/Vienna' });
        assert.ok(await s.db('jobs').where({ key: digestKey(w.orgId, today) }).first(), 'today\'s digest queued');
      } finally {
        await poller.stop();
      }
    });
  });
});
