import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ROLES, type ScopeType } from '../../../shared/access.js';
import { actorMay, centresOf, type Grant } from '../../access/actor.js';
import type { Database, Staff } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.passwords.js';
import { endAllSessionsOf, refuseWeakPassword, setPasswordOf } from '../auth/auth.sessions.service.js';
import { resetSecondFactorOf } from '../auth/auth.totp.service.js';
import { mayGrant, managesWholeNetwork, type StaffTarget } from './staff.policy.js';
import { findCentreById, getNetwork, listCentres } from '../network/network.service.js';
import { findUnitById, listUnits } from '../network/network.units.service.js';
import { deleteGrant, findStaffById, findStaffIdByUsername, insertGrant, listStaff, loadGrants, staffWithIdentity, type StoredGrant } from './staff.repo.js';
import type { CreateStaffBody, GrantableScopes, StaffGrantInput, StaffListQuery, StaffView, UpdateStaffBody } from './staff.schemas.js';

/** An account with its grants: what the policy judges and the screens show. */
export interface LoadedStaff extends StaffTarget {
  row: Staff;
  grants: StoredGrant[];
}

function present(staff: LoadedStaff, ssoLinked: boolean): StaffView {
  const { row } = staff;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    languages: row.languages,
    locale: row.locale,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    totpEnabled: row.totp_enabled,
    hasPassword: row.password_hash !== null,
    ssoLinked,
    createdAt: row.created_at.toISOString(),
    grants: staff.grants.map(({ staffId: _staffId, grantedAt, ...grant }) => ({ ...grant, grantedAt: grantedAt.toISOString() })),
  };
}

export async function listStaffFor(db: Kysely<Database>, context: StaffContext, query: StaffListQuery): Promise<{ items: StaffView[]; total: number }> {
  const readable = centresOf(context.actor, 'staff.read');
  const { rows, total } = await listStaff(db, { ...readable, ...query });
  const ids = rows.map((row) => row.id);
  const [grants, linked] = await Promise.all([loadGrants(db, ids), staffWithIdentity(db, ids)]);
  const items = rows.map((row) => present({ id: row.id, row, grants: grants.filter((grant) => grant.staffId === row.id) }, linked.has(row.id)));
  return { items, total };
}

/** The account with its grants; not_found when it does not exist. Callers check the policy next. */
export async function getStaff(db: Kysely<Database>, staffId: string): Promise<LoadedStaff> {
  const row = await findStaffById(db, staffId);
  if (!row) throw AppError.notFound('The staff member');
  return { id: row.id, row, grants: await loadGrants(db, [row.id]) };
}

export async function viewStaff(db: Kysely<Database>, staff: LoadedStaff): Promise<StaffView> {
  return present(staff, (await staffWithIdentity(db, [staff.id])).has(staff.id));
}

/** The centre a place lies in (null for the network), or why it cannot be granted on. */
async function findScope(db: Kysely<Database>, context: StaffContext, scopeType: ScopeType, scopeId: string): Promise<{ centreId: string | null } | string> {
  switch (scopeType) {
    case 'network': {
      const network = await getNetwork(db, context).catch(() => undefined);
      return network?.id === scopeId ? { centreId: null } : 'No network has this id';
    }
    case 'centre': {
      const centre = await findCentreById(db, scopeId);
      if (!centre) return 'No centre has this id';
      return centre.archivedAt ? 'This centre is archived' : { centreId: centre.id };
    }
    case 'unit': {
      const unit = await findUnitById(db, scopeId);
      if (!unit) return 'No unit has this id';
      return unit.archivedAt ? 'This unit is archived' : { centreId: unit.centreId };
    }
  }
}

/** Checks that each grant's place exists, and places it in its centre. `fieldOf` names the field of a bad one. */
export async function resolveGrants(db: Kysely<Database>, context: StaffContext, inputs: StaffGrantInput[], fieldOf: (index: number) => string): Promise<Grant[]> {
  const grants: Grant[] = [];
  for (const [index, input] of inputs.entries()) {
    const scope = await findScope(db, context, input.scopeType, input.scopeId);
    if (typeof scope === 'string') throw AppError.invalid([{ path: fieldOf(index), message: scope }]);
    grants.push({ ...input, centreId: scope.centreId });
  }
  return grants;
}

export async function createStaffAccount(db: Kysely<Database>, context: StaffContext, body: CreateStaffBody, grants: Grant[]): Promise<LoadedStaff> {
  if (await findStaffIdByUsername(db, body.username)) throw new AppError('already_exists', 'This username is taken', { fields: [{ path: 'body.username', message: 'This username is taken' }] });
  if (body.password) refuseWeakPassword(body.username, body.password, 'body.password');
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff')
      .values({
        id,
        username: body.username,
        display_name: body.displayName,
        email: body.email,
        languages: body.languages,
        ...(body.locale ? { locale: body.locale } : {}),
        password_hash: passwordHash,
        password_changed_at: passwordHash ? new Date() : null,
      })
      .execute();
    for (const grant of grants) await insertGrant(trx, id, grant);
    await recordAudit(trx, context, {
      action: 'staff.create',
      resourceType: 'staff',
      resourceId: id,
      details: { username: body.username, withPassword: Boolean(passwordHash), grants: grants.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })) },
    });
  });
  return getStaff(db, id);
}

