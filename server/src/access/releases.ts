import type { Knex } from 'knex';
import type { Db } from '../db.ts';

// Who may see a released thing (documents now; notices later use the same rules). A release names persons, units
// or properties and is resolved against contract periods (DESIGN §6a) every time it is read, so a move-in sees
// running releases and a move-out loses them, except an `occupancy` release for the former occupant's own days.
//
// The four rules (document_releases.rule):
// - persons: the named persons, whatever their contracts.
// - occupancy: contracts on the named units that overlap `period_from…period_to` (both inclusive) and have begun.
// - unit_current: contracts on the named units that have begun and not ended (`valid_to` null or ≥ today).
// - property_role: contracts on any unit of the named properties that have begun and not ended.
// `role` (tenant | owner, null = both) narrows the contracts of every rule but `persons`.
//
// This is the SQL form of periods.ts: "begun" is periods.ts `hasStarted`, the occupancy overlap is `overlaps` on
// the contract's own period (the `contract` scope, for owners too: a letter to the occupants of 2025 is not for
// an owner who bought in 2026), "not ended" is `covers(period, today)` for a contract that has begun.

export type ReleaseRule = 'persons' | 'occupancy' | 'unit_current' | 'property_role';
export type ReleaseRole = 'tenant' | 'owner' | null;

/** A release as stored, with its targets. */
export interface ReleaseSpec {
  rule: ReleaseRule;
  role: ReleaseRole;
  /** occupancy only: first and last day, YYYY-MM-DD. */
  periodFrom: string | null;
  periodTo: string | null;
  personIds: string[];
  unitIds: string[];
  propertyIds: string[];
}

/** Ends the contract `c` must satisfy for the release `r` (joined under those names), as of `today`. */
function whereContractFits(q: Knex.QueryBuilder, today: string): Knex.QueryBuilder {
  return q
    .where((w) => w.whereNull('r.role').orWhereRaw('c.role = r.role'))
    .where((w) =>
      w
        .where((occ) =>
          occ
            .where('r.rule', 'occupancy')
            .whereRaw('c.valid_from <= r.period_to')
            .where((end) => end.whereNull('c.valid_to').orWhereRaw('c.valid_to >= r.period_from')),
        )
        .orWhere((now) =>
          now.whereIn('r.rule', ['unit_current', 'property_role']).where((end) => end.whereNull('c.valid_to').orWhere('c.valid_to', '>=', today)),
        ),
    );
}

/**
 * Every live release of the organization that reaches `personId` today, one row per way it reaches him:
 * `(release_id, document_id, released_at, unit_id, property_id)`, with `unit_id` set when it reaches him through a
 * unit, `property_id` when through a property (or the unit's property) and both null for a `persons` release.
 * Use it as a subquery. A membership without a person reaches nothing: pass null.
 */
export function releasesReaching(db: Db, organizationId: string, personId: string | null, today: string): Knex.QueryBuilder {
  if (personId === null) return db('document_releases as r').whereRaw('1 = 0').select('r.id as release_id', 'r.document_id', 'r.released_at', db.raw('NULL as unit_id'), db.raw('NULL as property_id'));
  const live = (q: Knex.QueryBuilder) => q.where('r.organization_id', organizationId).whereNull('r.revoked_at');
  // The releases of `rules` that target my begun contracts' units (`viaUnit`) or those units' properties.
  const throughContracts = (viaUnit: boolean, rules: ReleaseRule[]) =>
    whereContractFits(
      live(
        db('contracts as c')
          .join('units as u', 'u.id', 'c.unit_id')
          .join('document_release_targets as t', viaUnit ? 't.unit_id' : 't.property_id', viaUnit ? 'c.unit_id' : 'u.property_id')
          .join('document_releases as r', 'r.id', 't.release_id')
          .where('c.person_id', personId)
          .where('c.valid_from', '<=', today)
          .whereIn('r.rule', rules),
      ).select('r.id as release_id', 'r.document_id', 'r.released_at', viaUnit ? 'c.unit_id as unit_id' : db.raw('NULL as unit_id'), 'u.property_id as property_id'),
      today,
    );
  const throughUnit = throughContracts(true, ['occupancy', 'unit_current']);
  const throughProperty = throughContracts(false, ['property_role']);
  // The releases naming the person, found from the person's side (targets(person_id)) and then by id: joined the other
  // way round, a planner that sees the column mostly null may read every release of the organization instead.
  const named = live(
    db('document_releases as r').whereIn('r.id', db('document_release_targets as t').where('t.person_id', personId).select('t.release_id')).where('r.rule', 'persons'),
  ).select('r.id as release_id', 'r.document_id', 'r.released_at', db.raw('NULL as unit_id'), db.raw('NULL as property_id'));
  return named.unionAll([throughUnit, throughProperty]);
}

