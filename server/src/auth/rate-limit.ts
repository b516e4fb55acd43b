import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** Failed logins: 5 per account and 20 per client address in 15 minutes. */
/** `account` is the user id, or the typed name when no such user exists. */
export const loginLimits = (account: string, ip: string): Limit[] => [
  { key: `account:${account.trim().toLowerCase()}`, max: 5, windowSeconds: 15 * 60 },
  { key: `ip:${ip}`, max: 20, windowSeconds: 15 * 60 },
];

/** Reset requests: 10 per client address in 15 minutes. */
export const resetLimits = (ip: string): Limit[] => [{ key: `reset-ip:${ip}`, max: 10, windowSeconds: 15 * 60 }];

/**
 * Returns the seconds to wait when any limit is exhausted, else 0. The counters are rows in the database,
 * so every server instance sees the same numbers.
 */
export async function retryAfter(ctx: Ctx, limits: Limit[]): Promise<number> {
  const now = ctx.clock().getTime();
  let wait = 0;
  for (const limit of limits) {
    const since = new Date(now - limit.windowSeconds * 1000).toISOString();
    const rows = await ctx.db('login_attempts').where('key', limit.key).andWhere('created_at', '>', since).orderBy('created_at', 'desc').limit(limit.max).select('created_at');
    if (rows.length < limit.max) continue;
    const oldest = Date.parse(rows[rows.length - 1].created_at);
    wait = Math.max(wait, Math.ceil((oldest + limit.windowSeconds * 1000 - now) / 1000));
  }
  return Math.max(wait, 0);
}

/** An attempt counted before its slow check; `release()` takes it back when the check passes. */
export interface ClaimedAttempt {
  /** Seconds to wait when a limit was already exhausted (then nothing stays counted), else 0. */
  wait: number;
  release(): Promise<void>;
}

/**
 * Counts an attempt against every limit BEFORE the password is checked, then looks at the counters: requests sent at
 * the same moment each see the others' rows, so no more than `max` of them get through a window, on SQLite and
 * PostgreSQL alike (OWASP Authentication Cheat Sheet, "Account lockout"; a check-then-record limiter lets a burst of
 * parallel guesses pass). A refused attempt takes its rows back at once, so waiting is not prolonged by retries; a
 * passed one keeps them until `release()` (a right password) or the window ends (a wrong one).
 */
export async function claimAttempt(ctx: Ctx, limits: Limit[]): Promise<ClaimedAttempt> {
  const now = ctx.clock();
  const rows = limits.map((l) => ({ id: newId(now.getTime()), key: l.key, created_at: now.toISOString() }));
  await ctx.db('login_attempts').insert(rows);
  const ids = rows.map((r) => r.id);
  const release = async () => {
    await ctx.db('login_attempts').whereIn('id', ids).delete();
  };
  const wait = await retryAfter(ctx, limits.map((l) => ({ ...l, max: l.max + 1 })));
  if (wait > 0) await release();
  // Old rows are useless; drop them now and then instead of running a separate job.
  if (Math.random() < 0.02) await ctx.db('login_attempts').where('created_at', '<', new Date(now.getTime() - 24 * 3600 * 1000).toISOString()).delete();
  return { wait, release };
}

export async function clearAttempts(ctx: Ctx, key: string): Promise<void> {
  await ctx.db('login_attempts').where({ key }).delete();
}
