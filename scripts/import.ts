/**
 * Imports a syndicated story (a .txt file in the shape of the demo story) as a draft article.
 *
 *   npm run import -- <file> [--locale zh-Hant] [--title "…"] [--dry-run] [--json]
 *
 * Prints what was found, what could not be decided and the attribution checks on the draft; with
 * `--json`, the same report the admin route answers with, as one JSON object on stdout.
 * Exit code 0 when the draft was created (or would be, on a dry run), 1 when the input is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import type { ImportReport } from '../src/import/create-draft';
import { MAX_IMPORT_BYTES } from '../src/import/decode';

interface Args {
  file: string;
  locale?: string;
  title?: string;
  dryRun: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let locale: string | undefined;
  let title: string | undefined;
  let dryRun = false;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--locale') locale = argv[++i];
    else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else if (arg === '--title') title = argv[++i];
    else if (arg.startsWith('--title=')) title = arg.slice('--title='.length);
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else if (file === undefined) file = arg;
    else throw new Error(`One file at a time (got ${file} and ${arg}).`);
  }
  if (!file) throw new Error('Usage: npm run import -- <file> [--locale zh-Hant] [--title "…"] [--dry-run] [--json]');
  return { file, locale, title, dryRun, json };
}

const describeMatch = (m: { name: string; record: { name: string } | null; proposal: unknown } | null) =>
  !m
    ? '—'
    : m.record
      ? `${m.name} → ${m.record.name}`
      : m.proposal
        ? `${m.name} (new, proposed as a draft record)`
        : `${m.name} (not resolved)`;

export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run, nothing created' : `Draft created: ${report.created.article}`} (${report.locale}${report.encoding ? `, read as ${report.encoding}` : ''})`,
    `Title:        ${report.title}${report.titleFrom === 'first-sentence' ? ' (no headline found: from the first sentence)' : ''}`,
    `Paragraphs:   ${report.paragraphs}`,
    `Byline:       ${report.bylineLine ?? '—'}`,
    `Outlet:       ${describeMatch(report.outlet)}`,
    `Authors:      ${report.authors.length === 0 ? '—' : report.authors.map(describeMatch).join('; ')}`,
    `Editor:       ${describeMatch(report.editor)}`,
    `Republisher:  ${describeMatch(report.republisher)}`,
    `Photo credit: ${report.photoCredit ? `${report.photoCredit.name}${report.photoCredit.record ? ` (agency ${report.photoCredit.record.name})` : ''}` : '—'}`,
    `Dropped:      ${report.boilerplate.length === 0 ? '—' : report.boilerplate.join(' / ')}`,
    `Pull-quote candidates (${report.quotes.filter((q) => q.speaker).length} with a speaker):`,
    ...report.quotes.map((q) => {
      const who = [q.speakerOrg, q.speakerTitle].filter(Boolean).join(', ');
      return `  - ${q.speaker ?? '(speaker unknown)'}${who ? ` (${who})` : ''}: ${q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}`;
    }),
  ];
  if (report.created.sources.length + report.created.authors.length > 0) {
    lines.push(`New draft records: ${report.created.sources.length} source(s), ${report.created.authors.length} author(s)`);
  }
  lines.push(report.undecided.length === 0 ? 'Undecided: nothing' : 'Undecided:', ...report.undecided.map((u) => `  - ${u}`));
  lines.push(
    report.findings.length === 0 ? 'Attribution checks: ready' : 'Attribution checks:',
    ...report.findings.map((f) => `  - [${f.severity}] ${f.rule} (${f.path}): ${f.message.en}`),
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const file = path.resolve(args.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${args.file}`);
    return 1;
  }
  const stat = fs.statSync(file);
  if (stat.size > MAX_IMPORT_BYTES) {
    console.error(
      `Import refused: the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a story to import may be at most 10 MB. Nothing was created.`,
    );
    return 1;
  }

  const appDir = path.resolve(__dirname, '..');
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  // A one-shot tool: the scheduled-publishing sweep belongs to the running app, not to this process,
  // which would otherwise start one a few seconds in and be shut down in the middle of it.
  process.env.WORKFLOW_SWEEP_CRON = process.env.WORKFLOW_SWEEP_CRON ?? 'false';
  // With --json, stdout holds the report and nothing else: whatever the app prints while it boots goes to stderr.
  const stdout = process.stdout.write.bind(process.stdout);
  const print = (text: string) => stdout(`${text}\n`);
  if (args.json) process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    // The compiled copy, so the app and the import share one module instance of everything.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
    const { importStory } = require(path.join(appDir, 'dist/src/import/create-draft')) as typeof import('../src/import/create-draft');
    const report = await importStory(strapi, fs.readFileSync(file), { locale: args.locale, title: args.title, dryRun: args.dryRun });
    print(args.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } catch (error) {
    const err = error as Error & { name: string };
    if (err.name === 'ValidationError') {
      if (args.json) print(JSON.stringify({ error: { name: err.name, message: err.message } }));
      console.error(`Import refused: ${err.message} Nothing was created.`);
      return 1;
    }
    throw error;
  } finally {
    // Work the import set off after its commit (history records, cache invalidation) finishes before
    // the connection pool closes; PostgreSQL would otherwise abort it mid-query.
    await strapi.plugin('attribution-guard')?.service('records').settled?.();
    await (strapi.service('api::article.delivery') as { invalidator?: { settled(): Promise<void> } } | undefined)?.invalidator?.settled();
    await drainPool(strapi);
    await strapi.destroy();
  }
}

/**
 * Waits (at most 10 s) until no query holds or waits for a database connection: work the app starts
 * after a commit (events, history, cache) would otherwise be aborted when the pool closes.
 */
async function drainPool(strapi: {
  db: { connection: { client: { pool?: { numUsed(): number; numPendingAcquires(): number } } } };
}): Promise<void> {
  const pool = strapi.db.connection.client.pool;
  const deadline = Date.now() + 10_000;
  while (pool && pool.numUsed() + pool.numPendingAcquires() > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
