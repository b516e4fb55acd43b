import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';

/** The mails the server "sent" — for development and tests only; production answers 404. */
export function devRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/dev/outbox', async (req, res) => {
    if (ctx.config.env === 'production') throw new HttpProblem(404, 'not_found', 'There is no such resource.');
    const to = typeof req.query.to === 'string' ? req.query.to.trim().toLowerCase() : '';
    const q = ctx.db('outbox').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200);
    if (to) q.where({ to });
    const rows = await q.select('id', 'to', 'subject', 'text', 'created_at');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: rows.map((r: Record<string, string>) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, createdAt: r.created_at })) });
  });
  return router;
}
