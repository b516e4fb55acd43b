import type { Request, Response, NextFunction } from 'express';
import type { Ctx } from '../context.ts';

/** Feature gate on the resident endpoints (being built): passes everything for now. */
export function featureGate(_ctx: Ctx) {
  return (_req: Request, _res: Response, next: NextFunction): void => next();
}
