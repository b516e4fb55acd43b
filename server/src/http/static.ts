import compression from 'compression';
import type { ServerResponse } from 'node:http';
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
    express.static(config.portalDistDir, { fallthrough: true, index: false, setHeaders: distCaching }),
  );
  router.use(express.static(config.examplesDir, { index: 'index.html', extensions: ['html'] }));
  return router;
}

/**
 * Caching of `/dist/`: the hashed chunks (`chunks/<name>-<hash>.js`) never change under their name, so a browser or CDN
 * keeps them for a year (`immutable`); the entry files (hausportal.js, hausportal-embed.js, hausportal-loader.js,
 * embed-frame.js) keep their names across releases and name the chunks of their build, so they are revalidated on
 * every load (`no-cache`, answered 304 through the ETag when unchanged): after an upgrade no page asks a cached loader
 * for chunks that are gone.
 */
function distCaching(res: ServerResponse, path: string): void {
  const chunk = /[\\/]chunks[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.js(?:\.map)?$/.test(path);
  res.setHeader('Cache-Control', chunk ? 'public, max-age=31536000, immutable' : 'no-cache');
}
