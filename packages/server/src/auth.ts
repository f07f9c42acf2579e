import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from './db/types.js';

export type Role = 'read' | 'ingest' | 'admin';
export const ROLES: readonly Role[] = ['read', 'ingest', 'admin'];
const RANK: Record<Role, number> = { read: 0, ingest: 1, admin: 2 };

/** admin may do what ingest may, ingest what read may. */
export function allows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Bearer tokens: `jb_<id>_<secret>`, 32 random bytes of secret. Only the
 * SHA-256 of the secret is stored (a random 256-bit secret needs no slow
 * hash: there is nothing to guess), compared in constant time; the id finds
 * the row. The token is shown once, at creation.
 */
export async function createToken(sql: Sql, role: Role, label: string | null = null): Promise<{ id: string; token: string }> {
  if (!ROLES.includes(role)) throw new Error(`unknown role "${role}" (expected one of: ${ROLES.join(', ')})`);
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await sql.query('INSERT INTO tokens (id, hash, role, label) VALUES ($1, $2, $3, $4)', [id, digest(secret), role, label]);
  return { id, token: `jb_${id}_${secret}` };
}

export async function revokeToken(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

export async function listTokens(sql: Sql): Promise<{ id: string; role: Role; label: string | null; created: string; revoked: boolean }[]> {
  const rows = await sql.query<{ id: string; role: Role; label: string | null; created_at: Date | string; revoked_at: unknown }>(
    'SELECT id, role, label, created_at, revoked_at FROM tokens ORDER BY created_at',
  );
  return rows.map((r) => ({ id: r.id, role: r.role, label: r.label, created: new Date(r.created_at).toISOString(), revoked: r.revoked_at != null }));
}

const TOKEN = /^jb_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The token's role, or null for a malformed, unknown or revoked token. */
export async function verifyToken(sql: Sql, token: string): Promise<{ id: string; role: Role } | null> {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [row] = await sql.query<{ hash: string; role: Role; revoked_at: unknown }>('SELECT hash, role, revoked_at FROM tokens WHERE id = $1', [m[1]]);
  if (!row || row.revoked_at != null) return null;
  const a = Buffer.from(row.hash, 'hex');
  const b = Buffer.from(digest(m[2]!), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? { id: m[1]!, role: row.role } : null;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