export async function updateStaffAccount(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff, body: UpdateStaffBody): Promise<LoadedStaff> {
  const before = { displayName: staff.row.display_name, email: staff.row.email, languages: staff.row.languages, locale: staff.row.locale };
  const changes = Object.fromEntries(
    Object.entries(body)
      .filter(([field, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field as keyof typeof before]))
      .map(([field, value]) => [field, { from: before[field as keyof typeof before], to: value }]),
  );
  if (Object.keys(changes).length === 0) return staff;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({
        ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
        ...(body.email !== undefined ? { email: body.email } : {}),
        ...(body.languages !== undefined ? { languages: body.languages } : {}),
        ...(body.locale !== undefined ? { locale: body.locale } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', staff.id)
      .execute();
    await recordAudit(trx, context, { action: 'staff.update', resourceType: 'staff', resourceId: staff.id, details: { changes } });
  });
  return getStaff(db, staff.id);
}

/** Disabling ends every session at once; enabling also lifts a lockout. */
export async function setStaffDisabled(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff, disabled: boolean): Promise<LoadedStaff> {
  if ((staff.row.disabled_at !== null) === disabled) return staff;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set(disabled ? { disabled_at: new Date(), updated_at: new Date() } : { disabled_at: null, failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', staff.id)
      .execute();
    if (disabled) await endAllSessionsOf(trx, context, staff.id, 'account disabled');
    await recordAudit(trx, context, { action: disabled ? 'staff.disable' : 'staff.enable', resourceType: 'staff', resourceId: staff.id, details: { username: staff.row.username } });
  });
  return getStaff(db, staff.id);
}

export async function grantRole(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff, grant: Grant): Promise<StoredGrant> {
  const existing = staff.grants.find((g) => g.role === grant.role && g.scopeType === grant.scopeType && g.scopeId === grant.scopeId);
  if (existing) return existing;
  const grantId = await db.transaction().execute(async (trx) => {
    const id = await insertGrant(trx, staff.id, grant);
    await recordAudit(trx, context, {
      action: 'staff.role_grant',
      resourceType: 'staff',
      resourceId: staff.id,
      centreId: grant.centreId,
      unitId: grant.scopeType === 'unit' ? grant.scopeId : null,
      details: { grantId: id, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
    return id;
  });
  const stored = (await loadGrants(db, [staff.id])).find((g) => g.id === grantId);
  if (!stored) throw AppError.notFound('The role');
  return stored;
}

export async function revokeRole(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff, grant: StoredGrant): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteGrant(trx, staff.id, grant.id))) throw AppError.notFound('The role');
    await recordAudit(trx, context, {
      action: 'staff.role_revoke',
      resourceType: 'staff',
      resourceId: staff.id,
      centreId: grant.centreId,
      unitId: grant.scopeType === 'unit' ? grant.scopeId : null,
      details: { grantId: grant.id, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
  });
}

export async function resetStaffPassword(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff, newPassword: string): Promise<number> {
  refuseWeakPassword(staff.row.username, newPassword);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute((trx) => setPasswordOf(trx, context, staff.id, passwordHash));
}

export async function endStaffSessions(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff): Promise<number> {
  return db.transaction().execute((trx) => endAllSessionsOf(trx, context, staff.id, 'ended by an administrator'));
}

/** Someone lost their phone: the second factor is off (they set it up again) and their sessions end. */
export async function resetStaffSecondFactor(db: Kysely<Database>, context: StaffContext, staff: LoadedStaff): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await resetSecondFactorOf(trx, context, staff.id))) throw AppError.conflict('2-step verification is not set up for this account');
    await endAllSessionsOf(trx, context, staff.id, 'second factor reset');
  });
}

/** The places and roles this manager's pickers offer, cut to what the policy would accept. */
export async function grantableScopesFor(db: Kysely<Database>, context: StaffContext): Promise<GrantableScopes> {
  const { actor } = context;
  const everywhere = managesWholeNetwork(actor);
  const centres = [];
  for (const centre of await listCentres(db, context, { includeArchived: false })) {
    const units = (await listUnits(db, context, centre.id, false))
      .filter((unit) => everywhere || actorMay(actor, 'staff.manage', { centreId: centre.id, unitId: unit.id }))
      .map((unit) => ({ id: unit.id, name: unit.name }));
    if (everywhere || units.length > 0 || actorMay(actor, 'staff.manage', { centreId: centre.id })) centres.push({ id: centre.id, name: centre.name, units });
  }
  const places: Grant[] = centres.flatMap((centre) => [
    { role: 'network_admin' as const, scopeType: 'centre' as const, scopeId: centre.id, centreId: centre.id },
    ...centre.units.map((unit) => ({ role: 'network_admin' as const, scopeType: 'unit' as const, scopeId: unit.id, centreId: centre.id })),
  ]);
  const roles = ROLES.filter((role) => everywhere || places.some((place) => mayGrant(actor, { ...place, role })));
  const network = everywhere ? await getNetwork(db, context).catch(() => undefined) : undefined;
  return { network: network ? { id: network.id, name: network.name } : null, centres, roles };
}
