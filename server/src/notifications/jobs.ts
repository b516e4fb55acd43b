import type { Db } from '../db.ts';
import { readerOf } from '../db.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { Mailer } from './mail.ts';

// Scheduled work in the `jobs` table (migration 008), shared by every server process on the database.
//
// Exactly once across processes: a job runs inside one transaction that first claims it with
//   update jobs set done_at = now where id = ? and done_at is null
// and goes on only when that changed one row. The job's database work (outbox rows, notifications marked mailed)
// commits together with the claim, or rolls back with it. On PostgreSQL a second process's claim waits for the
// first transaction's row lock and then finds done_at set; on SQLite the transactions are serialized (BEGIN
// IMMEDIATE, db.ts). Mail leaves through SMTP only after the commit, from the outbox rows the job wrote.
//
// A failed job is rolled back, its `attempts` counted, `last_error` kept and `run_at` moved back by
// {@link retryDelaySeconds}; after {@link maxJobAttempts} failed attempts it is given up: `done_at` set with
// `attempts` = maxJobAttempts (a job that succeeded has fewer).

/** Ids per statement for `where in` lists (well below SQLite's and PostgreSQL's limits on bound values). */
export const chunkSize = 500;

export function chunks<T>(items: readonly T[], size = chunkSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A job as stored. `payload` is the parsed JSON. */
export interface Job {
  id: string;
  key: string | null;
  kind: string;
  organizationId: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  attempts: number;
}

/** What a job may use besides its transaction. */
export interface JobDeps {
  /** The database (on SQLite the writer connection); jobs run in transactions on it. */
  db: Db;
  clock: Clock;
  /** Mails the jobs queued are delivered through it after the commit. */
  mailer: Mailer;
  /** Where failures are reported; default console.warn. */
  log?: (message: string) => void;
}

/**
 * Does the job's database work inside `trx` (the claim's transaction) and returns the ids of the outbox rows it
 * wrote, delivered after the commit. Throwing rolls everything back and schedules a retry.
 */
export type JobHandler = (trx: Db, job: Job, deps: JobDeps) => Promise<string[]>;

/** Job handlers by `kind`. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Failed attempts after which a job is given up. */
export const maxJobAttempts = 8;

/** Seconds until the next try after `attempts` failed ones: 30 s, 1, 2, 4 … minutes, at most an hour. */
export const retryDelaySeconds = (attempts: number): number => Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);

/** A job to queue. */
export interface NewJob {
  kind: string;
  /** Queues the job only once: a second job with the same key is not queued (the first may be done already). */
  key?: string | null;
  organizationId?: string | null;
  payload?: Record<string, unknown>;
  /** When it is due (ISO 8601); default now. */
  runAt?: string;
}

/**
 * Queues a job in `trx` (a transaction or the database): it becomes visible to the pollers with the commit.
 * Returns true when it was queued, false when a job with the same `key` exists (insert … on conflict do nothing, on
 * SQLite and PostgreSQL alike).
 */
export async function enqueue(trx: Db, clock: Clock, job: NewJob): Promise<boolean> {
  const now = clock();
  const id = newId(now.getTime());
  const row = {
    id,
    key: job.key ?? null,
    kind: job.kind,
    organization_id: job.organizationId ?? null,
    payload: JSON.stringify(job.payload ?? {}),
    run_at: job.runAt ?? now.toISOString(),
    attempts: 0,
    created_at: now.toISOString(),
  };
  if (job.key == null) {
    await trx('jobs').insert(row);
    return true;
  }
  await trx('jobs').insert(row).onConflict('key').ignore();
  const stored: { id: string } | undefined = await trx('jobs').where({ key: job.key }).first('id');
  return stored?.id === id;
}

type JobRow = { id: string; key: string | null; kind: string; organization_id: string | null; payload: string; run_at: string; attempts: number | string };

const toJob = (row: JobRow): Job => ({
  id: row.id,
  key: row.key,
  kind: row.kind,
  organizationId: row.organization_id,
  payload: JSON.parse(row.payload || '{}') as Record<string, unknown>,
  runAt: row.run_at,
  attempts: Number(row.attempts),
});

/** How running one job ended. */
export type JobOutcome = 'done' | 'taken' | 'failed' | 'given-up';

