import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../access/actor.js';
import type { Database, ServicesTable } from '../../db/types.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { duplicatePrefix, recordNetworkChange, withUniqueFields } from './network.changes.js';
import { ensureCanChange, ensureCanRead } from './network.policy.js';
import { presentService } from './network.presenters.js';
import { hostLanguageOfCentre, lockCentre } from './network.repo.js';
import { loadReadableCentre } from './network.service.js';
import * as repo from './network.units.repo.js';
import type { ServiceInput, ServicePatch, ServiceView } from './network.units.schemas.js';
import { loadReadableUnit, refuseArchived } from './network.units.service.js';

/** The services a unit offers: what people come for, with names, durations and ticket prefixes. */

/** For other modules: a service as the API shows it, archived or not. */
export async function findServiceById(db: Kysely<Database>, serviceId: string): Promise<ServiceView | undefined> {
  const row = await repo.findService(db, serviceId);
  return row ? presentService(row) : undefined;
}

async function loadReadableService(db: Kysely<Database>, actor: Actor, serviceId: string): Promise<repo.ServiceRow> {
  const service = await repo.findService(db, serviceId);
  if (!service) throw AppError.notFound('The service');
  ensureCanRead(actor, { centreId: service.centre_id, unitId: service.unit_id }, 'The service');
  return service;
}

export async function listServicesOfUnit(db: Kysely<Database>, context: StaffContext, unitId: string, includeArchived: boolean): Promise<ServiceView[]> {
  await loadReadableUnit(db, context.actor, unitId);
  return (await repo.listServicesOfUnit(db, unitId, includeArchived)).map(presentService);
}

export async function listServicesOfCentre(db: Kysely<Database>, context: StaffContext, centreId: string, includeArchived: boolean): Promise<ServiceView[]> {
  await loadReadableCentre(db, context.actor, centreId);
  return (await repo.listServicesOfCentre(db, centreId, includeArchived)).map(presentService);
}

export async function getService(db: Kysely<Database>, context: StaffContext, serviceId: string): Promise<ServiceView> {
  return presentService(await loadReadableService(db, context.actor, serviceId));
}

/** Every name a person may read must exist at least in the host language. */
function missingHostLanguage(input: ServicePatch, hostLanguage: string): FieldError[] {
  const message = `a name in the host language (${hostLanguage}) is required`;
  const errors: FieldError[] = [];
  if (input.names && !input.names[hostLanguage]) errors.push({ path: `body.names.${hostLanguage}`, message });
  input.requiredDocuments?.forEach((document, index) => {
    if (!document.names[hostLanguage]) errors.push({ path: `body.requiredDocuments.${index}.names.${hostLanguage}`, message });
  });
  return errors;
}

function serviceColumns(input: ServicePatch): Partial<Insertable<ServicesTable>> {
  const columns: Partial<Insertable<ServicesTable>> = {};
  if (input.code !== undefined) columns.code = input.code;
  if (input.names !== undefined) columns.names = JSON.stringify(input.names);
  if (input.typicalMinutes !== undefined) columns.typical_minutes = input.typicalMinutes;
  if (input.ticketPrefix !== undefined) columns.ticket_prefix = input.ticketPrefix;
  if (input.requiredDocuments !== undefined) columns.required_documents = JSON.stringify(input.requiredDocuments.map((document) => document.names));
  if (input.languages !== undefined) columns.languages = input.languages;
  return columns;
}

async function checkHostLanguage(db: Kysely<Database>, centreId: string, input: ServicePatch): Promise<void> {
  const errors = missingHostLanguage(input, await hostLanguageOfCentre(db, centreId));
  if (errors.length > 0) throw AppError.invalid(errors);
}

/** Inside the transaction, after the centre's lock: two writes cannot both take the same free prefix. */
async function ensurePrefixFree(trx: Kysely<Database>, centreId: string, prefix: string, serviceId: string | null): Promise<void> {
  await lockCentre(trx, centreId);
  if (await repo.findServiceByPrefix(trx, centreId, prefix, serviceId)) throw duplicatePrefix();
}

export async function createService(db: Kysely<Database>, context: StaffContext, unitId: string, input: ServiceInput): Promise<ServiceView> {
  const unit = await loadReadableUnit(db, context.actor, unitId);
  const place = { centreId: unit.centre_id, unitId };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The unit');
  refuseArchived(unit, 'The unit');
  await checkHostLanguage(db, unit.centre_id, input);
  const id = uuidv7();
  await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      await ensurePrefixFree(trx, unit.centre_id, input.ticketPrefix, null);
      await repo.insertService(trx, { id, unit_id: unitId, ...serviceColumns(input) } as Insertable<ServicesTable>);
      await recordNetworkChange(trx, context, { action: 'service.create', resourceType: 'service', resourceId: id, ...place, details: { code: input.code } });
    }),
  );
  return presentService((await repo.findService(db, id))!);
}

export async function updateService(db: Kysely<Database>, context: StaffContext, serviceId: string, patch: ServicePatch): Promise<ServiceView> {
  const service = await loadReadableService(db, context.actor, serviceId);
  const place = { centreId: service.centre_id, unitId: service.unit_id };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The service');
  await checkHostLanguage(db, service.centre_id, patch);
  await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      if (patch.ticketPrefix !== undefined && !service.archived_at) await ensurePrefixFree(trx, service.centre_id, patch.ticketPrefix, serviceId);
      await repo.updateService(trx, serviceId, serviceColumns(patch));
      await recordNetworkChange(trx, context, { action: 'service.update', resourceType: 'service', resourceId: serviceId, ...place, details: { fields: Object.keys(patch) } });
    }),
  );
  return presentService((await repo.findService(db, serviceId))!);
}

export async function setServiceArchived(db: Kysely<Database>, context: StaffContext, serviceId: string, archived: boolean): Promise<ServiceView> {
  const service = await loadReadableService(db, context.actor, serviceId);
  const place = { centreId: service.centre_id, unitId: service.unit_id };
  ensureCanChange(context.actor, 'network.manage_services', place, 'The service');
  await db.transaction().execute(async (trx) => {
    // A restored service takes its prefix back, unless another live service took it meanwhile.
    if (!archived) await ensurePrefixFree(trx, service.centre_id, service.ticket_prefix, serviceId);
    await repo.updateService(trx, serviceId, { archived_at: archived ? new Date() : null });
    await recordNetworkChange(trx, context, { action: archived ? 'service.archive' : 'service.restore', resourceType: 'service', resourceId: serviceId, ...place });
  });
  return presentService((await repo.findService(db, serviceId))!);
}
