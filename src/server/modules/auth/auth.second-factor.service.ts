import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPendingSessionByToken, promoteSession, revokeSession } from './auth.repo.js';
import { countFailure, recordAttempt, refuseBusyAddress } from './auth.service.js';
import { checkStaffCode, consumeTotpStep } from './auth.totp.service.js';

/** Wrong codes a pending sign-in may enter before it ends and the password is asked again. */
export const SECOND_FACTOR_ATTEMPTS_PER_SESSION = 3;

type SecondFactorSettings = Pick<Config, 'dataDir' | 'sessionHours' | 'loginMaxFailures' | 'loginLockoutMinutes'>;

export interface SecondFactorResult {
  staffId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

type Outcome =
  | { kind: 'signed_in'; result: SecondFactorResult }
  | { kind: 'wrong'; sessionEnded: boolean; accountLocked: boolean };

/**
 * The second step of signing in. Wrong codes count three ways: against the pending session (a few
 * end it), against the account (the same lockout as wrong passwords) and against the address.
 */
export async function completeSecondFactor(
  db: Kysely<Database>,
  settings: SecondFactorSettings,
  context: RequestContext,
  input: { sessionToken: string; code: string },
): Promise<SecondFactorResult> {
  const session = await findPendingSessionByToken(db, input.sessionToken);
  if (!session) throw new AppError('unauthenticated', 'This sign-in has ended; please enter your password again');
  const ip = context.ip ?? 'unknown';
  await refuseBusyAddress(db, ip);
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'username', 'totp_enabled', 'locked_until', 'disabled_at'])
    .where('id', '=', session.staff_id)
    .executeTakeFirstOrThrow();
  if (staff.disabled_at) {
    await revokeSession(db, staff.id, session.id);
    throw new AppError('unauthenticated', 'This sign-in has ended; please enter your password again');
  }
  if (staff.locked_until && staff.locked_until > new Date()) {
    await revokeSession(db, staff.id, session.id);
    throw lockedError(staff.locked_until);
  }
  const step = staff.totp_enabled ? await checkStaffCode(db, settings, staff.id, input.code) : undefined;
  const audited = { ...context, actor: null };

  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    if (step !== undefined && (await consumeTotpStep(trx, staff.id, step))) {
      const expiresAt = new Date(Date.now() + settings.sessionHours * 3600_000);
      const promoted = await promoteSession(trx, session.id, expiresAt);
      if (promoted) {
        await trx.updateTable('staff').set({ failed_logins: 0, locked_until: null }).where('id', '=', staff.id).execute();
        await recordAttempt(trx, staff.username, ip, true);
        await recordAudit(trx, audited, {
          action: 'auth.login',
          resourceType: 'staff',
          resourceId: staff.id,
          details: { username: staff.username, method: session.method, secondFactor: 'totp' },
        });
        return { kind: 'signed_in', result: { staffId: staff.id, sessionToken: promoted.token, csrfToken: promoted.csrfToken, expiresAt } };
      }
    }
    const counted = await trx
      .updateTable('staff_sessions')
      .set({ second_factor_failures: sql<number>`second_factor_failures + 1` })
      .where('id', '=', session.id)
      .returning('second_factor_failures')
      .executeTakeFirstOrThrow();
    await recordAttempt(trx, staff.username, ip, false);
    const accountLocked = await countFailure(trx, staff.id, settings);
    const sessionEnded = accountLocked || counted.second_factor_failures >= SECOND_FACTOR_ATTEMPTS_PER_SESSION;
    if (sessionEnded) await revokeSession(trx, staff.id, session.id);
    await recordAudit(trx, audited, {
      action: 'auth.second_factor_failed',
      resourceType: 'staff',
      resourceId: staff.id,
      details: { username: staff.username, attempt: counted.second_factor_failures, sessionEnded, accountLocked },
    });
    return { kind: 'wrong', sessionEnded, accountLocked };
  });

  if (outcome.kind === 'signed_in') return outcome.result;
  if (outcome.accountLocked) throw lockedError(new Date(Date.now() + settings.loginLockoutMinutes * 60_000));
  if (outcome.sessionEnded) throw new AppError('unauthenticated', 'Too many wrong codes: please enter your password again');
  throw new AppError('invalid_credentials', 'The code is not correct; try the newest code from your app');
}

function lockedError(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('account_locked', 'This account is locked after too many failed sign-ins; try again later', { retryAfterSeconds });
}
