import { Worker } from 'node:worker_threads';
import { open } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `file-type` reports for a file's leading bytes; null when it recognises no binary format. */
export type Detected = { ext: string; mime: string } | null;

// file-type reads signatures in the first few kilobytes; 4100 bytes is what it documents as enough.
const SAMPLE_BYTES = 4100;

type FileTypeModule = { fileTypeFromBuffer: (bytes: Uint8Array) => Promise<{ ext: string; mime: string } | undefined> };

/*
 * file-type is ESM-only, and this code compiles to CommonJS: `import()` written here would become
 * `require()`. A Function-built `import()` stays a real dynamic import and works in the running app,
 * but not inside a vm without --experimental-vm-modules (how jest runs the app). There the same
 * import runs in a short-lived worker thread, which has Node's own loader. Both give the same answer.
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<FileTypeModule>;
let direct: Promise<FileTypeModule | null> | null = null;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.specifier)
  .then((m) => m.fileTypeFromBuffer(workerData.bytes))
  .then((r) => parentPort.postMessage({ ok: true, result: r ? { ext: r.ext, mime: r.mime } : null }),
        (e) => parentPort.postMessage({ ok: false, error: String(e && e.message || e) }));
`;

function fileTypeModuleUrl(): string {
  // Found along the app's own node_modules path (the package exports no package.json to resolve).
  for (const dir of require.resolve.paths('file-type') ?? []) {
    const entry = join(dir, 'file-type', 'index.js');
    if (existsSync(entry)) return pathToFileURL(entry).href;
  }
  throw new Error('file-type is not installed');
}

function detectInWorker(bytes: Uint8Array): Promise<Detected> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes, specifier: fileTypeModuleUrl() } });
    worker.once('message', (msg: { ok: boolean; result?: Detected; error?: string }) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.result ?? null);
      else reject(new Error(`file-type failed: ${msg.error}`));
    });
    worker.once('error', reject);
  });
}

export async function detectBytes(bytes: Uint8Array): Promise<Detected> {
  direct ??= nativeImport('file-type').catch(() => null);
  const mod = await direct;
  if (mod) {
    const r = await mod.fileTypeFromBuffer(bytes);
    return r ? { ext: r.ext, mime: r.mime } : null;
  }
  return detectInWorker(bytes);
}

/** The file's leading bytes: what detection and the text sniffing look at. */
export async function readHead(filepath: string, size = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
