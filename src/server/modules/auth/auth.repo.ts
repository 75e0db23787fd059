import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { isRole } from '../../../shared/access.js';
import type { Actor, Grant } from '../../access/actor.js';
import type { Database, StaffSession } from '../../db/types.js';

export const SESSION_COOKIE = 'oneroof_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface NewSession {
  staffId: string;
  method: 'password' | 'oidc';
  secondFactorPending: boolean;
  ip: string | null;
  userAgent: string | null;
  expiresAt: Date;
}

/** Creates a session row; only the returned token (never stored) can use it. */
export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<{ id: string; token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const id = uuidv7();
  await db
    .insertInto('staff_sessions')
    .values({
      id,
      token_hash: hashToken(token),
      staff_id: session.staffId,
      csrf_token: csrfToken,
      second_factor_pending: session.secondFactorPending,
      method: session.method,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 400) ?? null,
      expires_at: session.expiresAt,
    })
    .execute();
  return { id, token, csrfToken };
}

export async function findLiveSessionByToken(db: Kysely<Database>, token: string): Promise<StaffSession | undefined> {
  return db
    .selectFrom('staff_sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

/** Loads the staff member with every grant, each placed in its centre. Disabled accounts have none. */
export async function loadActor(db: Kysely<Database>, staffId: string, sessionId: string | null): Promise<Actor | undefined> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name'])
    .where('id', '=', staffId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!staff) return undefined;
  const rows = await db
    .selectFrom('staff_roles')
    .leftJoin('units', (join) => join.onRef('units.id', '=', 'staff_roles.scope_id').on('staff_roles.scope_type', '=', 'unit'))
    .select(['staff_roles.role', 'staff_roles.scope_type', 'staff_roles.scope_id', 'units.centre_id as unit_centre_id'])
    .where('staff_roles.staff_id', '=', staffId)
    .execute();
  const grants: Grant[] = rows.flatMap((row) =>
    isRole(row.role)
      ? [
          {
            role: row.role,
            scopeType: row.scope_type,
            scopeId: row.scope_id,
            centreId: row.scope_type === 'centre' ? row.scope_id : row.scope_type === 'unit' ? row.unit_centre_id : null,
          },
        ]
      : [],
  );
  return { staffId: staff.id, username: staff.username, displayName: staff.display_name, grants, sessionId };
}
