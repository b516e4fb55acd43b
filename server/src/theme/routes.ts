import { Router, type Request, type Response } from 'express';
import type { AdminTheme, ThemeExport, ThemeInput, ThemePresetList } from '@hausportal/api';
import { deriveTheme, themePresets } from '@hausportal/api/theme.js';
import type { Ctx } from '../context.ts';
import type { Actor } from '../admin/audit.ts';
import { authOf } from '../auth/middleware.ts';
import { requireManager } from '../admin/guard.ts';
import { attachment } from '../http/download.ts';
import { sendPrivateJson } from '../http/params.ts';
import { HttpProblem } from '../http/problems.ts';
import { multipart, requiredFiles } from '../http/upload.ts';
import { publicBase } from '../units/properties.ts';
import { absoluteLogoUrl, maxLogoBytes } from './logo.ts';
import { exportTheme, importTheme, readTheme, removeLogo, setLogo, writeTheme } from './service.ts';

/** The session's user and client address, as the audit log records a manager (admin/audit.ts). */
const actorOf = (req: Request, res: Response): Actor => ({ userId: authOf(res).user.id, clientIp: req.ip ?? null });

/** `?dryRun=true` (the contract's validator has made it a boolean). */
const dryRunOf = (req: Request): boolean => (req.query.dryRun as unknown) === true || req.query.dryRun === 'true';

/** The theme with its logo's address absolute (like the properties' `imageUrl`), private and not stored. */
function sendTheme(ctx: Ctx, req: Request, res: Response, theme: AdminTheme): void {
  sendPrivateJson(res, { ...theme, logoUrl: absoluteLogoUrl(theme.logoUrl, publicBase(ctx, req)) });
}

/** The ready colour sets, each with its derived tokens and contrast report (the same for every organization). */
const presetList = (): ThemePresetList => ({
  items: themePresets.map(({ key, name, input }) => {
    const { tokens, contrast } = deriveTheme(input);
    return { key, name, input, tokens, contrast };
  }),
});

/**
 * The manager API of the corporate identity (issue 14; openapi.yaml /admin/theme…), managers of the session's
 * organization only (admin/guard.ts): GET/PUT /theme (`?dryRun`), GET /theme/presets, GET /theme/export (attachment
 * `theme-<slug>.json`), POST /theme/import (`?dryRun`; JSON up to 400 KB, app.ts), PUT /theme/logo (multipart `file`,
 * ≤ 200 KB: 413, PNG/JPEG/SVG: 415 otherwise) and DELETE /theme/logo. The work is done by theme/service.ts, which the
 * operator command shares; each write is audited there. The answers' `logoUrl` is absolute.
 */
export function themeAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/theme', manager, async (req, res) => {
    sendTheme(ctx, req, res, await readTheme(ctx.read, authOf(res).org.id));
  });

  router.put('/theme', manager, async (req, res) => {
    sendTheme(ctx, req, res, await writeTheme(ctx.db, ctx, authOf(res).org.id, req.body as ThemeInput, actorOf(req, res), { dryRun: dryRunOf(req) }));
  });

  router.get('/theme/presets', manager, (_req, res) => {
    sendPrivateJson(res, presetList());
  });

  router.get('/theme/export', manager, async (_req, res) => {
    const auth = authOf(res);
    res.setHeader('Content-Disposition', attachment(`theme-${auth.org.slug}.json`));
    sendPrivateJson(res, await exportTheme(ctx.read, auth.org.id, ctx.clock()));
  });

  router.post('/theme/import', manager, async (req, res) => {
    sendTheme(ctx, req, res, await importTheme(ctx.db, ctx, authOf(res).org.id, req.body as ThemeExport, actorOf(req, res), { dryRun: dryRunOf(req) }));
  });

  router.put('/theme/logo', manager, multipart({ files: ['file'], maxFileBytes: maxLogoBytes }), async (req, res) => {
    const [file] = requiredFiles(req, ['file']);
    const extra = Object.keys((req.body ?? {}) as object);
    if (extra.length > 0) throw new HttpProblem(400, 'validation_failed', `Unknown field(s): ${extra.join(', ')}.`, { errors: extra.map((field) => ({ field, code: 'unknown_field', message: `Unknown field '${field}'.` })) });
    sendTheme(ctx, req, res, await setLogo(ctx.db, ctx, authOf(res).org.id, file!.buffer, actorOf(req, res)));
  });

  router.delete('/theme/logo', manager, async (req, res) => {
    await removeLogo(ctx.db, ctx, authOf(res).org.id, actorOf(req, res));
    res.status(204).end();
  });

  return router;
}

