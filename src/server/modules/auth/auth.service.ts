import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { decoyPasswordHash, verifyPassword } from './auth.passwords.js';
import { insertSession } from './auth.repo.js';

/** Failed attempts from one address in the window before it must wait, whatever the usernames. */
export const LOGIN_FAILURES_PER_ADDRESS = 20;
export const LOGIN_ADDRESS_WINDOW_MINUTES = 15;
/** How long someone has to enter the second-factor code after the password. */
export const PENDING_SESSION_MINUTES = 10;

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
}

export interface LoginResult {
  staffId: string;
  sessionToken: string;
  csrfToken: string;
  secondFactorRequired: boolean;
  expiresAt: Date;
}

export type LoginPolicy = Pick<Config, 'loginMaxFailures' | 'loginLockoutMinutes' | 'sessionHours'>;

export async function login(db: Kysely<Database>, policy: LoginPolicy, context: RequestContext, input: LoginInput): Promise<LoginResult> {
  const ip = context.ip ?? 'unknown';
  await refuseBusyAddress(db, ip);
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'username', 'password_hash', 'totp_enabled', 'failed_logins', 'locked_until', 'disabled_at'])
    .where('username', '=', input.username)
    .executeTakeFirst();

  if (staff?.locked_until && staff.locked_until > new Date()) {
    await recordAttempt(db, input.username, ip, false);
    const retryAfterSeconds = Math.ceil((staff.locked_until.getTime() - Date.now()) / 1000);
    throw new AppError('account_locked', 'This account is locked after too many failed sign-ins; try again later', { retryAfterSeconds });
  }

  const passwordMatches = await verifyPassword(staff?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!staff || !staff.password_hash || staff.disabled_at || !passwordMatches) {
    await recordAttempt(db, input.username, ip, false);
    if (staff && !staff.disabled_at) await countFailure(db, staff.id, policy);
    throw new AppError('invalid_credentials', 'The username or password is not correct');
  }

  // A password alone opens only a short pending session when a second factor follows; the failure
  // count is kept until the code is right, so wrong codes lock the account like wrong passwords do.
  const expiresAt = new Date(Date.now() + (staff.totp_enabled ? PENDING_SESSION_MINUTES * 60_000 : policy.sessionHours * 3600_000));
  return db.transaction().execute(async (trx) => {
    await recordAttempt(trx, input.username, ip, true);
    if (!staff.totp_enabled) await trx.updateTable('staff').set({ failed_logins: 0, locked_until: null }).where('id', '=', staff.id).execute();
    const session = await insertSession(trx, {
      staffId: staff.id,
      method: 'password',
      secondFactorPending: staff.totp_enabled,
      ip: context.ip,
      userAgent: input.userAgent,
      expiresAt,
    });
    // The journal names the person signing in as the actor, so filtering by actor finds their sign-ins.
    const signingIn = { staffId: staff.id, username: staff.username, displayName: staff.username, grants: [], sessionId: session.id };
    await recordAudit(trx, { ...context, actor: signingIn }, {
      action: staff.totp_enabled ? 'auth.password_accepted' : 'auth.login',
      resourceType: 'staff',
      resourceId: staff.id,
      details: { username: staff.username, method: 'password' },
    });
    return {
      staffId: staff.id,
      sessionToken: session.token,
      csrfToken: session.csrfToken,
      secondFactorRequired: staff.totp_enabled,
      expiresAt,
    };
  });
}

export async function refuseBusyAddress(db: Kysely<Database>, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_ADDRESS_WINDOW_MINUTES * 60_000);
  const failures = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(failures.count) >= LOGIN_FAILURES_PER_ADDRESS) {
    const oldest = failures.oldest ? new Date(failures.oldest).getTime() : Date.now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + LOGIN_ADDRESS_WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
    throw new AppError('rate_limited', 'Too many failed sign-ins from this address; please wait', { retryAfterSeconds });
  }
}

export async function recordAttempt(db: Kysely<Database>, username: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insertInto('login_attempts').values({ username, ip, succeeded }).execute();
}

/**
 * Counts one more failure against an account in one statement (concurrent failures all count) and
 * locks it when the limit is reached. Returns true when this failure locked it.
 */
export async function countFailure(db: Kysely<Database>, staffId: string, policy: LoginPolicy): Promise<boolean> {
  const counted = await db
    .updateTable('staff')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', staffId)
    .returning('failed_logins')
    .executeTakeFirst();
  if (!counted || counted.failed_logins < policy.loginMaxFailures) return false;
  await db
    .updateTable('staff')
    .set({ failed_logins: 0, locked_until: new Date(Date.now() + policy.loginLockoutMinutes * 60_000) })
    .where('id', '=', staffId)
    .execute();
  return true;
}
