import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Session } from '../../../../test/app.js';
import type { Database, TicketState } from '../../db/types.js';

/** Test helpers for timeline, access report, retention and export (imported by *.test.ts files only). */

let unique = 0;

export async function registerPerson(reception: Session, homeCentreId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await reception.request({
    method: 'POST',
    url: '/api/v1/people',
    payload: {
      homeCentreId,
      givenNames: 'Olena',
      familyNames: 'Kovalenko',
      nativeGivenNames: 'Олена',
      nativeFamilyNames: 'Коваленко',
      nativeScript: 'Cyrl',
      birthDate: '1988-05-17',
      sex: 'female',
      nationalities: ['UA'],
      languages: ['uk'],
      needsNotes: 'Needs an interpreter',
      contacts: [{ kind: 'phone', value: '+380 67 123 4567' }, { kind: 'email', value: 'olena@example.org' }],
      documents: [{ type: 'passport', number: `FK${++unique}77123`, issuingCountry: 'UA' }],
      confirmNotDuplicate: true,
      ...extra,
    },
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.statusCode} ${response.body}`);
  return response.json<{ person: { id: string } }>().person.id;
}

export interface PlacedTicket {
  unitId: string;
  serviceId: string;
  counterId: string;
  state: TicketState;
  outcome?: string;
}

/** A visit of the person on a past day, with one ticket per entry and its recorded moments. */
export async function insertVisit(db: Kysely<Database>, input: { personId: string | null; centreId: string; at: Date; tickets: PlacedTicket[]; purpose?: string }): Promise<{ visitId: string; ticketIds: string[] }> {
  const visitId = uuidv7();
  const day = input.at.toISOString().slice(0, 10);
  await db
    .insertInto('visits')
    .values({ id: visitId, centre_id: input.centreId, local_day: day, public_code: `V${++unique}${visitId.slice(-8)}`.slice(0, 12), person_id: input.personId, language: 'uk', purpose: input.purpose ?? 'Residence permit renewal', origin: 'reception', created_at: input.at })
    .execute();
  const ticketIds: string[] = [];
  for (const [i, ticket] of input.tickets.entries()) {
    const id = uuidv7();
    const issued = new Date(input.at.getTime() + i * 1000);
    const called = new Date(issued.getTime() + 10 * 60_000);
    const ended = new Date(called.getTime() + 15 * 60_000);
    const served = ticket.state === 'done';
    await db
      .insertInto('tickets')
      .values({
        id, visit_id: visitId, centre_id: input.centreId, unit_id: ticket.unitId, service_id: ticket.serviceId, local_day: day, number: `A${100 + i}`,
        visit_order: i + 1, state: ticket.state, priority_class: 'normal', issued_at: issued, queued_at: issued,
        first_called_at: ticket.state === 'cancelled' ? null : called, called_at: ticket.state === 'cancelled' ? null : called,
        started_at: served ? called : null, ended_at: served || ticket.state !== 'waiting' ? ended : null,
        call_count: ticket.state === 'cancelled' ? 0 : 1, counter_id: ticket.state === 'cancelled' ? null : ticket.counterId, outcome: ticket.outcome ?? null,
      })
      .execute();
    const moments: { kind: string; at: Date; outcome?: string; note?: string }[] = [{ kind: 'issued', at: issued }];
    if (ticket.state !== 'cancelled' && ticket.state !== 'waiting') moments.push({ kind: 'called', at: called });
    if (served) moments.push({ kind: 'started', at: called }, { kind: 'ended', at: ended, outcome: ticket.outcome ?? 'resolved', note: 'Brought the lease of Rua Augusta 12' });
    if (ticket.state === 'no_show') moments.push({ kind: 'no_show', at: ended });
    if (ticket.state === 'transferred') moments.push({ kind: 'transferred', at: ended });
    if (ticket.state === 'cancelled') moments.push({ kind: 'cancelled', at: ended });
    for (const moment of moments) {
      await db
        .insertInto('ticket_events')
        .values({ ticket_id: id, kind: moment.kind as 'issued', at: moment.at, counter_id: moment.kind === 'issued' ? null : ticket.counterId, outcome: moment.outcome ?? null, note: moment.note ?? null })
        .execute();
    }
    ticketIds.push(id);
  }
  return { visitId, ticketIds };
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** An appointment booked for the person (person_id set), in the given state. */
export async function insertAppointment(db: Kysely<Database>, input: { personId: string | null; centreId: string; serviceId: string; startsAt: Date; bookedAt: Date; state: 'booked' | 'cancelled' | 'no_show'; visitId?: string }): Promise<string> {
  const id = uuidv7();
  let n = ++unique;
  let reference = '';
  for (let i = 0; i < 8; i++, n = Math.floor(n / 32)) reference = REFERENCE_ALPHABET[n % 32] + reference;
  await db
    .insertInto('appointments')
    .values({
      id, reference, centre_id: input.centreId, service_id: input.serviceId, starts_at: input.startsAt, ends_at: new Date(input.startsAt.getTime() + 15 * 60_000),
      seat_no: 1, state: input.state, channel: 'staff', hold_expires_at: input.bookedAt, contact_name: 'Olena Kovalenko', contact_email: 'olena@example.org',
      contact_phone: '+380671234567', email_key: 'olena@example.org', phone_key: '+380671234567', booked_at: input.bookedAt,
      cancelled_at: input.state === 'cancelled' ? new Date(input.bookedAt.getTime() + 86_400_000) : null,
      no_show_at: input.state === 'no_show' ? new Date(input.startsAt.getTime() + 30 * 60_000) : null,
      person_id: input.personId, visit_id: input.visitId ?? null,
    })
    .execute();
  return id;
}
