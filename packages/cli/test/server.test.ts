import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The server subcommands on an embedded (PGlite) archive in a temporary folder, run as a user would.
const main = resolve(__dirname, '../dist/main.js');
const seeds = resolve(__dirname, '../../../seeds');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

describe('jianbao ingest / export / token', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-server-cli-'));
  const db = join(dir, 'archive.pglite');

  it('ingests the seed pages, and ingesting them again changes nothing', () => {
    const first = jianbao('ingest', seeds, '--db', db, '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ revision: 1, added: 33, changed: 0 });
    const again = jianbao('ingest', seeds, '--db', db, '--workers', '0');
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/nothing new: all 33 articles already stored; revision 1 unchanged/);
  });

  it('exports a bundle the local search reads, the same as `jianbao build` makes', () => {
    const out = join(dir, 'export.json.gz');
    expect(jianbao('export', '--db', db, '--out', out).status).toBe(0);
    const built = join(dir, 'built.json');
    expect(jianbao('build', seeds, '--out', built, '--name', 'archive').status).toBe(0);
    const exported = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
    const local = JSON.parse(readFileSync(built, 'utf8'));
    expect(exported).toEqual(local);
    const hits = JSON.parse(jianbao('search', '晋中', '--archive', out, '--json').stdout);
    expect(hits.length).toBeGreaterThan(0);
  });

  it('creates, lists and revokes tokens; bad arguments are usage errors', () => {
    const created = jianbao('token', 'create', '--role', 'read', '--label', 'desk', '--db', db);
    expect(created.status).toBe(0);
    expect(created.stdout.trim()).toMatch(/^jb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const list = JSON.parse(jianbao('token', 'list', '--db', db, '--json').stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: 'read', label: 'desk', revoked: false });
    // The secret (base64url, may hold '_') is everything after `jb_<id>_`: never listed.
    const secret = created.stdout.trim().slice(16);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(jianbao('token', 'revoke', list[0].id, '--db', db).status).toBe(0);
    expect(JSON.parse(jianbao('token', 'list', '--db', db, '--json').stdout)[0].revoked).toBe(true);
    const bad = jianbao('token', 'create', '--role', 'god', '--db', db);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of read, ingest, admin/);
    const workers = jianbao('ingest', seeds, '--db', db, '--workers', 'two');
    expect(workers.status).toBe(2);
    expect(workers.stderr).toMatch(/--workers must be a whole number from 0 to 64, got "two"/);
  });
});
