import { Router } from 'express';
import type { FaqEntryInput, FaqEntryList, FaqExport, FaqImportResult } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { ChatLang } from '../chat/types.ts';
import { authOf } from '../auth/middleware.ts';
import { idParam, sendPrivateJson } from '../http/params.ts';
import { HttpProblem } from '../http/problems.ts';
import { uniqueViolation } from '../tickets/numbers.ts';
import { createFaqEntry, deleteFaqEntry, faqEntryOf, faqInputOf, faqRowOf, faqRows, importFaq, updateFaqEntry } from '../chat/faq.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';

// The manager API of the chat bot's FAQ (issue 13; the rules are the descriptions in openapi.yaml, tag admin).
// Managers of the session's organization only (guard.ts: 403 `manager_only` for anyone else); an entry id of another
// organization answers 404. Each write is one transaction with its audit row (audit.ts): faq.created, faq.updated,
// faq.deleted, faq.imported. The entries' rules and writes are in chat/faq.ts.

export const faqExportSchema = 'hausportal.faq/1';

/** Two writers adding the same key at once: the loser's unique violation is the same 409 as the check's. */
const keyRace = (err: unknown): never => {
  if (uniqueViolation(err) !== null) throw new HttpProblem(409, 'faq_key_taken', 'There is already an entry with this key in this language.', { errors: [{ field: '/key', code: 'taken', message: 'taken' }] });
  throw err;
};

/** GET, POST /admin/faq; GET /admin/faq/export; POST /admin/faq/import; GET, PUT, DELETE /admin/faq/{id}. */
export function faqAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);
  const now = () => ctx.clock().toISOString();

  router.get('/faq', manager, async (req, res) => {
    const auth = authOf(res);
    const body: FaqEntryList = { items: (await faqRows(ctx.read, auth.org.id, idParam(req, 'lang') as ChatLang | undefined)).map(faqEntryOf) };
    sendPrivateJson(res, body);
  });

  router.post('/faq', manager, async (req, res) => {
    const auth = authOf(res);
    const input = req.body as FaqEntryInput;
    const id = await ctx.db
      .transaction(async (trx) => {
        const created = await createFaqEntry(trx, auth.org.id, input, now());
        await audit(trx, ctx, { req, auth, action: 'faq.created', entityType: 'faq_entry', entityId: created, detail: { key: input.key, lang: input.lang } });
        return created;
      })
      .catch(keyRace);
    res.status(201);
    sendPrivateJson(res, faqEntryOf(await faqRowOf(ctx.db, auth.org.id, id)));
  });

  // Before /faq/:id, so that "export" and "import" are never taken for an id.
  router.get('/faq/export', manager, async (_req, res) => {
    const auth = authOf(res);
    const body: FaqExport = { schema: faqExportSchema, entries: (await faqRows(ctx.read, auth.org.id)).map((r) => faqInputOf(faqEntryOf(r))) };
    sendPrivateJson(res, body);
  });

  router.post('/faq/import', manager, async (req, res) => {
    const auth = authOf(res);
    const mode = idParam(req, 'mode') === 'replace' ? 'replace' : 'merge';
    const doc = req.body as FaqExport;
    const body: FaqImportResult = await ctx.db
      .transaction(async (trx) => {
        const result = await importFaq(trx, auth.org.id, doc.entries, mode, now());
        await audit(trx, ctx, { req, auth, action: 'faq.imported', entityType: 'organization', entityId: auth.org.id, detail: { mode, entries: doc.entries.length, ...result } });
        return result;
      })
      .catch(keyRace);
    sendPrivateJson(res, body);
  });

  router.get('/faq/:id', manager, async (req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, faqEntryOf(await faqRowOf(ctx.read, auth.org.id, req.params.id as string)));
  });

  router.put('/faq/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const id = req.params.id as string;
    const input = req.body as FaqEntryInput;
    await ctx.db
      .transaction(async (trx) => {
        const before = await updateFaqEntry(trx, auth.org.id, id, input, now());
        await audit(trx, ctx, { req, auth, action: 'faq.updated', entityType: 'faq_entry', entityId: id, detail: { key: input.key, lang: input.lang, before: { key: before.key, lang: before.lang } } });
      })
      .catch(keyRace);
    sendPrivateJson(res, faqEntryOf(await faqRowOf(ctx.db, auth.org.id, id)));
  });

  router.delete('/faq/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const id = req.params.id as string;
    await ctx.db.transaction(async (trx) => {
      const row = await deleteFaqEntry(trx, auth.org.id, id);
      await audit(trx, ctx, { req, auth, action: 'faq.deleted', entityType: 'faq_entry', entityId: id, detail: { key: row.key, lang: row.lang } });
    });
    res.status(204).end();
  });

  return router;
}
