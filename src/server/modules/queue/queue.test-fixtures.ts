import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createNetworkFixture, createStaff, signIn, type Session, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';

/** Test helpers for the queue module (imported by *.test.ts files only). */

let unique = 0;

/** Open every day, all day ('24:00' is a valid closing time), so tests do not depend on the clock. */
export async function openAllDay(db: Kysely<Database>, centreId: string): Promise<void> {
  await db
    .insertInto('centre_opening_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: uuidv7(), centre_id: centreId, weekday, opens: '00:00', closes: '24:00' })))
    .execute();
}

export interface QueueWorld {
  centreId: string;
  unitId: string;
  /** Service A of unit 1 (prefix A), service B of unit 2 (prefix B). */
  serviceA: string;
  serviceB: string;
  unit2Id: string;
  counters: string[];
  counterB: string;
  reception: Session;
  officers: Session[];
  officerB: Session;
}

export async function addCounter(db: Kysely<Database>, unitId: string, serviceIds: string[], label: string): Promise<string> {
  const id = uuidv7();
  await db.insertInto('counters').values({ id, unit_id: unitId, label }).execute();
  for (const serviceId of serviceIds) await db.insertInto('counter_services').values({ counter_id: id, service_id: serviceId }).execute();
  return id;
}

export async function session(t: TestApp, grants: Parameters<typeof createStaff>[2], name: string): Promise<Session> {
  const username = `${name}.${++unique}.${uuidv7().slice(-6)}`;
  await createStaff(t.db, username, grants);
  return signIn(t.app, username);
}

/**
 * A centre open all day with two units: unit 1 offers service A at `counterCount` counters (the
 * fixture's counter "1" plus more), unit 2 offers service B at one counter. One reception mediator
 * (centre grant) and one agency officer per counter (unit grants).
 */
export async function createQueueWorld(t: TestApp, counterCount = 1, options: { open?: boolean } = {}): Promise<QueueWorld> {
  const fixture = await createNetworkFixture(t.db, `Q${++unique}`);
  if (options.open !== false) await openAllDay(t.db, fixture.centreId);
  const unit2Id = uuidv7();
  const serviceB = uuidv7();
  await t.db.insertInto('units').values({ id: unit2Id, centre_id: fixture.centreId, code: 'SOC', name: 'Social security', kind: 'agency_branch' }).execute();
  await t.db
    .insertInto('services')
    .values({ id: serviceB, unit_id: unit2Id, code: 'NISS', names: JSON.stringify({ pt: 'NISS', en: 'Social security number' }), typical_minutes: 10, ticket_prefix: 'B' })
    .execute();
  const counters = [fixture.counterId];
  for (let i = 2; i <= counterCount; i++) counters.push(await addCounter(t.db, fixture.unitId, [fixture.serviceId], String(i)));
  const counterB = await addCounter(t.db, unit2Id, [serviceB], 'B1');
  const reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: fixture.centreId }], 'reception');
  const officers: Session[] = [];
  for (let i = 0; i < counterCount; i++) officers.push(await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: fixture.unitId }], 'officer'));
  const officerB = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: unit2Id }], 'officer-b');
  return { centreId: fixture.centreId, unitId: fixture.unitId, serviceA: fixture.serviceId, serviceB, unit2Id, counters, counterB, reception, officers, officerB };
}

export function visitBody(world: QueueWorld, serviceIds: string[], extra: Record<string, unknown> = {}) {
  return { centreId: world.centreId, language: 'uk', purpose: 'Renovação de autorização de residência', serviceIds, ...extra };
}

export async function issue(world: QueueWorld, serviceIds: string[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return world.reception.request({ method: 'POST', url: '/api/v1/queue/visits', payload: visitBody(world, serviceIds, extra), headers });
}

export function post(as: Session, url: string, payload: unknown = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return as.request({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
}
