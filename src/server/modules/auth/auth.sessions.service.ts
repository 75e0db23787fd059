import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, verifyPassword } from './auth.passwords.js';
import { listLiveSessions, revokeSession, revokeSessionsOf } from './auth.repo.js';
import type { SessionView } from './auth.schemas.js';
import { recordAttempt, refuseBusyAddress } from './auth.service.js';

export async function listMySessions(db: Kysely<Database>, context: StaffContext): Promise<SessionView[]> {
  const sessions = await listLiveSessions(db, context.actor.staffId);
  return sessions.map((session) => ({
    id: session.id,
    method: session.method,
    userAgent: session.user_agent,
    ip: session.ip,
    createdAt: session.created_at.toISOString(),
    lastSeenAt: session.last_seen_at.toISOString(),
    expiresAt: session.expires_at.toISOString(),
    secondFactorPending: session.second_factor_pending,
    current: session.id === context.actor.sessionId,
  }));
}

/** Ends one of my sessions (my own current one too: that is signing out). */
export async function endMySession(db: Kysely<Database>, context: StaffContext, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await revokeSession(trx, context.actor.staffId, sessionId))) throw AppError.notFound('The session');
    await recordAudit(trx, context, { action: 'auth.session_ended', resourceType: 'staff', resourceId: context.actor.staffId, details: { sessionId } });
  });
}

export async function endMyOtherSessions(db: Kysely<Database>, context: StaffContext): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await revokeSessionsOf(trx, context.actor.staffId, context.actor.sessionId);
    await recordAudit(trx, context, { action: 'auth.other_sessions_ended', resourceType: 'staff', resourceId: context.actor.staffId, details: { ended } });
    return ended;
  });
}

/**
 * For administrators (through the staff module): ends every session of someone, e.g. a lost laptop.
 * Call it inside the caller's transaction.
 */
export async function endAllSessionsOf(trx: Kysely<Database>, context: RequestContext, staffId: string, reason: string): Promise<number> {
  const ended = await revokeSessionsOf(trx, staffId);
  await recordAudit(trx, context, { action: 'auth.all_sessions_ended', resourceType: 'staff', resourceId: staffId, details: { ended, reason } });
  return ended;
}

/**
 * Changing my password needs the current one (a borrowed, unlocked browser is not enough) and ends
 * my other sessions, so whoever knew the old password is signed out everywhere.
 */
export async function changeMyPassword(
  db: Kysely<Database>,
  context: StaffContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const ip = context.ip ?? 'unknown';
  await refuseBusyAddress(db, ip);
  const staff = await db.selectFrom('staff').select(['username', 'password_hash']).where('id', '=', context.actor.staffId).executeTakeFirstOrThrow();
  if (!staff.password_hash) throw AppError.conflict('This account signs in through single sign-on and has no password here');
  if (!(await verifyPassword(staff.password_hash, input.currentPassword))) {
    await recordAttempt(db, staff.username, ip, false);
    throw AppError.invalid([{ path: 'body.currentPassword', message: 'The current password is not correct' }], 'The current password is not correct');
  }
  refuseWeakPassword(staff.username, input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() }).where('id', '=', context.actor.staffId).execute();
    const endedSessions = await revokeSessionsOf(trx, context.actor.staffId, context.actor.sessionId);
    await recordAudit(trx, context, { action: 'auth.password_changed', resourceType: 'staff', resourceId: context.actor.staffId, details: { endedSessions } });
    return { endedSessions };
  });
}

/**
 * An administrator sets someone's password (forgotten, or a first one): their sessions end and a
 * lockout is lifted. Call it inside the caller's transaction with a hash made beforehand.
 */
export async function setPasswordOf(trx: Kysely<Database>, context: RequestContext, staffId: string, passwordHash: string): Promise<number> {
  await trx
    .updateTable('staff')
    .set({ password_hash: passwordHash, password_changed_at: new Date(), failed_logins: 0, locked_until: null, updated_at: new Date() })
    .where('id', '=', staffId)
    .execute();
  const endedSessions = await revokeSessionsOf(trx, staffId);
  await recordAudit(trx, context, { action: 'auth.password_reset', resourceType: 'staff', resourceId: staffId, details: { endedSessions } });
  return endedSessions;
}

/** Rules beyond length (which the schema checks) that need the account. */
export function refuseWeakPassword(username: string, password: string, path = 'body.newPassword'): void {
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    throw AppError.invalid([{ path, message: 'The password must not be the username' }]);
  }
}
