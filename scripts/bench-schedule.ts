/**
 * `npm run bench:schedule`: how fast the sweep publishes due articles on PostgreSQL, with one and
 * with two app instances sweeping at once. For each N (default 100 and 1,000) it seeds N publishable
 * articles scheduled in the past, starts the sweep, and reports the time until all are published,
 * articles per second, and duplicates found (articles published more than once: must be 0).
 *
 *   npm run bench:schedule                 # N = 100, 1000
 *   npm run bench:schedule -- --sizes 50   # other sizes
 *
 * Uses DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD (default 127.0.0.1:5432/test) and a schema of its
 * own, dropped at the end.
 */
import path from 'node:path';
import { Client } from 'pg';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { publishTallies, seedDueArticles } from '../tests/helpers/workflow';
import { startInstance, type Instance } from './lib/instances';

const appDir = path.resolve(__dirname, '..');
const SCHEMA = `bench_schedule_${process.pid}`;

const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? String(process.argv[sizesArg + 1]) : '100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

Object.assign(process.env, {
  DATABASE_CLIENT: 'postgres',
  DATABASE_SCHEMA: SCHEMA,
  STRAPI_TELEMETRY_DISABLED: 'true',
  WORKFLOW_SWEEP_CRON: 'false',
  SEED_DEMO: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});

async function pg<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    database: process.env.DATABASE_NAME ?? 'test',
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface Row {
  n: number;
  instances: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
  published: number;
  split: string;
}

async function main(): Promise<void> {
  await pg((c) => c.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE; CREATE SCHEMA "${SCHEMA}"`));
  console.log(`Compiling the app and booting a seeding instance on schema ${SCHEMA}…`);
  await compileStrapi({ appDir, ignoreDiagnostics: true });
  const seeder = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const instances: Instance[] = [];
  const rows: Row[] = [];
  try {
    for (const name of ['instance-1', 'instance-2']) instances.push(await startInstance(name, {}));
    let slot = Date.UTC(2099, 0, 1);
    for (const n of sizes) {
      for (const count of [1, 2]) {
        slot += 24 * 3600_000;
        const publishAt = new Date(slot);
        process.stdout.write(`N=${n}, ${count} instance${count > 1 ? 's' : ''}: seeding… `);
        const ids = await seedDueArticles(seeder, n, publishAt, `Bench ${n}x${count}`);
        process.stdout.write('sweeping… ');
        const started = process.hrtime.bigint();
        const published = new Array<number>(count).fill(0);
        // A sweep stops at its time budget and the next one carries on, as the cron's next tick would.
        for (let round = 0; round < 10; round += 1) {
          const results = await Promise.all(instances.slice(0, count).map((i) => i.sweep(new Date(slot + 60_000))));
          results.forEach((r, i) => (published[i] = (published[i] ?? 0) + (r.counts.published ?? 0)));
          if (results.every((r) => !r.incomplete)) break;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const tallies = await publishTallies(seeder, ids);
        const row = {
          n,
          instances: count,
          seconds,
          perSecond: tallies.published / seconds,
          duplicates: tallies.duplicates,
          published: tallies.published,
          split: published.join(' + '),
        };
        rows.push(row);
        console.log(
          `${row.published}/${n} published in ${seconds.toFixed(2)} s (${row.perSecond.toFixed(1)}/s, split ${row.split}), duplicates ${row.duplicates}`,
        );
      }
    }
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await seeder.destroy();
    await pg((c) => c.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`));
  }

  console.log('\n| N | instances | time to publish all | articles/s | duplicates |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.n} | ${r.instances} | ${r.seconds.toFixed(2)} s | ${r.perSecond.toFixed(1)} | ${r.duplicates} |`);
  const failed = rows.filter((r) => r.duplicates > 0 || r.published !== r.n);
  if (failed.length > 0) {
    console.error('\nSome runs published an article twice or left one out.');
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
