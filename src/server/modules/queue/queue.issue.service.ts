import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, PriorityReason } from '../../db/types.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import { recordVisitPurposes } from '../casefile/casefile.entries.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { localDateTime } from '../network/network.opening.js';
import { findCentreById, isCentreOpenAt } from '../network/network.service.js';
import { findUnitById } from '../network/network.units.service.js';
import type { ServiceView } from '../network/network.units.schemas.js';
import { saveTicketAlert } from './queue.alerts.service.js';
import { recordTicketMoment } from './queue.events.js';
import { withIdempotency } from './queue.idempotency.js';
import { priorityClassOf } from './queue.ordering.js';
import { ensureCan } from './queue.policy.js';
import { presentVisit } from './queue.presenters.js';
import * as repo from './queue.repo.js';
import type { VisitInput, VisitView } from './queue.schemas.js';

// Unambiguous alphabet (DESIGN §3): no 0/O, 1/I. Ten characters: ~8·10^14 codes, not guessable.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function newPublicCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A4, A42 and A042 sort badly on a screen: numbers have at least three digits. */
export function ticketNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** The services of a visit, checked: live, of this centre, their unit live too. */
async function loadServices(db: Kysely<Database>, centreId: string, serviceIds: readonly string[]): Promise<ServiceView[]> {
  const errors: FieldError[] = [];
  const services: ServiceView[] = [];
  for (const [index, id] of serviceIds.entries()) {
    const service = await findServiceById(db, id);
    const path = `body.serviceIds.${index}`;
    if (!service || service.centreId !== centreId) errors.push({ path, message: 'is not a service of this centre' });
    else if (service.archivedAt || (await findUnitById(db, service.unitId))?.archivedAt) errors.push({ path, message: 'is no longer offered' });
    else services.push(service);
  }
  if (errors.length > 0) throw AppError.invalid(errors, 'A service of this visit cannot be given a ticket');
  return services;
}

export interface IssueOptions {
  idempotencyKey?: string | undefined;
  origin?: 'reception' | 'kiosk' | 'appointment';
  now?: Date;
  /** Absolute base of links in messages (config.publicUrl); needed when the input leaves a contact. */
  publicUrl?: string;
}

/** Who asks for the tickets: a staff member, or a kiosk (a device authorised by its token, no actor). */
export type Issuer = { context: StaffContext; kioskId?: undefined } | { context: RequestContext; kioskId: string };

/**
 * Opens a visit with one ticket per service, in the order given: the first joins its queue now, the
 * others wait as 'pending' and join theirs when the ticket before them is done.
 */
export async function issueVisit(db: Kysely<Database>, context: StaffContext, input: VisitInput, options: IssueOptions = {}): Promise<VisitView> {
  const centre = await findCentreById(db, input.centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCan(context.actor, 'queue.issue', { centreId: centre.id }, 'The centre');
  return openVisit(db, { context }, input, options);
}

/**
 * The engine's one way to open a visit, for staff (authorised by the caller) and kiosks. A kiosk
 * may not go beyond a service's daily quota: the check sits after the sequence upsert, whose row lock
 * serialises concurrent issues, so two kiosks cannot both take the last ticket.
 */
export async function openVisit(db: Kysely<Database>, issuer: Issuer, input: VisitInput, options: IssueOptions = {}): Promise<VisitView> {
  const { context } = issuer;
  const now = options.now ?? new Date();
  const centre = await findCentreById(db, input.centreId);
  if (!centre) throw AppError.notFound('The centre');
  if (centre.archivedAt) throw AppError.conflict('The centre is archived');
  const services = await loadServices(db, centre.id, input.serviceIds);
  if (!(await isCentreOpenAt(db, centre.id, now))) {
    throw AppError.conflict(`The service "${services[0]!.names.pt ?? services[0]!.code}" is closed now: the centre is outside its opening hours`, [
      { path: 'body.serviceIds.0', message: 'is closed now' },
    ]);
  }
  const localDay = localDateTime(centre.timeZone, now).date;
  const reasons = input.priorityReasons as PriorityReason[];
  const issuedBy = issuer.kioskId === undefined ? issuer.context.actor.staffId : `kiosk:${issuer.kioskId}`;
  const claim = options.idempotencyKey ? { scope: `queue.issue:${issuedBy}`, key: options.idempotencyKey, request: input } : null;

  return withIdempotency(db, claim, async (trx) => {
    const visit = await repo.insertVisit(trx, {
      id: uuidv7(),
      centre_id: centre.id,
      local_day: localDay,
      public_code: newPublicCode(),
      person_id: input.personId ?? null,
      language: input.language,
      purpose: input.purpose,
      interpreter_needed: input.interpreterNeeded,
      priority_reasons: reasons,
      origin: options.origin ?? 'reception',
      created_by: context.actor?.staffId ?? null,
      created_at: now,
    });
    for (const [index, service] of services.entries()) {
      const id = uuidv7();
      const first = index === 0;
      await repo.insertTicket(trx, {
        id,
        visit_id: visit.id,
        centre_id: centre.id,
        unit_id: service.unitId,
        service_id: service.id,
        local_day: localDay,
        number: ticketNumber(service.ticketPrefix, await nextNumberWithin(trx, visit.origin === 'kiosk', service, localDay, index)),
        visit_order: index + 1,
        state: first ? 'waiting' : 'pending',
        priority_class: priorityClassOf(reasons),
        appointment_due_at: first && input.appointmentDueAt ? new Date(input.appointmentDueAt) : null,
        issued_at: now,
        queued_at: first ? now : null,
        created_by: context.actor?.staffId ?? null,
      });
      await recordTicketMoment(trx, context, (await repo.findTicket(trx, id))!, { kind: 'issued', at: now, details: { origin: visit.origin } });
    }
    if (input.alert) await saveTicketAlert(trx, context, visit, input.alert, { source: 'reception', now, publicUrl: options.publicUrl ?? '' });
    // Reception's purpose also goes into the file of each unit the person is sent to (docs/casefile.md).
    if (issuer.kioskId === undefined && visit.person_id) {
      await recordVisitPurposes(trx, issuer.context, { id: visit.id, personId: visit.person_id, centreId: centre.id, purpose: input.purpose, services: services.map((s) => ({ id: s.id, unitId: s.unitId })) });
    }
    // The purpose and priority reasons (pregnancy, disability) are personal data.
    await recordPersonalDataChange(trx, context, {
      action: 'queue.visit.create',
      resourceType: 'visit',
      resourceId: visit.id,
      centreId: centre.id,
      details: { services: services.length, personId: visit.person_id, origin: visit.origin, ...(issuer.kioskId ? { kioskId: issuer.kioskId } : {}) },
    });
    return presentVisit(visit, await repo.ticketsOfVisit(trx, visit.id));
  });
}

/**
 * The ticket's number; a walk-in's ticket from a kiosk is refused once the service's daily quota is
 * reached. The quota protects the staff's day from walk-ins only: a person checking in for an
 * appointment at the kiosk was promised a time and always gets a ticket.
 */
async function nextNumberWithin(trx: Kysely<Database>, walkInAtKiosk: boolean, service: ServiceView, localDay: string, index: number): Promise<number> {
  const sequence = await repo.nextTicketNumber(trx, service.id, localDay);
  if (walkInAtKiosk) {
    const quota = await repo.dailyQuotaOf(trx, service.id);
    if (quota !== null && sequence > quota) {
      throw AppError.conflict(`The service "${service.names.pt ?? service.code}" has handed out all its tickets for today`, [{ path: `body.serviceIds.${index}`, message: 'is full today' }]);
    }
  }
  return sequence;
}
