import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { openItems } from './open-items.ts';
import { idParam, periodRange, sendPrivateJson, yearParam } from '../http/params.ts';
import { overlapsYear, periodOfContract } from '../access/periods.ts';
import { contractsOnUnit, myContracts, type ContractRow } from '../access/contracts.ts';
import { chargeStatement, ledgerOf } from './account.ts';

/** Of my contracts on a unit, the latest one that overlaps the year (else the preferred one). */
function contractForYear(contracts: ContractRow[], year: number): ContractRow {
  const overlapping = contracts
    .filter((c) => overlapsYear(periodOfContract(c), year))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from));
  return overlapping[0] ?? contracts[0]!;
}

/** GET /charges, /ledger and /open-items: the tenant's and owner's statement of account. */
export function statementRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/charges', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const { from, to } = periodRange(req, day);
    const contracts = await myContracts(ctx, auth, idParam(req, 'unit'), day);
    sendPrivateJson(res, await chargeStatement(ctx.read, contracts, from, to));
  });

  router.get('/ledger', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const year = yearParam(req, day);
    const contracts = await contractsOnUnit(ctx, auth, idParam(req, 'unit') ?? '', day);
    sendPrivateJson(res, await ledgerOf(ctx.read, contractForYear(contracts, year), year));
  });

  router.get('/open-items', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const contracts = await myContracts(ctx, auth, idParam(req, 'unit'), day);
    sendPrivateJson(res, await openItems(ctx.read, auth, contracts, day));
  });

  return router;
}
