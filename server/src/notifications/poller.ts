import type { Ctx } from '../context.ts';
import { createPoller, runDueJobs, type JobDeps, type JobHandlers, type JobPoller } from './jobs.ts';
import { digestJob, digestJobKind, scheduleDigests } from './digest.ts';
import { noticesJob } from './notices.ts';
import { noticesJobKind } from './notify.ts';
import { autoCloseJob } from '../tickets/autoclose.ts';
import { autoCloseJobKind } from '../tickets/status.ts';
import { postSendJob, postSendJobKind } from '../posts/sends.ts';
import { purgeChat } from '../chat/store.ts';

/** Every kind of job the server runs. A feature that queues jobs of a new kind adds its handler here. */
export const jobHandlers: JobHandlers = {
  [noticesJobKind]: noticesJob,
  [digestJobKind]: digestJob,
  [autoCloseJobKind]: autoCloseJob,
  [postSendJobKind]: postSendJob,
};

/** How often (clock seconds) a poller looks whether digest jobs are to be queued. */
const scheduleEverySeconds = 60;
/** How often (clock seconds) a poller removes chat conversations and unanswered questions past their time. */
const chatPurgeEverySeconds = 3600;

/**
 * Polls the `jobs` table every `config.jobPollMs` (HP_JOB_POLL_MS, default 5000; 0 = off) in this process: queues the
 * organizations' digests ahead (at most once a minute), removes chat data past its time (once an hour, chat/store.ts
 * purgeChat) and runs the due jobs. Every server process may poll; the
 * claim in jobs.ts `runJob` keeps a job from running twice. Passes never overlap; the timer does not keep the
 * process alive; `stop()` ends polling after the pass under way.
 */
export function startJobPoller(ctx: Pick<Ctx, 'db' | 'clock' | 'mailer' | 'config'>, log: (message: string) => void = console.warn): JobPoller {
  const deps: JobDeps = { db: ctx.db, clock: ctx.clock, mailer: ctx.mailer, log };
  const ensured = new Map<string, string>();
  let scheduledAt = -Infinity;
  let purgedAt = -Infinity;
  return createPoller(
    ctx.config.jobPollMs,
    async (shouldStop) => {
      const now = ctx.clock().getTime();
      if (now - scheduledAt >= scheduleEverySeconds * 1000 || now < scheduledAt) {
        await scheduleDigests(deps, ensured);
        scheduledAt = now;
      }
      if (now - purgedAt >= chatPurgeEverySeconds * 1000 || now < purgedAt) {
        await purgeChat(ctx.db, new Date(now), ctx.config.chatRetentionDays);
        purgedAt = now;
      }
      await runDueJobs(deps, jobHandlers, shouldStop);
    },
    log,
  );
}
