// Checks on the database file after a crash: SQLite's own integrity and foreign keys, and that every refresh-token
// rotation is whole (a token marked used has exactly one successor in its family, every successor has its used
// parent, a family has at most one live token).
import { openDb, type Db } from '../server/src/db.ts';
import { sha256 } from '../server/src/ids.ts';

/** Runs `check` on a connection to `file` and closes it again. */
export async function withDb<T>(file: string, check: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(file);
  try {
    return await check(db);
  } finally {
    await db.destroy();
  }
}

/** What is broken, one line each; empty when the database is whole. */
export async function brokenInvariants(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const integrity = (await db.raw('PRAGMA integrity_check')) as { integrity_check: string }[];
  if (integrity.map((r) => r.integrity_check).join() !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  const foreign = (await db.raw('PRAGMA foreign_key_check')) as unknown[];
  if (foreign.length > 0) problems.push(`${foreign.length} rows point to rows that do not exist (foreign_key_check), e.g. ${JSON.stringify(foreign.slice(0, 3))}`);

  const usedWithoutOneSuccessor = await db('sessions as p')
    .whereNotNull('p.used_at')
    .whereRaw('(select count(*) from sessions c where c.parent_id = p.id and c.family_id = p.family_id) <> 1')
    .select('p.id', 'p.family_id');
  if (usedWithoutOneSuccessor.length > 0)
    problems.push(`${usedWithoutOneSuccessor.length} refresh tokens marked used have not exactly one successor in their family: ${JSON.stringify(usedWithoutOneSuccessor.slice(0, 3))}`);

  const successorsWithoutUsedParent = await db('sessions as c')
    .whereNotNull('c.parent_id')
    .whereNotExists(db('sessions as p').whereRaw('p.id = c.parent_id and p.family_id = c.family_id and p.used_at is not null').select(db.raw('1')))
    .select('c.id', 'c.parent_id');
  if (successorsWithoutUsedParent.length > 0)
    problems.push(`${successorsWithoutUsedParent.length} refresh tokens have no used parent in their family: ${JSON.stringify(successorsWithoutUsedParent.slice(0, 3))}`);

  const familiesWithTwoLive = await db('sessions').whereNull('used_at').whereNull('revoked_at').groupBy('family_id').havingRaw('count(*) > 1').select('family_id');
  if (familiesWithTwoLive.length > 0) problems.push(`${familiesWithTwoLive.length} session families have more than one live refresh token`);
  return problems;
}

export interface TokenRow {
  id: string;
  family_id: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** The sessions row of a refresh token, and its successor when it has been used. */
export async function tokenRow(db: Db, token: string): Promise<{ row: TokenRow | undefined; successorHash: string | undefined }> {
  const row = (await db('sessions').where({ token_hash: sha256(token) }).first('id', 'family_id', 'used_at', 'revoked_at')) as TokenRow | undefined;
  const successor = row?.used_at ? ((await db('sessions').where({ parent_id: row.id }).first('token_hash')) as { token_hash: string } | undefined) : undefined;
  return { row, successorHash: successor?.token_hash };
}
