import { HttpProblem } from './problems.ts';

// An opaque keyset position: the sort key values of the last row of a page, as base64url JSON.

export type CursorKey = (string | number)[];

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const badCursor = () =>
  new HttpProblem(400, 'validation_failed', 'The cursor is not valid; start again without it.', {
    errors: [{ field: 'cursor', code: 'invalid', message: 'Not a cursor of this list.' }],
  });

/** Decodes a cursor with `types` (one per key part), or throws a 400 problem naming the field. */
export function decodeCursor(value: unknown, types: ('string' | 'number')[]): CursorKey | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw badCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== types.length || key.some((part, i) => typeof part !== types[i])) throw badCursor();
  return key as CursorKey;
}
