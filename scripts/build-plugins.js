#!/usr/bin/env node
/**
 * Builds the local plugins' server code (each workspace's `build` script) when its sources are newer
 * than its last build, like make. Every `npm run` script that boots the app starts with this, so a
 * fresh checkout and every edit are built, and an unchanged tree costs nothing. `--force` rebuilds all.
 *
 * A plugin's inputs: its server code, its shared contracts, its build config, and the shared contracts
 * of the other plugins (the workflow reads the guard's). Directory times count too, so a deleted
 * source file rebuilds.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const pluginsDir = path.resolve(__dirname, '../src/plugins');
const STAMP = path.join('dist', '.build-stamp');
const force = process.argv.includes('--force');

function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

const plugins = fs
  .readdirSync(pluginsDir)
  .map((name) => path.join(pluginsDir, name))
  .filter(
    (dir) =>
      fs.existsSync(path.join(dir, 'package.json')) && JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts?.build,
  );
const sharedOfAll = Math.max(0, ...plugins.map((dir) => newest(path.join(dir, 'shared'))));

for (const dir of plugins) {
  const name = path.basename(dir);
  const inputs = Math.max(
    sharedOfAll,
    ...['server', 'shared', 'package.json', 'tsconfig.server.json'].map((p) => newest(path.join(dir, p))),
  );
  const built = newest(path.join(dir, STAMP));
  if (!force && built > inputs) {
    continue;
  }
  // On stderr, like the compiler's own output: a script's stdout (the import CLI's --json) stays its own.
  console.error(`${name}: building`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 2, 2] });
  fs.writeFileSync(path.join(dir, STAMP), `${new Date().toISOString()}\n`);
}
