import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../test/process';
import { DataDirLockedError, openDatabase } from './database';

describe('the embedded database directory', () => {
  it('refuses a second process while one has it open', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    mkdirSync(dir, { recursive: true });
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(dir, 'hjemvej.lock'), String(other.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    } finally {
      other.kill();
    }
  });

  it('takes over a stale lock whose process is gone, and releases it on close', async () => {
    const dir = path.join(tempDataDir(), 'pglite');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'hjemvej.lock'), '2147483646');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
