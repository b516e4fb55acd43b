import { Router } from 'express';
import type { AdminSettings, AdminSettingsPatch } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authOf } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { lineProblem } from '../http/upload.ts';
import { validationProblem } from '../http/problems.ts';

/** The settings; `lock` (inside a write's transaction) holds the row until it commits, so the audit's "from" is true. */
async function settingsOf(db: Db, organizationId: string, timeZone: string, lock = false): Promise<AdminSettings> {
  const q = db('organizations').where({ id: organizationId });
  if (lock) q.forUpdate();
  const row = (await q.first('digest_hour', 'emergency_numbers')) as { digest_hour: number; emergency_numbers: string };
  return { digestHour: Number(row.digest_hour), timeZone, emergencyNumbers: JSON.parse(row.emergency_numbers) as AdminSettings['emergencyNumbers'] };
}

/**
 * GET and PATCH /admin/settings: the organization's settings a manager may change (the digest hour, the emergency
 * numbers forms show for "Notfall"). The write goes to
 * `organizations`, so the organization cache is cleared by it (cache.ts `watchWrites`).
 */
export function settingsAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/settings', manager, async (_req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, await settingsOf(ctx.read, auth.org.id, auth.org.timeZone));
  });

  router.patch('/settings', manager, async (req, res) => {
    const auth = authOf(res);
    const patch = req.body as AdminSettingsPatch;
    const badLabel = (patch.emergencyNumbers ?? []).flatMap((n, i) => (['de', 'en'] as const).map((lang) => [`/emergencyNumbers/${i}/label/${lang}`, lineProblem(n.label[lang], 'The label')] as const)).find(([, problem]) => problem);
    if (badLabel) throw validationProblem(badLabel[1]!, [{ field: badLabel[0], keyword: 'line', message: badLabel[1]! }]);
    const body = await ctx.db.transaction(async (trx) => {
      const before = await settingsOf(trx, auth.org.id, auth.org.timeZone, true);
      const detail: Record<string, { from: unknown; to: unknown }> = {};
      const update: Record<string, unknown> = {};
      if (patch.digestHour !== undefined && patch.digestHour !== before.digestHour) {
        update.digest_hour = patch.digestHour;
        detail.digestHour = { from: before.digestHour, to: patch.digestHour };
      }
      if (patch.emergencyNumbers !== undefined && JSON.stringify(patch.emergencyNumbers) !== JSON.stringify(before.emergencyNumbers)) {
        update.emergency_numbers = JSON.stringify(patch.emergencyNumbers);
        detail.emergencyNumbers = { from: before.emergencyNumbers, to: patch.emergencyNumbers };
      }
      if (Object.keys(update).length > 0) {
        await trx('organizations').where({ id: auth.org.id }).update(update);
        await audit(trx, ctx, { req, auth, action: 'settings.updated', entityType: 'organization', entityId: auth.org.id, detail });
      }
      return { ...before, ...patch };
    });
    sendPrivateJson(res, body);
  });

  return router;
}
