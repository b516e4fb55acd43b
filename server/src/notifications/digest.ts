import type { Db } from '../db.ts';
import { readerOf } from '../db.ts';
import { dayIn, wallClock } from '../calendar.ts';
import { storedTimeZone } from '../organizations.ts';
import { enqueue, type Job, type JobDeps } from './jobs.ts';
import { mailNotifications, pendingDigestRows } from './notices.ts';

// The daily digest: one job per organization and day, due at the organization's `digest_hour` in its time zone
// (DESIGN §6a), queued ahead by the pollers under the key `digest:<organization id>:<YYYY-MM-DD>` so that it exists
// once however many processes poll. When it runs, every person with unmailed digest notifications gets one mail
// with all of them; persons with nothing get none.

/** Job kind of the daily digest. */
export const digestJobKind = 'digest';

export const digestKey = (organizationId: string, day: string): string => `digest:${organizationId}:${day}`;

/** How far the wall clock of `timeZone` is ahead of UTC at `instant` (ms). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of `timeZone` shows `hour`:00 on `day` (YYYY-MM-DD). On the night a
 * daylight-saving change skips that hour it is the hour after; when the hour occurs twice, the first.
 */
export function instantAt(day: string, hour: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  // The offsets in force a day before and after bracket any change on the day itself.
  const candidates = [wall - zoneOffsetMs(wall - 86_400_000, timeZone), wall - zoneOffsetMs(wall + 86_400_000, timeZone), wall - zoneOffsetMs(wall, timeZone)];
  const shows = (t: number) => t + zoneOffsetMs(t, timeZone);
  const exact = candidates.filter((t) => shows(t) === wall);
  return new Date(Math.min(...(exact.length > 0 ? exact : candidates.filter((t) => shows(t) > wall))));
}

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Queues each organization's digest jobs for its today and tomorrow (at its digest hour, its time zone). A job that
 * exists is left as it is, except that a changed hour moves a job not yet run. `ensured` remembers what this
 * process has queued (key → run_at), so that a poll writes nothing when nothing changed.
 */
export async function scheduleDigests(deps: Pick<JobDeps, 'db' | 'clock'>, ensured: Map<string, string> = new Map()): Promise<number> {
  const now = deps.clock();
  const orgs: { id: string; slug: string; time_zone: string; digest_hour: number | string }[] = await readerOf(deps.db)('organizations').select('id', 'slug', 'time_zone', 'digest_hour');
  if (ensured.size > 10_000) ensured.clear();
  let queued = 0;
  for (const org of orgs) {
    const zone = storedTimeZone(org.slug, org.time_zone);
    const today = dayIn(now, zone);
    for (const day of [today, nextDay(today)]) {
      const key = digestKey(org.id, day);
      const runAt = instantAt(day, Number(org.digest_hour), zone).toISOString();
      if (ensured.get(key) === runAt) continue;
      const added = await enqueue(deps.db, deps.clock, { kind: digestJobKind, key, organizationId: org.id, payload: { day }, runAt });
      if (added) queued++;
      else await deps.db('jobs').where({ key, attempts: 0 }).whereNull('done_at').whereNot('run_at', runAt).update({ run_at: runAt });
      ensured.set(key, runAt);
    }
  }
  return queued;
}

/** Job kind `digest`: one mail per person with unmailed digest notifications of the organization. */
export async function digestJob(trx: Db, job: Job, deps: JobDeps): Promise<string[]> {
  return mailNotifications(trx, deps, job.organizationId!, await pendingDigestRows(trx, job.organizationId!), 'digest');
}
