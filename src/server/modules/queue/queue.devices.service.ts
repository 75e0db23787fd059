import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCentreById } from '../network/network.service.js';
import { findUnitById } from '../network/network.units.service.js';
import { ensureCan } from './queue.policy.js';
import * as repo from './queue.public.repo.js';
import type { DailyQuotaInput, DailyQuotaView, DeviceInput, DeviceList, DeviceView, NewDeviceView } from './queue.public.schemas.js';

/**
 * Screens and kiosks sign in with nobody at them: a centre manager creates a device token, types it
 * into the device's address once, and can revoke it. Only a hash is stored (a database leak does not
 * leak working tokens); the token is long and random, so a fast hash is enough.
 */

const TOKEN_PREFIX = { screen: 'scr_', kiosk: 'ksk_' } as const;

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function present(device: repo.QueueDevice): DeviceView {
  return {
    id: device.id,
    kind: device.kind,
    centreId: device.centre_id,
    unitId: device.unit_id,
    label: device.label,
    createdAt: device.created_at.toISOString(),
    revokedAt: device.revoked_at?.toISOString() ?? null,
  };
}

/** Device tokens are the centre's business: queue.manage on the whole centre (a centre manager), not one unit. */
async function loadManagedCentre(db: Kysely<Database>, context: StaffContext, centreId: string) {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCan(context.actor, 'queue.manage', { centreId }, 'The centre');
  return centre;
}

export async function createDevice(db: Kysely<Database>, context: StaffContext, centreId: string, input: DeviceInput): Promise<NewDeviceView> {
  const centre = await loadManagedCentre(db, context, centreId);
  if (centre.archivedAt) throw AppError.conflict('The centre is archived');
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await findUnitById(db, unitId);
    if (!unit || unit.centreId !== centreId) throw AppError.invalid([{ path: 'body.unitId', message: 'is not a unit of this centre' }]);
  }
  const token = `${TOKEN_PREFIX[input.kind]}${randomBytes(32).toString('base64url')}`;
  const device = await db.transaction().execute(async (trx) => {
    const row = await repo.insertDevice(trx, {
      id: uuidv7(),
      kind: input.kind,
      centre_id: centreId,
      unit_id: unitId,
      label: input.label,
      token_hash: hashDeviceToken(token),
      created_by: context.actor.staffId,
    });
    await recordAudit(trx, context, { action: `queue.device.create`, resourceType: 'queue_device', resourceId: row.id, centreId, unitId, details: { kind: row.kind, label: row.label } });
    return row;
  });
  const page = input.kind === 'screen' ? 'display' : 'kiosk';
  return { device: present(device), token, path: `/${page}/${centreId}?token=${encodeURIComponent(token)}` };
}

export async function listDevices(db: Kysely<Database>, context: StaffContext, centreId: string): Promise<DeviceList> {
  await loadManagedCentre(db, context, centreId);
  return { items: (await repo.listDevices(db, centreId)).map(present) };
}

/** Revoking ends the device's open streams at their next heartbeat and refuses its next request. */
export async function revokeDevice(db: Kysely<Database>, context: StaffContext, deviceId: string): Promise<DeviceView> {
  const device = await repo.findDevice(db, deviceId);
  if (!device) throw AppError.notFound('The device');
  await loadManagedCentre(db, context, device.centre_id);
  if (device.revoked_at) return present(device);
  return db.transaction().execute(async (trx) => {
    const revoked = (await repo.revokeDevice(trx, device.id, context.actor.staffId, new Date())) ?? device;
    await recordAudit(trx, context, { action: 'queue.device.revoke', resourceType: 'queue_device', resourceId: device.id, centreId: device.centre_id, unitId: device.unit_id, details: { kind: device.kind, label: device.label } });
    return present(revoked);
  });
}

/**
 * The device behind a token, for a public request to a centre. Unknown token: 401 (as for a
 * missing sign-in); a revoked one, another kind or another centre's: 403.
 */
export async function authoriseDevice(db: Kysely<Database>, token: string, kind: repo.QueueDevice['kind'], centreId: string): Promise<repo.QueueDevice> {
  const device = await repo.findDeviceByTokenHash(db, hashDeviceToken(token));
  const what = kind === 'screen' ? 'screen' : 'kiosk';
  if (!device) throw new AppError('unauthenticated', `Unknown ${what} token`);
  if (device.revoked_at) throw AppError.forbidden(`This ${what} token was revoked`);
  if (device.kind !== kind || device.centre_id !== centreId) throw AppError.forbidden(`This token is not a ${what} token of this centre`);
  return device;
}

/** Whether a device may still use its token (asked at each heartbeat of its stream). */
export async function deviceStillAllowed(db: Kysely<Database>, deviceId: string): Promise<boolean> {
  const device = await repo.findDevice(db, deviceId);
  return device !== undefined && device.revoked_at === null;
}

/** A service's kiosk quota per day: queue.manage at its unit. */
export async function setServiceDailyQuota(db: Kysely<Database>, context: StaffContext, serviceId: string, input: DailyQuotaInput): Promise<DailyQuotaView> {
  const service = await repo.serviceWithCentre(db, serviceId);
  if (!service) throw AppError.notFound('The service');
  ensureCan(context.actor, 'queue.manage', { centreId: service.centre_id, unitId: service.unit_id }, 'The service');
  await db.transaction().execute(async (trx) => {
    await repo.setDailyQuota(trx, serviceId, input.dailyQuota);
    await recordAudit(trx, context, { action: 'queue.service.daily_quota', resourceType: 'service', resourceId: serviceId, unitId: service.unit_id, details: { from: service.daily_quota, to: input.dailyQuota } });
  });
  return { serviceId, dailyQuota: input.dailyQuota };
}
