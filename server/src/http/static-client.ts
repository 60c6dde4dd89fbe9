/**
 * Serves the built browser app (client/dist) in production: its files with long-lived caching
 * for hashed assets, and index.html for any other page path so the app's router can take it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { serverPackageDir } from '../server-package.js';

/** Paths the server answers itself; everything else that is a GET for a page gets the app. */
const SERVER_PATHS = /^\/(api|socket\.io|collab|metrics|healthz)(\/|$)/;

export const defaultClientDir = path.join(serverPackageDir, '..', 'client', 'dist');

/** Returns false when there is no build to serve (the API still works). */
export function serveClient(app: Express, dir = defaultClientDir): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.sendFile(index);
  });
  return true;
}
