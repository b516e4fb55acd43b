import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

/** Reads a setting; when missing, stores `create()` — the first instance to write wins, the others read it. */
export async function getOrCreateSetting(db: Db, key: string, create: () => string): Promise<string> {
  const row = await db('settings').where({ key }).first();
  if (row) return row.value as string;
  await db('settings').insert({ key, value: create() }).onConflict('key').ignore();
  const stored = await db('settings').where({ key }).first();
  return stored.value as string;
}

export const jwtSecretFromDb = (db: Db): Promise<string> => getOrCreateSetting(db, 'jwt_secret', () => randomBytes(48).toString('base64url'));
