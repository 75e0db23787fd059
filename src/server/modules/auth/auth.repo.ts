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
  return { staffId: staff.id, username: staff.username, displayName: staff.display_name, grants: await loadGrants(db, staffId), sessionId };
}

/**
 * Every request with a cookie asks this: the live session and its staff member (not disabled) in one
 * query, then the grants — two round trips on the hot path instead of three.
 */
export async function findSessionActor(db: Kysely<Database>, token: string): Promise<{ session: StaffSession; actor: Actor | undefined } | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .leftJoin('staff', (join) => join.onRef('staff.id', '=', 'staff_sessions.staff_id').on('staff.disabled_at', 'is', null))
    .selectAll('staff_sessions')
    .select(['staff.username', 'staff.display_name'])
    .where('staff_sessions.token_hash', '=', hashToken(token))
    .where('staff_sessions.revoked_at', 'is', null)
    .where('staff_sessions.expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return undefined;
  const { username, display_name: displayName, ...session } = row;
  if (session.second_factor_pending || username === null || displayName === null) return { session, actor: undefined };
  const grants = await loadGrants(db, session.staff_id);
  return { session, actor: { staffId: session.staff_id, username, displayName, grants, sessionId: session.id } };
}

async function loadGrants(db: Kysely<Database>, staffId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .leftJoin('units', (join) => join.onRef('units.id', '=', 'staff_roles.scope_id').on('staff_roles.scope_type', '=', 'unit'))
    .select(['staff_roles.role', 'staff_roles.scope_type', 'staff_roles.scope_id', 'units.centre_id as unit_centre_id'])
    .where('staff_roles.staff_id', '=', staffId)
    .execute();
  return rows.flatMap((row) =>
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
}

/** A session between password and second factor, or undefined when it is not (or no longer) one. */
export async function findPendingSessionByToken(db: Kysely<Database>, token: string): Promise<StaffSession | undefined> {
  const session = await findLiveSessionByToken(db, token);
  return session?.second_factor_pending ? session : undefined;
}

/**
 * Finishes a pending sign-in under a new token, so a token seen before the second factor (the pending
 * one) is worthless afterwards. The condition makes two concurrent completions produce one session.
 */
export async function promoteSession(db: Kysely<Database>, sessionId: string, expiresAt: Date): Promise<{ token: string; csrfToken: string } | undefined> {
  const token = newToken();
  const csrfToken = newToken();
  const updated = await db
    .updateTable('staff_sessions')
    .set({ token_hash: hashToken(token), csrf_token: csrfToken, second_factor_pending: false, expires_at: expiresAt, last_seen_at: new Date() })
    .where('id', '=', sessionId)
    .where('second_factor_pending', '=', true)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated ? { token, csrfToken } : undefined;
}

/** Sessions that still work (or wait for their second factor), newest first. */
export async function listLiveSessions(db: Kysely<Database>, staffId: string): Promise<StaffSession[]> {
  return db
    .selectFrom('staff_sessions')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one session of a staff member; false when it is not theirs or already over. */
export async function revokeSession(db: Kysely<Database>, staffId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .updateTable('staff_sessions')
    .set({ revoked_at: new Date() })
    .where('id', '=', sessionId)
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('id')
    .executeTakeFirst();
  return Boolean(ended);
}

/** Ends every live session of a staff member, except one when given; returns how many ended. */
export async function revokeSessionsOf(db: Kysely<Database>, staffId: string, exceptSessionId: string | null = null): Promise<number> {
  let query = db
    .updateTable('staff_sessions')
    .set({ revoked_at: new Date() })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date());
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const ended = await query.returning('id').execute();
  return ended.length;
}

export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Remembers what the identity provider's answer must match; stale rows are swept at the same time. */
export async function insertOidcLogin(db: Kysely<Database>, browserToken: string, login: PendingOidcLogin, expiresAt: Date): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('oidc_logins')
    .values({ browser_token_hash: hashToken(browserToken), state: login.state, nonce: login.nonce, code_verifier: login.codeVerifier, expires_at: expiresAt })
    .execute();
}

/** Takes a pending single sign-on out (each is used once), or undefined when unknown or too old. */
export async function takeOidcLogin(db: Kysely<Database>, browserToken: string): Promise<PendingOidcLogin | undefined> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('browser_token_hash', '=', hashToken(browserToken))
    .returning(['state', 'nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date()) return undefined;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}

export interface SsoCandidate {
  id: string;
  username: string;
  totp_enabled: boolean;
  disabled_at: Date | null;
}

export async function findStaffByIdentity(db: Kysely<Database>, issuer: string, subject: string): Promise<SsoCandidate | undefined> {
  return db
    .selectFrom('staff_identities')
    .innerJoin('staff', 'staff.id', 'staff_identities.staff_id')
    .select(['staff.id', 'staff.username', 'staff.totp_enabled', 'staff.disabled_at'])
    .where('staff_identities.issuer', '=', issuer)
    .where('staff_identities.subject', '=', subject)
    .executeTakeFirst();
}

/** Accounts whose e-mail is this one (case-insensitive: the column is citext). */
export async function findStaffByEmail(db: Kysely<Database>, email: string): Promise<SsoCandidate[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'username', 'totp_enabled', 'disabled_at'])
    .where('email', '=', email)
    .limit(2)
    .execute();
}

export async function linkIdentity(db: Kysely<Database>, issuer: string, subject: string, staffId: string): Promise<void> {
  await db.insertInto('staff_identities').values({ issuer, subject, staff_id: staffId }).execute();
}
