import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { isRole } from '../../../shared/access.js';
import type { Grant } from '../../access/actor.js';
import type { Database, Staff } from '../../db/types.js';

export interface StoredGrant extends Grant {
  id: string;
  staffId: string;
  scopeName: string;
  grantedAt: Date;
}

/** Every grant of these accounts, placed in its centre and named for people to read. */
export async function loadGrants(db: Kysely<Database>, staffIds: string[]): Promise<StoredGrant[]> {
  if (staffIds.length === 0) return [];
  const rows = await db
    .selectFrom('staff_roles as r')
    .leftJoin('networks as n', (join) => join.onRef('n.id', '=', 'r.scope_id').on('r.scope_type', '=', 'network'))
    .leftJoin('centres as c', (join) => join.onRef('c.id', '=', 'r.scope_id').on('r.scope_type', '=', 'centre'))
    .leftJoin('units as u', (join) => join.onRef('u.id', '=', 'r.scope_id').on('r.scope_type', '=', 'unit'))
    .leftJoin('centres as uc', 'uc.id', 'u.centre_id')
    .select(['r.id', 'r.staff_id', 'r.role', 'r.scope_type', 'r.scope_id', 'r.granted_at', 'n.name as network_name', 'c.name as centre_name', 'u.name as unit_name', 'u.centre_id as unit_centre_id', 'uc.name as unit_centre_name'])
    .where('r.staff_id', 'in', staffIds)
    .orderBy('r.granted_at')
    .execute();
  return rows.flatMap((row) => {
    if (!isRole(row.role)) return [];
    const scopeName =
      row.scope_type === 'network' ? row.network_name : row.scope_type === 'centre' ? row.centre_name : row.unit_name ? `${row.unit_centre_name} · ${row.unit_name}` : null;
    return [
      {
        id: row.id,
        staffId: row.staff_id,
        role: row.role,
        scopeType: row.scope_type,
        scopeId: row.scope_id,
        centreId: row.scope_type === 'centre' ? row.scope_id : row.scope_type === 'unit' ? row.unit_centre_id : null,
        scopeName: scopeName ?? '—',
        grantedAt: row.granted_at,
      },
    ];
  });
}

export interface StaffFilter {
  /** Reader sees everyone; otherwise only accounts with a grant in one of these centres. */
  everywhere: boolean;
  centreIds: string[];
  q?: string | undefined;
  status: 'active' | 'disabled' | 'all';
  limit: number;
  offset: number;
}

/** A page of accounts the reader may see, filtered in SQL by the same rule as the policy. */
export async function listStaff(db: Kysely<Database>, filter: StaffFilter): Promise<{ rows: Staff[]; total: number }> {
  let query = db.selectFrom('staff');
  if (!filter.everywhere) {
    if (filter.centreIds.length === 0) return { rows: [], total: 0 };
    const centreIds = filter.centreIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles as r')
          .leftJoin('units as u', (join) => join.onRef('u.id', '=', 'r.scope_id').on('r.scope_type', '=', 'unit'))
          .select(sql`1`.as('one'))
          .whereRef('r.staff_id', '=', 'staff.id')
          .where((inner) => inner.or([inner.and([inner('r.scope_type', '=', 'centre'), inner('r.scope_id', 'in', centreIds)]), inner('u.centre_id', 'in', centreIds)])),
      ),
    );
  }
  if (filter.status === 'active') query = query.where('disabled_at', 'is', null);
  if (filter.status === 'disabled') query = query.where('disabled_at', 'is not', null);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('display_name').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { rows, total: Number(counted.total) };
}

export async function findStaffById(db: Kysely<Database>, staffId: string): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
}

export async function findStaffIdByUsername(db: Kysely<Database>, username: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id;
}

/** Accounts among these that are linked to a single sign-on identity. */
export async function staffWithIdentity(db: Kysely<Database>, staffIds: string[]): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await db.selectFrom('staff_identities').select('staff_id').distinct().where('staff_id', 'in', staffIds).execute();
  return new Set(rows.map((row) => row.staff_id));
}

export async function insertGrant(db: Kysely<Database>, staffId: string, grant: Pick<Grant, 'role' | 'scopeType' | 'scopeId'>): Promise<string> {
  const id = uuidv7();
  await db.insertInto('staff_roles').values({ id, staff_id: staffId, role: grant.role, scope_type: grant.scopeType, scope_id: grant.scopeId }).execute();
  return id;
}

export async function deleteGrant(db: Kysely<Database>, staffId: string, grantId: string): Promise<boolean> {
  const deleted = await db.deleteFrom('staff_roles').where('id', '=', grantId).where('staff_id', '=', staffId).returning('id').executeTakeFirst();
  return Boolean(deleted);
}
