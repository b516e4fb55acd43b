import { Router } from 'express';
import type { AdminForm, FormDefinition } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authOf } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { newId } from '../ids.ts';
import { sendPrivateJson } from '../http/params.ts';
import { validationProblem, type ContractViolation } from '../http/problems.ts';
import { activeToday } from '../forms/catalog.ts';
import { definitionProblems } from '../forms/definition.ts';
import { currentForms, type FormVersion } from '../forms/versions.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';

const adminForm = (v: FormVersion, day: string): AdminForm => ({
  ...v.definition, id: v.id, version: v.version, createdAt: v.createdAt, active: activeToday(v.definition, day),
});

/** The definition with the schema's defaults written out (offer, sort, each field's `required`), as it is stored. */
export const withDefaults = (d: FormDefinition): FormDefinition => ({
  ...d,
  offer: d.offer ?? 'always',
  sort: d.sort ?? 0,
  fields: d.fields.map((f) => ({ ...f, required: f.required ?? false })),
});

/** JSON with object keys sorted, so that two definitions compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every rule the listed definitions break, with pointers into the request body (`/items/<i>/…`). */
function itemProblems(items: FormDefinition[]): ContractViolation[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, i) => {
    const problems = definitionProblems(item).map((p) => ({ field: `/items/${i}${p.field}`, keyword: 'definition', message: p.message }));
    if (seen.has(item.key)) problems.unshift({ field: `/items/${i}/key`, keyword: 'definition', message: `The form "${item.key}" is listed twice.` });
    seen.set(item.key, i);
    return problems;
  });
}

/** The current versions of the organization's forms, by key. */
const currentByKey = async (db: Db, organizationId: string): Promise<Map<string, FormVersion>> =>
  new Map((await currentForms(db, organizationId)).map((v) => [v.key, v]));

/**
 * GET /admin/forms: the current version of every form, active today or not. PUT /admin/forms: each listed definition
 * (checked beyond its schema, forms/definition.ts; 400 with `/items/<i>/…` pointers) becomes the form's next version
 * when it differs from the current one (key order aside); an unchanged one stays. One transaction; each new version
 * is in the audit log (`form.version_created`). Tickets keep the version they were sent with.
 */
export function formAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/forms', manager, async (_req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    sendPrivateJson(res, { items: (await currentForms(ctx.read, auth.org.id)).map((v) => adminForm(v, day)) });
  });

  router.put('/forms', manager, async (req, res) => {
    const auth = authOf(res);
    const items = (req.body as { items: FormDefinition[] }).items.map(withDefaults);
    const problems = itemProblems(items);
    if (problems.length) throw validationProblem(`${problems.length} rule(s) of the form definitions broken: ${problems[0]!.message}`, problems);
    const keys = await ctx.db.transaction(async (trx) => {
      // One writer of an organization's forms at a time, so that version numbers do not collide.
      await trx('organizations').where({ id: auth.org.id }).forUpdate().first('id');
      const current = await currentByKey(trx, auth.org.id);
      const now = ctx.clock().toISOString();
      for (const definition of items) {
        const before = current.get(definition.key);
        if (before && stableJson(withDefaults(before.definition)) === stableJson(definition)) continue;
        const id = newId();
        const version = (before?.version ?? 0) + 1;
        await trx('forms').insert({
          id, organization_id: auth.org.id, key: definition.key, version, definition: JSON.stringify(definition), sort: definition.sort,
          created_by: auth.user.id, created_at: now,
        });
        await audit(trx, ctx, { req, auth, action: 'form.version_created', entityType: 'form', entityId: id, detail: { key: definition.key, version } });
      }
      return items.map((d) => d.key);
    });
    const day = today(ctx.clock, auth.org.timeZone);
    const current = await currentByKey(ctx.db, auth.org.id);
    sendPrivateJson(res, { items: keys.map((k) => adminForm(current.get(k)!, day)) });
  });

  return router;
}
