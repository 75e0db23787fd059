import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/types.js';
import { hashPassword } from '../modules/auth/auth.passwords.js';

export interface DemoAccount {
  username: string;
  description: string;
}

export interface DemoLoadResult {
  loaded: boolean;
  accounts: DemoAccount[];
  /** Set when no DEMO_PASSWORD was given: printed once at start, never stored in clear. */
  generatedPassword: string | undefined;
}

/** Loads the demo network into an empty database; a database with a network is left as it is. */
export async function loadDemoNetworkIfEmpty(db: Kysely<Database>, options: { password: string | undefined }): Promise<DemoLoadResult> {
  const existing = await db.selectFrom('networks').select('id').limit(1).executeTakeFirst();
  if (existing) return { loaded: false, accounts: [], generatedPassword: undefined };
  const generatedPassword = options.password ? undefined : randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(options.password ?? generatedPassword ?? '');
  const networkId = uuidv7();
  const adminId = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('networks').values({ id: networkId, name: 'National Immigrant Support Network' }).execute();
    await trx.insertInto('staff').values({ id: adminId, username: 'admin', display_name: 'Network administrator', password_hash: passwordHash }).execute();
    await trx.insertInto('staff_roles').values({ id: uuidv7(), staff_id: adminId, role: 'network_admin', scope_type: 'network', scope_id: networkId }).execute();
  });
  return { loaded: true, accounts: [{ username: 'admin', description: 'network administrator' }], generatedPassword };
}
