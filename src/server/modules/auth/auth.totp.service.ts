import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeSession } from './auth.repo.js';
import { describeEnrolment, matchTotpCode, newTotpSecret, openTotpSecret, sealTotpSecret, type TotpEnrolment } from './auth.totp.js';

/** Wrong codes one signed-in session may enter when turning the second factor off before it ends. */
export const TOTP_DISABLE_ATTEMPTS_PER_SESSION = 5;

type SecretSettings = Pick<Config, 'dataDir'>;

const wrongCode = () => AppError.invalid([{ path: 'body.code', message: 'The code is not correct; check the time on your phone and try the newest code' }], 'The code is not correct');

/**
 * Records a code's time step as used. Only a step newer than the last one passes, so each code works
 * once, and an older code (still inside the drift window) cannot follow a newer one.
 */
export async function consumeTotpStep(db: Kysely<Database>, staffId: string, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('staff')
    .set({ totp_last_step: step })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}

/** The step of a right, unused-so-far code for this staff member's enabled or pending seed. */
export async function checkStaffCode(db: Kysely<Database>, settings: SecretSettings, staffId: string, code: string): Promise<number | undefined> {
  const staff = await db.selectFrom('staff').select(['totp_secret']).where('id', '=', staffId).executeTakeFirst();
  if (!staff?.totp_secret) return undefined;
  const secret = await openTotpSecret(settings.dataDir, staffId, staff.totp_secret);
  return secret ? matchTotpCode(secret, code) : undefined;
}

export async function secondFactorStatus(db: Kysely<Database>, context: StaffContext): Promise<{ enabled: boolean }> {
  const staff = await db.selectFrom('staff').select('totp_enabled').where('id', '=', context.actor.staffId).executeTakeFirstOrThrow();
  return { enabled: staff.totp_enabled };
}

/** Step 1 of enrolment: a fresh seed is stored (not yet enabled) and shown once. */
export async function startTotpEnrolment(db: Kysely<Database>, settings: SecretSettings, context: StaffContext): Promise<TotpEnrolment> {
  const staffId = context.actor.staffId;
  const secret = newTotpSecret();
  const sealed = await sealTotpSecret(settings.dataDir, staffId, secret);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('staff')
      .set({ totp_secret: sealed, totp_last_step: null, updated_at: new Date() })
      .where('id', '=', staffId)
      .where('totp_enabled', '=', false)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw AppError.conflict('2-step verification is already on; turn it off first to set up a new phone');
    await recordAudit(trx, context, { action: 'auth.totp_enrolment_started', resourceType: 'staff', resourceId: staffId });
  });
  return describeEnrolment(secret, context.actor.username);
}

/** Step 2 of enrolment: a right code from the new seed proves the phone has it; then it is on. */
export async function confirmTotpEnrolment(db: Kysely<Database>, settings: SecretSettings, context: StaffContext, code: string): Promise<void> {
  const staffId = context.actor.staffId;
  const staff = await db.selectFrom('staff').select(['totp_enabled', 'totp_secret']).where('id', '=', staffId).executeTakeFirstOrThrow();
  if (staff.totp_enabled) throw AppError.conflict('2-step verification is already on');
  if (!staff.totp_secret) throw AppError.conflict('Start the set-up first: no code was prepared for this account');
  const step = await checkStaffCode(db, settings, staffId, code);
  if (step === undefined) throw wrongCode();
  await db.transaction().execute(async (trx) => {
    if (!(await consumeTotpStep(trx, staffId, step))) throw wrongCode();
    await trx.updateTable('staff').set({ totp_enabled: true, updated_at: new Date() }).where('id', '=', staffId).execute();
    await recordAudit(trx, context, { action: 'auth.totp_enabled', resourceType: 'staff', resourceId: staffId });
  });
}

/**
 * Turns the second factor off with a current code. Wrong codes count against the session: after a
 * few it ends, so a borrowed, unlocked browser cannot try codes until one matches.
 */
export async function disableTotp(db: Kysely<Database>, settings: SecretSettings, context: StaffContext, code: string): Promise<void> {
  const staffId = context.actor.staffId;
  const staff = await db.selectFrom('staff').select(['totp_enabled']).where('id', '=', staffId).executeTakeFirstOrThrow();
  if (!staff.totp_enabled) throw AppError.conflict('2-step verification is not on');
  const step = await checkStaffCode(db, settings, staffId, code);
  const outcome = await db.transaction().execute(async (trx) => {
    if (step !== undefined && (await consumeTotpStep(trx, staffId, step))) {
      await trx.updateTable('staff').set({ totp_enabled: false, totp_secret: null, totp_last_step: null, updated_at: new Date() }).where('id', '=', staffId).execute();
      await recordAudit(trx, context, { action: 'auth.totp_disabled', resourceType: 'staff', resourceId: staffId });
      return 'disabled' as const;
    }
    const sessionId = context.actor.sessionId;
    if (!sessionId) return 'wrong' as const;
    const counted = await trx
      .updateTable('staff_sessions')
      .set({ second_factor_failures: sql<number>`second_factor_failures + 1` })
      .where('id', '=', sessionId)
      .returning('second_factor_failures')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, { action: 'auth.second_factor_failed', resourceType: 'staff', resourceId: staffId, details: { purpose: 'disable' } });
    if (counted.second_factor_failures < TOTP_DISABLE_ATTEMPTS_PER_SESSION) return 'wrong' as const;
    await revokeSession(trx, staffId, sessionId);
    return 'session_ended' as const;
  });
  if (outcome === 'session_ended') throw new AppError('unauthenticated', 'Too many wrong codes: please sign in again');
  if (outcome === 'wrong') throw wrongCode();
}

/** For an administrator when someone lost their phone: the second factor is off until set up again. */
export async function resetSecondFactorOf(trx: Kysely<Database>, context: RequestContext, staffId: string): Promise<boolean> {
  const updated = await trx
    .updateTable('staff')
    .set({ totp_enabled: false, totp_secret: null, totp_last_step: null, updated_at: new Date() })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_enabled', '=', true), eb('totp_secret', 'is not', null)]))
    .returning('id')
    .executeTakeFirst();
  if (updated) await recordAudit(trx, context, { action: 'auth.totp_reset', resourceType: 'staff', resourceId: staffId });
  return Boolean(updated);
}
