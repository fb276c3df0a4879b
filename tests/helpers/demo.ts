import fs from 'node:fs';
import path from 'node:path';
import { appDir } from './database';

/** The demo data the app seeds, read from the same files, so tests compare against the source of truth. */
export const demoData = JSON.parse(fs.readFileSync(path.join(appDir, 'database/seed/demo-story.json'), 'utf8')) as {
  title: string;
  dek: string;
  originalUrl: string;
  pullQuotes: Array<{ speaker: string; speakerOrg: string; speakerTitle: string; text: string }>;
  draft: { title: string; pullQuotes: Array<{ speaker: string; text: string }> };
};

export const demoStoryText = fs.readFileSync(path.join(appDir, 'database/seed/seed-article.zh-Hant.txt'), 'utf8');

export const SEED_SLUG = 'yong-ai-fa-yuan-chui-zhi-hang-ye-chang-shang-zhu-meng-da-mo-xing-quan';
