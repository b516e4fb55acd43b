import type { Knex } from 'knex';
import type { Db } from '../db.ts';
import { groupReached, type ReachedPerson, type ReachRow } from './releases.ts';

// Who sees a notice of the bulletin board (DESIGN §6a). A notice names properties and a role (tenant | owner | both,
// or none: only the chosen persons) plus chosen persons. It reaches
// - the chosen persons of the organization, whatever their contracts, and
// - every person with a contract on a unit of a named property, in the named role, that has begun and not ended
//   today (periods.ts: `hasStarted`, `covers(period, today)`),
// resolved on every read: whoever moves in sees the notices still running, whoever moved out no longer sees them.
// A resident sees a notice only while it is published and `today` lies in its display window (`visible_from` …
// `visible_until`, both inclusive days of the organization's calendar). Notifying freezes the audience of that moment
// (posts/sends.ts stores one notification per person reached then).

/** Who a notice is for, as stored. */
export interface PostAudience {
  role: 'tenant' | 'owner' | 'both' | 'none';
  propertyIds: string[];
  personIds: string[];
}

/** The contracts of `q` (joined as `c`, units as `u`) that reach through the notice `p` (joined as `p`) today. */
const contractsFitting = (q: Knex.QueryBuilder, today: string): Knex.QueryBuilder =>
  q
    .where('c.valid_from', '<=', today)
    .where((end) => end.whereNull('c.valid_to').orWhere('c.valid_to', '>=', today))
    .where((role) => role.where('p.audience_role', 'both').orWhereRaw('c.role = p.audience_role'));

/**
 * The ids of the notices of `organizationId` that reach `personId` today (audience only, whatever their status or
 * display window), as a subquery with one column `post_id` (duplicates possible). Null person: nothing.
 */
export function postsReaching(db: Db, organizationId: string, personId: string | null, today: string): Knex.QueryBuilder {
  if (personId === null) return db('posts as p').whereRaw('1 = 0').select('p.id as post_id');
  const named = db('post_persons as pp')
    .join('posts as p', 'p.id', 'pp.post_id')
    .where('pp.person_id', personId)
    .where('p.organization_id', organizationId)
    .select('p.id as post_id');
  const throughContracts = contractsFitting(
    db('contracts as c')
      .join('units as u', 'u.id', 'c.unit_id')
      .join('post_properties as pr', 'pr.property_id', 'u.property_id')
      .join('posts as p', 'p.id', 'pr.post_id')
      .where('c.person_id', personId)
      .where('p.organization_id', organizationId)
      .whereNot('p.audience_role', 'none'),
    today,
  ).select('p.id as post_id');
  return named.unionAll([throughContracts]);
}

/**
 * Narrows `q` (posts joined as `p`) to the notices a resident may see today: published and inside their display
 * window. Combine with {@link postsReaching} for the audience.
 */
export function whereShownOn(q: Knex.QueryBuilder, today: string): Knex.QueryBuilder {
  return q
    .where('p.status', 'published')
    .where('p.visible_from', '<=', today)
    .where((end) => end.whereNull('p.visible_until').orWhere('p.visible_until', '>=', today));
}

/**
 * The notices of `organizationId` that `personId` may see today: audience, status and display window, as a subquery
 * of distinct `post_id`s. Every resident endpoint of the board starts from it; another person's notice, a draft, an
 * unpublished one or one outside its window is simply not in it (404).
 */
export function visiblePostIds(db: Db, organizationId: string, personId: string | null, today: string): Knex.QueryBuilder {
  return whereShownOn(db('posts as p').whereIn('p.id', postsReaching(db, organizationId, personId, today)), today)
    .where('p.organization_id', organizationId)
    .select('p.id as post_id');
}

/**
 * The persons of `organizationId` a notice with this audience reaches today, sorted by name: the preview before
 * publishing, the recipients frozen when notifying, the manager's statistics. The same rule as
 * {@link postsReaching}, from the notice's side. Ids of other organizations reach nobody. `units` are the Top numbers
 * through which a person is reached (empty for a chosen person without a fitting contract).
 */
export async function postAudiencePersons(db: Db, organizationId: string, audience: PostAudience, today: string): Promise<ReachedPerson[]> {
  const rows: ReachRow[] = [];
  if (audience.personIds.length > 0) {
    rows.push(...(await db('persons as p').where('p.organization_id', organizationId).whereIn('p.id', audience.personIds).select('p.id', 'p.name', db.raw('NULL as top'), db.raw('NULL as unit_id'))));
  }
  if (audience.role !== 'none' && audience.propertyIds.length > 0) {
    const q = db('contracts as c')
      .join('units as u', 'u.id', 'c.unit_id')
      .join('properties as pr', 'pr.id', 'u.property_id')
      .join('persons as p', 'p.id', 'c.person_id')
      .where('pr.organization_id', organizationId)
      .whereIn('u.property_id', audience.propertyIds)
      .where('c.valid_from', '<=', today)
      .where((end) => end.whereNull('c.valid_to').orWhere('c.valid_to', '>=', today))
      .select('p.id', 'p.name', 'u.top', 'u.id as unit_id');
    if (audience.role !== 'both') q.where('c.role', audience.role);
    rows.push(...(await q));
  }
  return groupReached(db, rows);
}

/** The stored audience of a notice. */
export async function postAudience(db: Db, postId: string): Promise<PostAudience> {
  const [post, properties, persons] = await Promise.all([
    db('posts').where({ id: postId }).first('audience_role'),
    db('post_properties').where({ post_id: postId }).orderBy('property_id').pluck('property_id'),
    db('post_persons').where({ post_id: postId }).orderBy('person_id').pluck('person_id'),
  ]);
  return { role: (post?.audience_role ?? 'none') as PostAudience['role'], propertyIds: properties as string[], personIds: persons as string[] };
}
