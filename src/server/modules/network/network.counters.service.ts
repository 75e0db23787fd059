import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../access/actor.js';
import type { CountersTable, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordNetworkChange, withUniqueFields } from './network.changes.js';
import { ensureCanChange, ensureCanRead } from './network.policy.js';
import { presentCounter } from './network.presenters.js';
import * as repo from './network.units.repo.js';
import type { CounterInput, CounterPatch, CounterView } from './network.units.schemas.js';
import { loadReadableUnit, refuseArchived } from './network.units.service.js';

/** Desks of a unit and the services each can serve; managing them is managing the unit's services. */

/** For other modules: a counter as the API shows it, archived or not. */
export async function findCounterById(db: Kysely<Database>, counterId: string): Promise<CounterView | undefined> {
  const row = await repo.findCounter(db, counterId);
  return row ? presentCounter(row) : undefined;
}

async function loadReadableCounter(db: Kysely<Database>, actor: Actor, counterId: string): Promise<repo.CounterRow> {
  const counter = await repo.findCounter(db, counterId);
  if (!counter) throw AppError.notFound('The counter');
  ensureCanRead(actor, { centreId: counter.centre_id, unitId: counter.unit_id }, 'The counter');
  return counter;
}

export async function listCounters(db: Kysely<Database>, context: StaffContext, unitId: string, includeArchived: boolean): Promise<CounterView[]> {
  await loadReadableUnit(db, context.actor, unitId);
  return (await repo.listCounters(db, unitId, includeArchived)).map(presentCounter);
}

export async function getCounter(db: Kysely<Database>, context: StaffContext, counterId: string): Promise<CounterView> {
  return presentCounter(await loadReadableCounter(db, context.actor, counterId));
}

/** A counter serves only live services of its own centre; each stranger is named by its position. */
async function checkServices(db: Kysely<Database>, centreId: string, serviceIds: readonly string[] | undefined): Promise<void> {
  if (!serviceIds || serviceIds.length === 0) return;
  const known = await repo.liveServiceIdsOfCentre(db, centreId, serviceIds);
  const errors = serviceIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `body.serviceIds.${index}`, message: 'is not a service of this centre' }]));
  if (errors.length > 0) throw AppError.invalid(errors);
}

function counterColumns(input: CounterPatch): Partial<Insertable<CountersTable>> {
  const columns: Partial<Insertable<CountersTable>> = {};
  if (input.label !== undefined) columns.label = input.label;
  if (input.location !== undefined) columns.location = input.location;
  return columns;
}

export async function createCounter(db: Kysely<Database>, context: StaffContext, unitId: string, input: CounterInput): Promise<CounterView> {
  const unit = await loadReadableUnit(db, context.actor, unitId);
  const place = { centreId: unit.centre_id, unitId };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The unit');
  refuseArchived(unit, 'The unit');
  await checkServices(db, unit.centre_id, input.serviceIds);
  const id = uuidv7();
  await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      await repo.insertCounter(trx, { id, unit_id: unitId, ...counterColumns(input) } as Insertable<CountersTable>);
      await repo.replaceCounterServices(trx, id, input.serviceIds ?? []);
      await repo.replaceCounterBreaks(trx, id, input.breaks ?? []);
      await recordNetworkChange(trx, context, { action: 'counter.create', resourceType: 'counter', resourceId: id, ...place, details: { label: input.label } });
    }),
  );
  return presentCounter((await repo.findCounter(db, id))!);
}

export async function updateCounter(db: Kysely<Database>, context: StaffContext, counterId: string, patch: CounterPatch): Promise<CounterView> {
  const counter = await loadReadableCounter(db, context.actor, counterId);
  const place = { centreId: counter.centre_id, unitId: counter.unit_id };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The counter');
  await checkServices(db, counter.centre_id, patch.serviceIds);
  await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      await repo.updateCounter(trx, counterId, counterColumns(patch));
      if (patch.serviceIds !== undefined) await repo.replaceCounterServices(trx, counterId, patch.serviceIds);
      if (patch.breaks !== undefined) await repo.replaceCounterBreaks(trx, counterId, patch.breaks);
      await recordNetworkChange(trx, context, { action: 'counter.update', resourceType: 'counter', resourceId: counterId, ...place, details: { fields: Object.keys(patch) } });
    }),
  );
  return presentCounter((await repo.findCounter(db, counterId))!);
}

export async function setCounterArchived(db: Kysely<Database>, context: StaffContext, counterId: string, archived: boolean): Promise<CounterView> {
  const counter = await loadReadableCounter(db, context.actor, counterId);
  const place = { centreId: counter.centre_id, unitId: counter.unit_id };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The counter');
  await db.transaction().execute(async (trx) => {
    await repo.updateCounter(trx, counterId, { archived_at: archived ? new Date() : null });
    await recordNetworkChange(trx, context, { action: archived ? 'counter.archive' : 'counter.restore', resourceType: 'counter', resourceId: counterId, ...place });
  });
  return presentCounter((await repo.findCounter(db, counterId))!);
}
