import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../access/actor.js';
import type { Database, Unit, UnitsTable } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordNetworkChange, withUniqueFields } from './network.changes.js';
import { ensureCanChange, ensureCanRead } from './network.policy.js';
import { presentUnit } from './network.presenters.js';
import * as repo from './network.units.repo.js';
import type { UnitInput, UnitPatch, UnitView } from './network.units.schemas.js';
import { loadReadableCentre } from './network.service.js';

/** For other modules: a unit as the API shows it, archived or not. */
export async function findUnitById(db: Kysely<Database>, unitId: string): Promise<UnitView | undefined> {
  const row = await repo.findUnit(db, unitId);
  return row ? presentUnit(row) : undefined;
}

/** The unit, when the actor may read its centre; otherwise the same 404 as for a unit that does not exist. */
export async function loadReadableUnit(db: Kysely<Database>, actor: Actor, unitId: string): Promise<Unit> {
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw AppError.notFound('The unit');
  ensureCanRead(actor, { centreId: unit.centre_id, unitId }, 'The unit');
  return unit;
}

export function refuseArchived(record: { archived_at: Date | null }, what: string): void {
  if (record.archived_at) throw AppError.conflict(`${what} is archived; restore it first`);
}

export async function listUnits(db: Kysely<Database>, context: StaffContext, centreId: string, includeArchived: boolean): Promise<UnitView[]> {
  await loadReadableCentre(db, context.actor, centreId);
  return (await repo.listUnits(db, centreId, includeArchived)).map(presentUnit);
}

export async function getUnit(db: Kysely<Database>, context: StaffContext, unitId: string): Promise<UnitView> {
  return presentUnit(await loadReadableUnit(db, context.actor, unitId));
}

function unitColumns(input: UnitPatch): Partial<Insertable<UnitsTable>> {
  const columns: Partial<Insertable<UnitsTable>> = {};
  if (input.code !== undefined) columns.code = input.code;
  if (input.name !== undefined) columns.name = input.name;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.organisation !== undefined) columns.organisation = input.organisation;
  if (input.location !== undefined) columns.location = input.location;
  return columns;
}

export async function createUnit(db: Kysely<Database>, context: StaffContext, centreId: string, input: UnitInput): Promise<UnitView> {
  const centre = await loadReadableCentre(db, context.actor, centreId);
  ensureCanChange(context.actor, 'network.manage_units', { centreId }, 'The centre');
  refuseArchived(centre, 'The centre');
  const row = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const inserted = await repo.insertUnit(trx, { id: uuidv7(), centre_id: centreId, ...unitColumns(input) } as Insertable<UnitsTable>);
      await recordNetworkChange(trx, context, { action: 'unit.create', resourceType: 'unit', resourceId: inserted.id, centreId, unitId: inserted.id, details: { code: inserted.code } });
      return inserted;
    }),
  );
  return presentUnit(row);
}

export async function updateUnit(db: Kysely<Database>, context: StaffContext, unitId: string, patch: UnitPatch): Promise<UnitView> {
  const unit = await loadReadableUnit(db, context.actor, unitId);
  ensureCanChange(context.actor, 'network.manage_units', { centreId: unit.centre_id, unitId }, 'The unit');
  const row = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const updated = await repo.updateUnit(trx, unitId, unitColumns(patch));
      await recordNetworkChange(trx, context, { action: 'unit.update', resourceType: 'unit', resourceId: unitId, centreId: unit.centre_id, unitId, details: { fields: Object.keys(patch) } });
      return updated;
    }),
  );
  return presentUnit(row);
}

export async function setUnitArchived(db: Kysely<Database>, context: StaffContext, unitId: string, archived: boolean): Promise<UnitView> {
  const unit = await loadReadableUnit(db, context.actor, unitId);
  ensureCanChange(context.actor, 'network.manage_units', { centreId: unit.centre_id, unitId }, 'The unit');
  await db.transaction().execute(async (trx) => {
    await repo.updateUnit(trx, unitId, { archived_at: archived ? new Date() : null });
    await recordNetworkChange(trx, context, { action: archived ? 'unit.archive' : 'unit.restore', resourceType: 'unit', resourceId: unitId, centreId: unit.centre_id, unitId });
  });
  return presentUnit((await repo.findUnit(db, unitId))!);
}
