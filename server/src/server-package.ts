/**
 * The server package's folder, found from this module's own location. Code that needs a file of
 * the package (the worker script, the browser app beside it) asks here, because that code sits at
 * a different depth in src/ (vitest), in dist/ (tsc's output) and in dist/accord.cjs (the bundle).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageDirAbove(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const serverPackageDir = packageDirAbove(path.dirname(fileURLToPath(import.meta.url)));
