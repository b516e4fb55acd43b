import compression from 'compression';
import express, { Router } from 'express';
import type { Config } from '../config.ts';
import { pageHelmet } from './security.ts';

/**
 * The example pages at `/` and the built portal bundle at `/dist/` (a missing folder just answers 404). Pages and
 * scripts go out gzip- or brotli-compressed when the browser accepts it (`compression`, text types above 1 kB): the
 * bundle budgets of DESIGN §9 are compressed sizes. API answers are not compressed here (they are small, private and
 * hold tokens; a proxy in front may decide otherwise, docs/deploy.md).
 */
export function staticRoutes(config: Config): Router {
  const router = Router();
  router.use(pageHelmet);
  router.use(compression());
  router.use(
    '/dist',
    (_req, res, next) => {
      // Public files without credentials: any site may load hausportal.js as a module script.
      res.setHeader('Access-Control-Allow-Origin', '*');
      next();
    },
    express.static(config.portalDistDir, { fallthrough: true, index: false, maxAge: config.env === 'production' ? '1h' : 0 }),
  );
  router.use(express.static(config.examplesDir, { index: 'index.html', extensions: ['html'] }));
  return router;
}
