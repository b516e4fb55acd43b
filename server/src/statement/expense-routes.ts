import { Router } from 'express';
import type { ExpenseAccountList, ExpenseEntryPage } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { accountsWithTotals, entryPage, ownedAccount, ownedAccounts, ownedReceipt } from './expenses.ts';
import { today } from '../calendar.ts';
import { idParam, limitParam, sendPrivateJson, yearParam } from '../http/params.ts';
import { loadProperties } from '../units/properties.ts';
import { downloadHeaders } from '../http/download.ts';

const downloadable = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** GET /expense-accounts, /expense-accounts/{id}/entries and /receipts/{id}: owners' insight into the costs. */
export function expenseRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/expense-accounts', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const year = yearParam(req, day);
    const { propertyIds, accounts } = await ownedAccounts(ctx.read, auth, idParam(req, 'property'), year, day);
    const roles = new Map(propertyIds.map((id) => [id, new Set(['owner' as const])]));
    const [list, properties] = await Promise.all([accountsWithTotals(ctx.read, accounts, year), loadProperties(ctx, req, auth, roles)]);
    const body: ExpenseAccountList = { year, accounts: list, properties };
    sendPrivateJson(res, body);
  });

  router.get('/expense-accounts/:id/entries', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const year = yearParam(req, day);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const account = await ownedAccount(ctx.read, auth, req.params.id as string, year, day);
    const [[summary], page] = await Promise.all([
      accountsWithTotals(ctx.read, [account], year),
      entryPage(ctx.read, account.id, year, limit, cursor),
    ]);
    const body: ExpenseEntryPage = {
      account: summary!,
      items: page.items,
      nextCursor: page.more && page.last ? encodeCursor([page.last.booked_on, page.last.id]) : null,
    };
    sendPrivateJson(res, body);
  });

  router.get('/receipts/:id', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const file = await ownedReceipt(ctx.read, auth, req.params.id as string, today(ctx.clock, auth.org.timeZone));
    const bytes = Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes);
    downloadHeaders(res, { type: downloadable.has(file.mime) ? file.mime : 'application/octet-stream', name: file.original_name, length: bytes.length });
    res.end(bytes);
  });

  return router;
}
