import { Router } from 'express';
import type { UnitDetail, UnitPage } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { decodeCursor, encodeCursor, type CursorKey } from '../http/cursor.ts';
import { today } from '../calendar.ts';
import { after, limitParam, sendPrivateJson } from '../http/params.ts';
import { loadProperties, propertiesOfContracts, rolesByProperty } from './properties.ts';
import { allMyContracts, contractsOf, contractsOnUnit, ordered, unitOrder, type ContractRow } from '../access/contracts.ts';
import type { Auth } from '../auth/middleware.ts';
import { chargeLinesOf, unitSummaries } from './summaries.ts';

const cursorTypes: ('string' | 'number')[] = ['string', 'string', 'string', 'string'];
const keyOf = (c: ContractRow) => [c.street, c.property_id, c.top, c.id];

/**
 * Up to `count` of my contracts after the cursor, in unit order: from my cached contracts (allMyContracts) when the
 * cursor's row is among them, else by a keyset query (the row went away since the page before).
 */
async function pageOfContracts(ctx: Ctx, auth: Auth, day: string, cursor: CursorKey | null, count: number): Promise<ContractRow[]> {
  const all = await allMyContracts(ctx, auth, day);
  const start = cursor ? all.findIndex((c) => c.id === cursor[3]) + 1 : 0;
  if (!cursor || start > 0) return all.slice(start, start + count);
  const q = ordered(contractsOf(ctx.read, auth, day)).limit(count);
  after(q, unitOrder, cursor);
  return (await q) as ContractRow[];
}

/** GET /units and GET /units/{id}: my units, one row per contract, with balance and this month's charges. */
export function unitRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/units', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, cursorTypes);
    const day = today(ctx.clock, auth.org.timeZone);
    const rows = await pageOfContracts(ctx, auth, day, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const [items, properties] = await Promise.all([
      unitSummaries(ctx.read, page, day),
      loadProperties(ctx, req, auth, rolesByProperty(page), propertiesOfContracts(page)),
    ]);
    const body: UnitPage = { items, properties, nextCursor: rows.length > limit ? encodeCursor(keyOf(page.at(-1)!)) : null };
    sendPrivateJson(res, body);
  });

  router.get('/units/:id', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const [contract] = await contractsOnUnit(ctx, auth, req.params.id as string, day);
    const [[summary], [property]] = await Promise.all([
      unitSummaries(ctx.read, [contract!], day),
      loadProperties(ctx, req, auth, rolesByProperty([contract!]), propertiesOfContracts([contract!])),
    ]);
    const charges = summary!.monthly ? await chargeLinesOf(ctx.read, contract!, summary!.monthly.period) : [];
    const body: UnitDetail = { ...summary!, property: property!, charges };
    sendPrivateJson(res, body);
  });

  return router;
}
