// `npm test`: every check of the repository, in order, stopping at the first failure.
// Ends with one summary line `N passed, N failed` (tests counted where the runner reports them,
// otherwise one per stage).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, FORCE_COLOR: '0', NO_COLOR: '1' };
const minutes = (n) => n * 60_000;

/** Test files below `dir` whose name ends with `suffix`. */
function findFiles(dir, suffix) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

function widgetTestFiles() {
  const packages = join(root, 'packages');
  return readdirSync(packages).flatMap((name) => findFiles(join(packages, name, 'test'), '.test.ts'));
}

/** Counts from node:test (spec or TAP reporter). */
function nodeTestCounts(text) {
  const pass = [...text.matchAll(/^(?:#|ℹ) pass (\d+)$/gm)].map((m) => Number(m[1]));
  const fail = [...text.matchAll(/^(?:#|ℹ) fail (\d+)$/gm)].map((m) => Number(m[1]));
  if (!pass.length || !fail.length) return undefined;
  return { passed: pass.reduce((a, b) => a + b, 0), failed: fail.reduce((a, b) => a + b, 0) };
}

/**
 * Counts from web-test-runner's progress bars ("Chromium: |███| 25/25 test files | 222 passed, 0 failed"): one bar per
 * group (e.g. the far-time-zone group), printed together as the last block, so the bars of that block are added up.
 */
function wtrCounts(text) {
  const bar = /\d+\/\d+ test files \| (\d+) passed, (\d+) failed/;
  const lines = text.split(/\r?\n/);
  let end = lines.length - 1;
  while (end >= 0 && !bar.test(lines[end])) end--;
  if (end < 0) {
    const all = [...text.matchAll(/(\d+) passed, (\d+) failed/g)];
    const last = all.at(-1);
    return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
  }
  let passed = 0;
  let failed = 0;
  for (let i = end; i >= 0 && bar.test(lines[i]); i--) {
    const [, p, f] = bar.exec(lines[i]);
    passed += Number(p);
    failed += Number(f);
  }
  return { passed, failed };
}

const stages = [
  { name: 'Chromium', cmd: ['node', 'scripts/ensure-chromium.mjs'], timeout: minutes(8) },
  { name: 'API types fresh', cmd: ['npm', 'run', 'check', '-w', '@hausportal/api'], timeout: minutes(2) },
  { name: 'Typecheck', cmd: ['npm', 'run', 'typecheck'], timeout: minutes(4) },
  { name: 'Server suite', cmd: ['npm', 'run', 'test:server'], timeout: minutes(15), counts: nodeTestCounts },
  {
    name: 'Widget tests (web-test-runner, Chromium)',
    cmd: ['web-test-runner'],
    timeout: minutes(12),
    counts: wtrCounts,
    skip: () => (widgetTestFiles().length ? undefined : 'no widget test files yet'),
  },
  { name: 'Build packages, bundle and server', cmd: ['npm', 'run', 'build'], timeout: minutes(8) },
  {
    name: 'End-to-end (example homepage, real server, Chromium)',
    cmd: () => ['node', '--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', ...e2eFiles()],
    timeout: minutes(15),
    counts: nodeTestCounts,
    skip: () => (e2eFiles().length ? undefined : 'no e2e test files'),
  },
];

function e2eFiles() {
  return findFiles(join(root, 'e2e'), '.test.ts').map((path) => relative(root, path));
}

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {}
    }
    process.exit(130);
  });
}

/** Runs one command, echoing its output, and resolves with its exit code and the text it wrote. */
function run(cmd, timeout) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    let text = '';
    let timedOut = false;
    const onData = (stream) => (chunk) => {
      text += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeout);
    child.on('error', (error) => {
      text += String(error);
      process.stderr.write(`${error}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: timedOut ? 124 : (code ?? 1), text, timedOut });
    });
  });
}

const line = '─'.repeat(72);
let passed = 0;
let failed = 0;
const report = [];
const started = Date.now();

for (const [index, stage] of stages.entries()) {
  const header = `[${index + 1}/${stages.length}] ${stage.name}`;
  const reason = stage.skip?.();
  if (reason) {
    console.log(`\n${line}\n${header} — skipped: ${reason}\n${line}`);
    report.push(`  skipped  ${stage.name} (${reason})`);
    continue;
  }
  const cmd = typeof stage.cmd === 'function' ? stage.cmd() : stage.cmd;
  console.log(`\n${line}\n${header}\n$ ${cmd.join(' ')}\n${line}`);
  const t0 = Date.now();
  const { code, text, timedOut } = await run(cmd, stage.timeout);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const counts = stage.counts?.(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const ok = code === 0 && (!counts || counts.failed === 0);
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok && counts && counts.failed === 0) failed += 1; // the runner failed without a failing test
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed` : ok ? 'ok' : `exit code ${code}`;
  const status = ok ? 'ok      ' : 'FAILED  ';
  report.push(`  ${status} ${stage.name} — ${timedOut ? 'timed out, ' : ''}${detail} (${seconds}s)`);
  if (!ok) {
    const rest = stages.slice(index + 1).map((s) => `  not run  ${s.name}`);
    report.push(...rest);
    break;
  }
}

console.log(`\n${line}\nSummary (${((Date.now() - started) / 1000).toFixed(0)}s)`);
console.log(report.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
