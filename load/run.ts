// `npm run test:load`: the load and fault tests against the compiled server (DESIGN §9, issue "Server speed and
// resilience"). Builds the server, then runs, one after the other:
//   1. mixed load: 200 signed-in tenants for 60 s, reads and writes; no failed request, no answer ≥ 500;
//   2. crash during writes: kill -9 amid acknowledged profile edits and refresh rotations; all of them there after
//      the restart, nothing half-written;
//   3. restart during refresh rotations: nobody is signed out.
// Prints a short report (requests, failures, p50/p99, run time) and exits 1 when any scenario failed. Latencies are
// printed, never asserted. Settings (defaults): HP_LOAD_SECONDS (60), HP_LOAD_CLIENTS (200) and HP_LOAD_LOGINS (20,
// the clients that sign in with their password; the others come back with a prepared session's cookie) for the mixed
// load; HP_LOAD_WORKERS (2), the server's HP_WORKERS in every scenario; HP_LOAD_ONLY=mixed,crash,restart runs only
// those. Details: load/README.md.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../e2e/server.ts';
import type { ScenarioResult } from './scenario.ts';
import { mixedLoad } from './scenarios/mixed-load.ts';
import { crashWrites } from './scenarios/crash-writes.ts';
import { restartRefresh } from './scenarios/restart-refresh.ts';

const workers = Number(process.env.HP_LOAD_WORKERS ?? 2);
const scenarios: [name: string, title: string, run: () => Promise<ScenarioResult>][] = [
  ['mixed', 'Mixed load', () => mixedLoad({ clients: Number(process.env.HP_LOAD_CLIENTS ?? 200), logins: Number(process.env.HP_LOAD_LOGINS ?? 20), seconds: Number(process.env.HP_LOAD_SECONDS ?? 60), workers })],
  ['crash', 'kill -9 during acknowledged writes', () => crashWrites({ writers: 12, acknowledgedBeforeKill: 300, workers })],
  ['restart', 'Restart during refresh rotations', () => restartRefresh({ clients: 40, rotationsBeforeKill: 300, workers })],
];
const only = process.env.HP_LOAD_ONLY?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !scenarios.some(([n]) => n === name)) ?? [];
if (unknown.length > 0) {
  console.error(`test:load: HP_LOAD_ONLY names no scenario ${unknown.join(', ')} (there are ${scenarios.map(([n]) => n).join(', ')})`);
  process.exit(1);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

console.log('Building the server (npm run build -w @hausportal/server)…');
const build = spawnSync('npm', ['run', 'build', '-w', '@hausportal/server'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('test:load: the server build failed');
  process.exit(1);
}

let failed = 0;
for (const [name, title, run] of scenarios) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${title}`);
  const t0 = performance.now();
  let result: ScenarioResult;
  try {
    result = await run();
  } catch (error) {
    result = { report: [], failures: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
  }
  for (const line of result.report) console.log(`  ${line}`);
  const took = `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  if (result.failures.length === 0) {
    console.log(`  ok (${took})`);
    continue;
  }
  failed++;
  console.log(`  FAILED (${took}):`);
  for (const failure of result.failures) console.log(failure.replace(/^/gm, '    '));
}

console.log(`\ntest:load: ${failed === 0 ? 'all passed' : `${failed} failed`} in ${elapsed()}`);
process.exit(failed === 0 ? 0 : 1);
