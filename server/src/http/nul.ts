import type { NextFunction, Request, Response } from 'express';
import { validationProblem } from './problems.ts';

// A NUL character is never meaningful in text, and PostgreSQL refuses it in `text` columns (SQLite would store it).
// So every JSON body and query string under /api is checked for it before anything reads them: 400 naming the field
// (a JSON pointer into the body, or the query parameter's name), the same answer on both databases. Multipart fields
// are checked by http/upload.ts.

/** The JSON pointer of the first string inside `value` that holds a NUL, or null. Walks at most `depth` levels. */
export function nulAt(value: unknown, pointer = '', depth = 32): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer || '/' : null;
  if (value === null || typeof value !== 'object' || depth === 0) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const found = nulAt(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth - 1);
    if (found) return found;
  }
  return null;
}

/** Express middleware: 400 `validation_failed` for a NUL anywhere in the JSON body or the query. */
export function rejectNul(req: Request, _res: Response, next: NextFunction): void {
  const inBody = nulAt(req.body);
  const inQuery = nulAt(req.query);
  const field = inBody ?? (inQuery ? inQuery.slice(1).split('/')[0]! : null);
  if (field === null) return next();
  next(validationProblem('The request contains a NUL character.', [{ field, keyword: 'nul', message: 'must not contain a NUL character' }]));
}
