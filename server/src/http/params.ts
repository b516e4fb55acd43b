import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { HttpProblem } from './problems.ts';
import { monthsBetween, periodOf, yearOf } from '../calendar.ts';

// Query parameters after the contract's validator: shapes are checked there, relations between them here.

export const maxMonths = 36;
export const defaultLimit = 100;

export const notFound = (): HttpProblem => new HttpProblem(404, 'not_found', 'There is no such resource.');

export const rangeProblem = (field: string, message: string): HttpProblem =>
  new HttpProblem(400, 'validation_failed', message, { errors: [{ field, code: 'range', message }] });

/** A single query value as text (the validator may already have coerced numbers). */
const text = (req: Request, name: string): string | undefined => {
  const value: unknown = req.query[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

export const idParam = (req: Request, name: string): string | undefined => text(req, name);

export function limitParam(req: Request): number {
  const value = text(req, 'limit');
  return value === undefined ? defaultLimit : Number(value);
}

/**
 * The `year` parameter (default: the year of `today`, the organization's day — see calendar.ts); a later year than
 * that is a 400.
 */
export function yearParam(req: Request, today: string): number {
  const value = text(req, 'year');
  const now = yearOf(today);
  if (value === undefined) return now;
  const year = Number(value);
  if (year > now) throw rangeProblem('year', `The year must not be later than ${now}.`);
  return year;
}

/**
 * `from`/`to` periods (defaults: January … the month of `today`, the organization's day), at most 36 months,
 * from ≤ to.
 */
export function periodRange(req: Request, today: string): { from: string; to: string } {
  const from = text(req, 'from') ?? `${yearOf(today)}-01`;
  const to = text(req, 'to') ?? periodOf(today);
  if (from > to) throw rangeProblem('from', 'The first month must not be after the last month.');
  if (monthsBetween(from, to) > maxMonths) throw rangeProblem('to', `At most ${maxMonths} months at once.`);
  return { from, to };
}

/** Keyset condition "row after key" for ascending `columns`: (a > ?) or (a = ? and b > ?) … */
export function after(q: Knex.QueryBuilder, columns: string[], key: (string | number)[]): void {
  q.where((outer) => {
    columns.forEach((column, i) => {
      outer.orWhere((inner) => {
        for (let j = 0; j < i; j++) inner.where(columns[j]!, key[j]!);
        inner.where(column, '>', key[i]!);
      });
    });
  });
}

/** Personal data: JSON that no shared cache may keep. */
export function sendPrivateJson(res: Response, body: unknown): void {
  res.setHeader('Cache-Control', 'private, no-store');
  res.json(body);
}
