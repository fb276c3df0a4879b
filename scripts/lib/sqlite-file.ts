import fs from 'node:fs';
import path from 'node:path';

const appDir = path.resolve(__dirname, '../..');

/**
 * Removes an SQLite database and the journal files SQLite keeps beside it (WAL, shared memory,
 * rollback journal), so the next boot starts from an empty database and a run leaves nothing behind.
 * `file` is relative to the app folder, as DATABASE_FILENAME is.
 */
export function removeSqliteDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.resolve(appDir, file + suffix), { force: true });
}
