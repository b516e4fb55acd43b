import express, { Router } from 'express';
import type { Config } from '../config.ts';
import { pageHelmet } from './security.ts';

/** The example pages at `/` and the built portal bundle at `/dist/` (a missing folder just answers 404). */
export function staticRoutes(config: Config): Router {
  const router = Router();
  router.use(pageHelmet);
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
