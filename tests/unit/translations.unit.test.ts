import fs from 'node:fs';
import path from 'node:path';

/**
 * Every string the product adds is in English, 繁體中文 (`zh`) and 简体中文 (`zh-Hans`): the plugins'
 * own translations, the app's, and the Content Manager's labels for every field, content-type name and
 * enumeration value of the newsroom's types.
 */
const root = path.resolve(__dirname, '../..');
const LANGUAGES = ['en', 'zh', 'zh-Hans'] as const;
const TRANSLATION_DIRS = {
  app: 'src/admin/translations',
  'attribution-guard': 'src/plugins/attribution-guard/admin/src/translations',
  'editorial-workflow': 'src/plugins/editorial-workflow/admin/src/translations',
};
const ADMIN_SOURCES = {
  app: 'src/admin',
  'attribution-guard': 'src/plugins/attribution-guard/admin/src',
  'editorial-workflow': 'src/plugins/editorial-workflow/admin/src',
};
const SCHEMAS = {
  'content-types.api::article.article': 'src/api/article/content-types/article/schema.json',
  'content-types.api::author.author': 'src/api/author/content-types/author/schema.json',
  'content-types.api::source.source': 'src/api/source/content-types/source/schema.json',
  'content-types.api::pull-quote.pull-quote': 'src/api/pull-quote/content-types/pull-quote/schema.json',
  'components.media.credited-image': 'src/components/media/credited-image.json',
  'components.article.correction': 'src/components/article/correction.json',
};

const read = (dir: string, language: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(root, dir, `${language}.json`), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'translations' ? [] : sourceFiles(rel);
    return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) ? [rel] : [];
  });
}

describe.each(Object.entries(TRANSLATION_DIRS))('%s translations', (name, dir) => {
  const en = read(dir, 'en');

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, and no key English lacks', (language) => {
    const other = read(dir, language);
    expect(Object.keys(other).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in other))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty message', (language) => {
    expect(
      Object.entries(read(dir, language))
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k),
    ).toEqual([]);
  });

  it('has a message for every fixed id the admin code asks for', () => {
    const files = sourceFiles(ADMIN_SOURCES[name as keyof typeof ADMIN_SOURCES]);
    // getTrad('x') and t('x') in the plugins, `newsroom-import.x`, `newsroom-corrections.x` and `newsroom-outbox.x` ids in the app; ids built at run time are covered by the tests of their tables.
    const pattern =
      name === 'app' ? /id: '((?:newsroom-import|newsroom-corrections|newsroom-outbox)\.[^']+)'/gu : /\b(?:getTrad|t)\('([^'$`]+)'\)/gu;
    const asked = new Set(files.flatMap((file) => [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(pattern)].map((m) => m[1]!)));
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((id) => !(id in en)).sort()).toEqual([]);
  });
});

describe('the Content Manager’s labels for the newsroom’s types', () => {
  const app = Object.fromEntries(LANGUAGES.map((l) => [l, read(TRANSLATION_DIRS.app, l)]));

  it.each(Object.entries(SCHEMAS))('every field, the name and the enumeration values of %s, in every language', (prefix, file) => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as {
      info: { displayName: string };
      attributes: Record<string, { enum?: string[] }>;
    };
    const wanted = [
      ...Object.keys(schema.attributes).map((field) => `content-manager.${prefix}.${field}`),
      schema.info.displayName,
      ...Object.values(schema.attributes).flatMap((a) => a.enum ?? []),
    ];
    for (const language of LANGUAGES) {
      expect({ language, missing: wanted.filter((id) => !app[language]![id]) }).toEqual({ language, missing: [] });
    }
    // A label left in English in Chinese is a missing translation too (IDs and licence codes aside).
    for (const language of ['zh', 'zh-Hans'] as const) {
      const english = Object.keys(schema.attributes)
        .map((field) => `content-manager.${prefix}.${field}`)
        .filter((id) => app[language]![id] === app.en![id] && !/^(ID|CC BY)/u.test(app.en![id]!));
      expect({ language, english }).toEqual({ language, english: [] });
    }
  });

  it('every kind of correction is named in the Add correction dialog', () => {
    for (const language of LANGUAGES) {
      for (const kind of ['correction', 'clarification', 'update'])
        expect(app[language]![`newsroom-corrections.kind.${kind}`]).toBeTruthy();
    }
  });

  it('the workflow’s stages, which the plugin adds to the article, are named too', () => {
    for (const language of LANGUAGES) {
      for (const stage of ['draft', 'in-review', 'changes-requested', 'approved', 'scheduled', 'published'])
        expect(app[language]![stage]).toBeTruthy();
    }
  });
});