/** A person a release reaches, and the Top numbers through which (empty for `persons`). */
export interface ReachedPerson {
  id: string;
  name: string;
  hasLogin: boolean;
  units: string[];
  /** The ids of those units (a Top number repeats across properties), in the same order. */
  unitIds: string[];
}

/**
 * The persons of `organizationId` a release reaches today (the manager's preview, the recipients frozen for
 * notifying, receipts), sorted by name. The same rule as {@link releasesReaching}, from the release's side.
 * Ids of other organizations reach nobody.
 */
export async function personsReached(db: Db, organizationId: string, spec: ReleaseSpec, today: string): Promise<ReachedPerson[]> {
  let rows: ReachRow[];
  if (spec.rule === 'persons') {
    rows = await db('persons as p').where('p.organization_id', organizationId).whereIn('p.id', spec.personIds).select('p.id', 'p.name', db.raw('NULL as top'), db.raw('NULL as unit_id'));
  } else {
    const q = db('contracts as c')
      .join('units as u', 'u.id', 'c.unit_id')
      .join('properties as pr', 'pr.id', 'u.property_id')
      .join('persons as p', 'p.id', 'c.person_id')
      .where('pr.organization_id', organizationId)
      .where('c.valid_from', '<=', today)
      .select('p.id', 'p.name', 'u.top', 'u.id as unit_id');
    if (spec.role) q.where('c.role', spec.role);
    if (spec.rule === 'property_role') q.whereIn('u.property_id', spec.propertyIds);
    else q.whereIn('c.unit_id', spec.unitIds);
    if (spec.rule === 'occupancy') {
      q.where('c.valid_from', '<=', spec.periodTo!).where((end) => end.whereNull('c.valid_to').orWhere('c.valid_to', '>=', spec.periodFrom!));
    } else {
      q.where((end) => end.whereNull('c.valid_to').orWhere('c.valid_to', '>=', today));
    }
    rows = await q;
  }
  return groupReached(db, rows);
}

/** A person reached through one unit (or by name: `top` and `unit_id` null), as the audience queries select it. */
export interface ReachRow {
  id: string;
  name: string;
  top: string | null;
  unit_id: string | null;
}

/**
 * Folds rows of persons reached (one per unit through which, or one by name) into one {@link ReachedPerson} each, with
 * whether they have an active login, sorted by name (German collation) and id.
 */
export async function groupReached(db: Db, rows: ReachRow[]): Promise<ReachedPerson[]> {
  const ids = [...new Set(rows.map((r) => r.id))];
  const withLogin = new Set<string>(
    ids.length === 0
      ? []
      : (await db('memberships as m').join('users as us', 'us.id', 'm.user_id').whereIn('m.person_id', ids).where('us.status', 'active').select('m.person_id')).map((r: { person_id: string }) => r.person_id),
  );
  const byId = new Map<string, ReachedPerson>();
  for (const row of rows) {
    const person = byId.get(row.id) ?? { id: row.id, name: row.name, hasLogin: withLogin.has(row.id), units: [], unitIds: [] };
    if (row.unit_id !== null && !person.unitIds.includes(row.unit_id)) {
      person.unitIds.push(row.unit_id);
      person.units.push(row.top!);
    }
    byId.set(row.id, person);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
}
