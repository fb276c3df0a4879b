import fs from 'node:fs';
import path from 'node:path';
import { appDir } from './database';

/** The part of s3rver's API used here (the package ships no types). */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as S3rverClass;

export interface S3Store {
  bucket: string;
  endpoint: string;
  publicUrl: string;
  /** The app's settings for this store (UPLOAD_PROVIDER=s3 …), to merge into the environment. */
  env: Record<string, string>;
  /** The object keys stored, for checks that a file really went to the bucket. */
  keys(): string[];
  stop(): Promise<void>;
}

/**
 * An S3-protocol server (s3rver) on 127.0.0.1 and a free port, with one bucket, its objects in a
 * folder of its own under .tmp; `stop` closes it and removes the folder.
 */
export async function startS3Server(name: string): Promise<S3Store> {
  const bucket = 'newsroom-media';
  const directory = path.join(appDir, '.tmp', `s3-${name}-${process.pid}`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  let stopped = false;
  const endpoint = `http://127.0.0.1:${port}`;
  const publicUrl = `${endpoint}/${bucket}`;
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      : [];
  return {
    bucket,
    endpoint,
    publicUrl,
    env: {
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: publicUrl,
      S3_FORCE_PATH_STYLE: 'true',
    },
    // s3rver keeps each object as `<key>._S3rver_object` beside its metadata.
    keys: () =>
      walk(path.join(directory, bucket))
        .filter((f) => f.endsWith('._S3rver_object'))
        .map((f) => path.relative(path.join(directory, bucket), f).replace(/\._S3rver_object$/u, '')),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
