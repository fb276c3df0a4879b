/**
 * Benchmark of the attribution guard, measured side by side in one run:
 *  1. the rule registry on a large article (100 images, 50 pull-quotes, 100,000 characters of body);
 *  2. the admin publish request for a demo-sized story with the guard on and off, interleaved so
 *     machine noise falls on both arms alike.
 * Prints medians, p99s and the ratio; writes them to .tmp/bench-guard.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { runRules } from '../src/plugins/attribution-guard/server/src/rules';
import { buildLargeArticle } from '../src/plugins/attribution-guard/server/src/rules/__fixtures__/large-article';
import { removeSqliteDatabase } from './lib/sqlite-file';

const RULE_RUNS = Number(process.env.BENCH_RULE_RUNS ?? 300);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 40);
const ARTICLE = 'api::article.article';
const appDir = path.resolve(__dirname, '..');

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

function benchRules() {
  const template = buildLargeArticle();
  // Warm-up: the first run builds the Traditional/Simplified dictionaries once per process.
  runRules(template);
  const samples: number[] = [];
  for (let i = 0; i < RULE_RUNS; i += 1) {
    // A fresh copy each run, as every publish brings a freshly loaded article.
    const input = { ...template, article: structuredClone(template.article), sources: structuredClone(template.sources) };
    const start = performance.now();
    runRules(input);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

async function seedArticles(strapi: Core.Strapi, count: number): Promise<string[]> {
  const story = await strapi.db.query(ARTICLE).findOne({
    where: { slug: 'yong-ai-fa-yuan-chui-zhi-hang-ye-chang-shang-zhu-meng-da-mo-xing-quan', publishedAt: null },
    populate: {
      author: true,
      editor: true,
      source: true,
      republisher: true,
      pullQuotes: true,
      cover: { populate: { image: true, agency: true } },
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await strapi.documents(ARTICLE).create({
      locale: 'zh-Hant',
      data: {
        title: `${story.title} #${i}`,
        body: story.body,
        author: story.author.documentId,
        editor: story.editor.documentId,
        source: story.source.documentId,
        republisher: story.republisher.documentId,
        originalUrl: story.originalUrl,
        cover: { image: story.cover.image.id, credit: story.cover.credit, agency: story.cover.agency.documentId, license: 'agency' },
        gallery: [0, 1, 2].map(() => ({
          image: story.cover.image.id,
          credit: '視覺中國',
          agency: story.cover.agency.documentId,
          license: 'agency',
        })),
      },
    });
    for (const [position, quote] of story.pullQuotes.entries()) {
      const q = await strapi.documents('api::pull-quote.pull-quote').create({
        locale: 'zh-Hant',
        data: { text: quote.text, speaker: quote.speaker, speakerTitle: quote.speakerTitle, position, article: created.documentId },
      });
      await strapi.documents('api::pull-quote.pull-quote').publish({ documentId: q.documentId, locale: 'zh-Hant' });
    }
    // Only approved stories publish; the approval gate runs in both arms alike.
    await strapi
      .plugin('editorial-workflow')
      .service('workflow')
      .setStage({ uid: ARTICLE, documentId: created.documentId, locale: 'zh-Hant' }, 'approved', 'benchmark');
    ids.push(created.documentId);
  }
  return ids;
}

async function main() {
  const rules = benchRules();
  console.log(`rules on the large article: median ${ms(rules.median)}, p99 ${ms(rules.p99)} over ${rules.runs} runs`);

  process.env.DATABASE_FILENAME = '.tmp/bench-guard.db';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  removeSqliteDatabase('.tmp/bench-guard.db');
  await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  try {
    const guard = strapi.plugin('attribution-guard').service('guard');
    const guarded: string[] = guard.config().contentTypes;
    const setGuard = (on: boolean) => {
      // The guard protects the content types listed in its config; taking the article out switches it off.
      const index = guarded.indexOf(ARTICLE);
      if (on && index < 0) guarded.push(ARTICLE);
      if (!on && index >= 0) guarded.splice(index, 1);
    };
    const login = await request(strapi.server.httpServer)
      .post('/admin/login')
      .send({ email: 'editor@newsroom.local', password: 'Newsroom-Editor-2026' });
    const auth = { Authorization: `Bearer ${login.body.data.token}` };

    const ids = await seedArticles(strapi, PUBLISHES * 2 + 4);
    const publish = async (documentId: string) => {
      const start = performance.now();
      const res = await request(strapi.server.httpServer)
        .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=zh-Hant`)
        .set(auth)
        .send({});
      const took = performance.now() - start;
      if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return took;
    };
    // Warm-up for both arms.
    setGuard(true);
    await publish(ids.pop()!);
    await publish(ids.pop()!);
    setGuard(false);
    await publish(ids.pop()!);
    await publish(ids.pop()!);

    const withGuard: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const arms: Array<[boolean, number[]]> =
        i % 2 === 0
          ? [
              [true, withGuard],
              [false, without],
            ]
          : [
              [false, without],
              [true, withGuard],
            ];
      for (const [on, samples] of arms) {
        setGuard(on);
        samples.push(await publish(ids.pop()!));
      }
    }
    setGuard(true);
    const on = stats(withGuard);
    const off = stats(without);
    const ratio = on.median / off.median;
    console.log(`publish with the guard:    median ${ms(on.median)}, p99 ${ms(on.p99)} over ${on.runs}`);
    console.log(`publish without the guard: median ${ms(off.median)}, p99 ${ms(off.p99)} over ${off.runs}`);
    console.log(`ratio (median, with/without): ${ratio.toFixed(3)}`);
    const out = { rules, publish: { withGuard: on, withoutGuard: off, ratio } };
    fs.writeFileSync(path.join(appDir, '.tmp/bench-guard.json'), JSON.stringify(out, null, 2));
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
