import { openDatabase, createToken, listTokens, revokeToken, ROLES, type Role } from '@jianbao/server';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { note, writeJson, writeOut } from '../output.js';
import { DB_HELP, DB_OPTION } from './ingest.js';
import type { Command } from './types.js';

const usage = `jianbao token create --role read|ingest|admin [--label <text>] [--db …]
jianbao token list [--db …] [--json]
jianbao token revoke <id> [--db …]
  Bearer tokens for \`jianbao serve\`. The token is printed once (stdout); only its hash is stored.
  read: search, articles, terms, xref, sections; ingest: also POST /v1/articles; admin: also tokens.
  ${DB_HELP}`;

export const token: Command = {
  summary: 'create, list or revoke the server\'s bearer tokens',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...DB_OPTION, role: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const [action, id] = positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UsageError(`expected create, list or revoke — usage: ${usage.split('\n')[0]}`);
    if (action === 'create' && !ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (action === 'revoke' && !id) throw new UsageError('missing the token id to revoke (see `jianbao token list`)');
    const db = await openDatabase(values.db);
    try {
      if (action === 'create') {
        const created = await createToken(db, values.role as Role, values.label ?? null);
        note(`token ${created.id} (${values.role}) created: it is shown once, keep it safe`);
        if (values.json) return writeJson(created);
        return writeOut(`${created.token}\n`);
      }
      if (action === 'list') {
        const list = await listTokens(db);
        if (values.json) return writeJson(list);
        return writeOut(list.map((t) => `${t.id}  ${t.role.padEnd(6)} ${t.revoked ? 'revoked' : 'active '}  ${t.created}  ${t.label ?? ''}`.trimEnd()).join('\n') + (list.length ? '\n' : ''));
      }
      if (!(await revokeToken(db, id!))) throw new Error(`no active token with id ${id}`);
      note(`token ${id} revoked`);
    } finally {
      await db.close();
    }
  },
};
