import { Router } from 'express';
import type { AdminContract, AdminPersonPage } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { after, limitParam, rangeProblem, sendPrivateJson } from '../http/params.ts';
import { requireManager } from './guard.ts';

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  sort_name: string;
}

interface ContractRow {
  person_id: string;
  unit_id: string;
  property_id: string;
  top: string;
  edv_no: string;
  property_name: string;
  street: string;
  postal_code: string;
  city: string;
  role: 'tenant' | 'owner';
  valid_from: string;
  valid_to: string | null;
}

/**
 * Academic titles left out when persons are sorted, so "Dr. Elisabeth Wagner" is listed under E: a title counts at the
 * start of the name, as written (case too) and followed by a blank, up to three in a row ("Prof. DI Dr. …").
 */
export const academicTitles = ['Dr.', 'Dr.in', 'Mag.', 'Mag.a', 'Ing.', 'DI', 'Dipl.-Ing.', 'Prof.'];
const titlesLeftOut = 3;

/** SQL (SQLite and PostgreSQL) for `column` without one leading academic title and the blanks after it. */
const withoutTitle = (column: string): string =>
  `case ${academicTitles.map((t) => `when substr(${column}, 1, ${t.length + 1}) = '${t} ' then ltrim(substr(${column}, ${t.length + 2}))`).join(' ')} else ${column} end`;

/** `q` as a LIKE pattern matching it anywhere, its wildcards taken literally (escape character `\`). */
const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * GET /admin/persons: the organization's persons by name without leading academic titles (then id), optionally those
 * whose name or email contains `q` (any case), each with all contracts (ended and future ones too) and whether an
 * active portal user is linked.
 */
export function personsAdminRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/persons', requireManager(ctx), async (req, res) => {
    const auth = authOf(res);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const q = typeof req.query.q === 'string' ? req.query.q : undefined;
    if (q?.includes('\u0000')) throw rangeProblem('q', 'The search text must not contain NUL characters.');
    let persons = ctx.read('persons as p').where('p.organization_id', auth.org.id).select('p.id', 'p.name', 'p.email', ctx.read.raw(`${withoutTitle('p.name')} as sort_name`));
    if (q !== undefined) {
      const pattern = containsPattern(q);
      persons.where((w) => w.whereRaw("lower(p.name) like ? escape '\\'", [pattern]).orWhereRaw("lower(coalesce(p.email, '')) like ? escape '\\'", [pattern]));
    }
    // Each level leaves out one more title (a derived table each: nesting the expression would repeat it per title).
    for (let level = 1; level < titlesLeftOut; level++)
      persons = ctx.read.from(persons.as(`t${level}`)).select('id', 'name', 'email', ctx.read.raw(`${withoutTitle(`t${level}.sort_name`)} as sort_name`));
    const query = ctx.read.from(persons.as('s')).orderBy('s.sort_name').orderBy('s.id').limit(limit + 1).select('s.id', 's.name', 's.email', 's.sort_name');
    if (cursor) after(query, ['s.sort_name', 's.id'], cursor);
    const rows = (await query) as PersonRow[];
    const page = rows.slice(0, limit);
    const ids = page.map((p) => p.id);
    const [contracts, logins] = await Promise.all([
      ids.length === 0
        ? []
        : (ctx.read('contracts as c')
            .join('units as u', 'u.id', 'c.unit_id')
            .join('properties as pr', 'pr.id', 'u.property_id')
            .where('pr.organization_id', auth.org.id)
            .whereIn('c.person_id', ids)
            .orderBy('c.valid_from')
            .orderBy('c.id')
            .select('c.person_id', 'c.unit_id', 'u.property_id', 'u.top', 'u.edv_no', 'pr.name as property_name', 'pr.street', 'pr.postal_code', 'pr.city', 'c.role', 'c.valid_from', 'c.valid_to') as Promise<ContractRow[]>),
      ids.length === 0
        ? []
        : (ctx.read('memberships as m')
            .join('users as us', 'us.id', 'm.user_id')
            .where('m.organization_id', auth.org.id)
            .whereIn('m.person_id', ids)
            .where('us.status', 'active')
            .select('m.person_id') as Promise<{ person_id: string }[]>),
    ]);
    const withLogin = new Set(logins.map((l) => l.person_id));
    const contractsOf = new Map<string, AdminContract[]>(ids.map((id) => [id, []]));
    for (const c of contracts)
      contractsOf.get(c.person_id)!.push({
        unitId: c.unit_id, propertyId: c.property_id, propertyName: c.property_name, top: c.top, edvNo: c.edv_no, address: `${c.street}, ${c.postal_code} ${c.city}`,
        role: c.role, validFrom: c.valid_from, validTo: c.valid_to,
      });
    const body: AdminPersonPage = {
      items: page.map((p) => ({ id: p.id, name: p.name, email: p.email, hasLogin: withLogin.has(p.id), contracts: contractsOf.get(p.id)! })),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.sort_name, page.at(-1)!.id]) : null,
    };
    sendPrivateJson(res, body);
  });

  return router;
}