/**
 * Runs one job if this process can claim it: 'done' after its commit (and the delivery of its mails), 'taken' when
 * another process had it, 'failed' when it threw (rolled back, retried later), 'given-up' after the last attempt.
 */
export async function runJob(deps: JobDeps, job: Job, handlers: JobHandlers): Promise<JobOutcome> {
  const { db, clock } = deps;
  let mails: string[] | null;
  try {
    mails = await db.transaction(async (trx) => {
      const claimed = await trx('jobs').where({ id: job.id }).whereNull('done_at').update({ done_at: clock().toISOString() });
      if (claimed !== 1) return null;
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      return handler(trx, job, deps);
    });
  } catch (err) {
    return recordFailure(deps, job, err);
  }
  if (mails === null) return 'taken';
  if (mails.length > 0) await deps.mailer.deliver(mails);
  return 'done';
}

async function recordFailure(deps: JobDeps, job: Job, err: unknown): Promise<JobOutcome> {
  const attempts = job.attempts + 1;
  const now = deps.clock();
  const message = String((err as Error)?.stack ?? err).slice(0, 2000);
  const givenUp = attempts >= maxJobAttempts;
  const update: Record<string, unknown> = { attempts, last_error: message, run_at: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000).toISOString() };
  if (givenUp) update.done_at = now.toISOString();
  // Only while nobody else has done it meanwhile (another process may have claimed it after our rollback).
  const changed = await deps.db('jobs').where({ id: job.id, attempts: job.attempts }).whereNull('done_at').update(update);
  (deps.log ?? console.warn)(`job ${job.kind} ${job.id} failed (attempt ${attempts}${givenUp ? ', given up' : ''}): ${(err as Error)?.message ?? err}`);
  if (changed !== 1) return 'taken';
  return givenUp ? 'given-up' : 'failed';
}

/** Due jobs (not done, `run_at` reached), oldest first, at most `limit`. */
export async function dueJobs(db: Db, now: Date, limit = 50): Promise<Job[]> {
  const rows: JobRow[] = await readerOf(db)('jobs')
    .whereNull('done_at')
    .where('run_at', '<=', now.toISOString())
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit)
    .select('id', 'key', 'kind', 'organization_id', 'payload', 'run_at', 'attempts');
  return rows.map(toJob);
}

/** Counts of one pass over the due jobs. */
export interface JobRun {
  done: number;
  taken: number;
  failed: number;
}

/**
 * Runs the jobs due now, batch after batch, until none is left that this pass has not tried (a failed job is due
 * again only after its delay) or `shouldStop()` says so.
 */
export async function runDueJobs(deps: JobDeps, handlers: JobHandlers, shouldStop: () => boolean = () => false): Promise<JobRun> {
  const run: JobRun = { done: 0, taken: 0, failed: 0 };
  const tried = new Set<string>();
  while (!shouldStop()) {
    const jobs = (await dueJobs(deps.db, deps.clock())).filter((j) => !tried.has(j.id));
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (shouldStop()) break;
      tried.add(job.id);
      const outcome = await runJob(deps, job, handlers);
      if (outcome === 'done') run.done++;
      else if (outcome === 'taken') run.taken++;
      else run.failed++;
    }
  }
  return run;
}

/** A running poller. */
export interface JobPoller {
  /** Runs one pass now (or waits for the running one), e.g. after queuing a job that should go out at once. */
  poke(): Promise<void>;
  /** Stops polling; resolves once the pass under way (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Calls `pass` every `intervalMs` (after the previous pass ended, so passes never overlap in this process); the timer
 * does not keep the process alive. `intervalMs` 0 never calls it.
 */
export function createPoller(intervalMs: number, pass: (shouldStop: () => boolean) => Promise<void>, log: (message: string) => void = console.warn): JobPoller {
  let stopped = intervalMs <= 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };
  const tick = (): Promise<void> => {
    if (running) return running;
    if (timer) clearTimeout(timer);
    timer = null;
    running = pass(() => stopped)
      .catch((err: unknown) => log(`job poller: ${(err as Error)?.message ?? err}`))
      .finally(() => {
        running = null;
        schedule();
      });
    return running;
  };
  schedule();
  return {
    poke: () => (stopped ? Promise.resolve() : tick()),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
