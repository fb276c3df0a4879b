import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder, whether this file runs from source or compiled into `dist/`.
 * Config files run before Strapi knows its dirs, so they cannot ask `strapi.dirs`.
 */
export function appRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (path.basename(dir) !== 'dist' && !dir.split(path.sep).includes('dist') && fs.existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
