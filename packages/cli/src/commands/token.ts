import { openDatabase, createToken, listTokens, revokeToken, ROLES, type Role } from '@jianbao/server';
import { Option, type Command } from 'commander';
import { note, writeJson, writeOut } from '../output.js';
import { act } from '../program.js';
import { columns } from '../style.js';
import { dbOption } from './ingest.js';

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .summary("create, list or revoke the server's bearer tokens")
    .description(
      'Bearer tokens for `jianbao serve`. The token is printed once (stdout); only its hash is stored.\nread: search, articles, terms, xref, sections; ingest: also POST /v1/articles; admin: also tokens.',
    );
  token
    .command('create')
    .description('create a token and print it (once)')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--label <text>', 'a note to tell tokens apart')
    .addOption(dbOption())
    .option('--json', 'print { id, token, role, … } as JSON')
    .action(
      act(async (values: { role: Role; label?: string; db?: string; json?: boolean }) => {
        const db = await openDatabase(values.db);
        try {
          const created = await createToken(db, values.role, values.label ?? null);
          note(`token ${created.id} (${values.role}) created: it is shown once, keep it safe`);
          if (values.json) return writeJson(created);
          return writeOut(`${created.token}\n`);
        } finally {
          await db.close();
        }
      }),
    );
  token
    .command('list')
    .description('list the tokens (never the secrets)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(
      act(async (values: { db?: string; json?: boolean }) => {
        const db = await openDatabase(values.db);
        try {
          const list = await listTokens(db);
          if (values.json) return writeJson(list);
          const rows = list.map((t) => [t.id, t.role, t.revoked ? 'revoked' : 'active', t.created, t.label ?? '']);
          return writeOut(columns(rows).join('\n') + (list.length ? '\n' : ''));
        } finally {
          await db.close();
        }
      }),
    );
  token
    .command('revoke')
    .description('revoke a token by its id (see `jianbao token list`)')
    .argument('<id>', 'the token id to revoke (see `jianbao token list`)')
    .addOption(dbOption())
    .action(
      act(async (id: string, values: { db?: string }) => {
        const db = await openDatabase(values.db);
        try {
          if (!(await revokeToken(db, id))) throw new Error(`no active token with id ${id}`);
          note(`token ${id} revoked`);
        } finally {
          await db.close();
        }
      }),
    );
}
