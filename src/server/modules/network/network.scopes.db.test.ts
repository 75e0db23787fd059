import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, ROLES, type Action, type Role } from '../../../shared/access.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';
import { addDays } from './network.opening.js';
import { centreBody, serviceBody, sessionWith } from './network.test-fixtures.js';

/**
 * Random staff (random roles on random places) doing random reads and writes on a small network:
 * they see exactly the centres they work in, never a record of another centre, and can change
 * exactly what their grants allow. The expectations below are written from DESIGN §5, independently
 * of network.policy.ts.
 */

interface Place {
  centreId: string;
  units: { id: string; serviceId: string; counterId: string }[];
}

interface GrantSpec {
  role: Role;
  scope: { type: 'network' } | { type: 'centre'; centre: number } | { type: 'unit'; centre: number; unit: number };
}

type Operation =
  | { kind: 'list_centres' }
  | { kind: 'get_centre' | 'list_units' | 'list_centre_services' | 'opening' | 'update_centre' | 'put_hours' | 'add_exception' | 'create_unit'; centre: number }
  | { kind: 'get_unit' | 'list_services' | 'list_counters' | 'get_service' | 'get_counter' | 'update_unit' | 'create_service' | 'update_service' | 'create_counter' | 'update_counter'; centre: number; unit: number }
  | { kind: 'create_centre' };

const CENTRES = 3;
const UNITS_PER_CENTRE = 2;
// Writes create records; each gets fresh codes, prefixes and dates so no run collides with another.
let unique = 0;
const nextCode = () => `P${(++unique).toString(36).toUpperCase().padStart(4, '0')}`;
const letter = (n: number) => String.fromCharCode(65 + (n % 26));
// Fixture services use one-letter prefixes; these take three, starting with Z.
const nextPrefix = () => {
  const n = ++unique;
  return `Z${letter(Math.floor(n / 26))}${letter(n)}`;
};
const nextDate = () => addDays('2040-01-01', ++unique);

async function buildNetwork(db: Kysely<Database>): Promise<{ networkId: string; places: Place[] }> {
  const networkId = uuidv7();
  await db.insertInto('networks').values({ id: networkId, name: 'Scopes network' }).execute();
  const places: Place[] = [];
  for (let c = 0; c < CENTRES; c++) {
    const centreId = uuidv7();
    await db.insertInto('centres').values({ id: centreId, network_id: networkId, code: `SC${c}`, name: `Centre ${c}`, kind: 'local', time_zone: 'Europe/Lisbon' }).execute();
    const units: Place['units'] = [];
    for (let u = 0; u < UNITS_PER_CENTRE; u++) {
      const unit = { id: uuidv7(), serviceId: uuidv7(), counterId: uuidv7() };
      await db.insertInto('units').values({ id: unit.id, centre_id: centreId, code: `U${u}`, name: `Unit ${c}.${u}`, kind: 'agency_branch' }).execute();
      await db
        .insertInto('services')
        .values({ id: unit.serviceId, unit_id: unit.id, code: 'SVC', names: JSON.stringify({ pt: 'Serviço', en: 'Service' }), typical_minutes: 10, ticket_prefix: String.fromCharCode(65 + u) })
        .execute();
      await db.insertInto('counters').values({ id: unit.counterId, unit_id: unit.id, label: '1' }).execute();
      await db.insertInto('counter_services').values({ counter_id: unit.counterId, service_id: unit.serviceId }).execute();
      units.push(unit);
    }
    places.push({ centreId, units });
  }
  return { networkId, places };
}

const grantArbitrary: fc.Arbitrary<GrantSpec> = fc.record({
  role: fc.constantFrom(...ROLES),
  scope: fc.oneof(
    fc.constant({ type: 'network' as const }),
    fc.record({ type: fc.constant('centre' as const), centre: fc.nat(CENTRES - 1) }),
    fc.record({ type: fc.constant('unit' as const), centre: fc.nat(CENTRES - 1), unit: fc.nat(UNITS_PER_CENTRE - 1) }),
  ),
});

const centre = fc.nat(CENTRES - 1);
const unit = fc.nat(UNITS_PER_CENTRE - 1);
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.constant({ kind: 'list_centres' as const }),
  fc.constant({ kind: 'create_centre' as const }),
  fc.record({ kind: fc.constantFrom('get_centre', 'list_units', 'list_centre_services', 'opening', 'update_centre', 'put_hours', 'add_exception', 'create_unit'), centre }),
  fc.record({
    kind: fc.constantFrom('get_unit', 'list_services', 'list_counters', 'get_service', 'get_counter', 'update_unit', 'create_service', 'update_service', 'create_counter', 'update_counter'),
    centre,
    unit,
  }),
);

/** What DESIGN §5 says a set of grants allows at a centre (and unit). */
function allows(grants: GrantSpec[], action: Action, centreIndex: number | null, unitIndex: number | null): boolean {
  return grants.some((grant) => {
    if (!ROLE_ACTIONS[grant.role].includes(action)) return false;
    if (grant.scope.type === 'network') return true;
    if (centreIndex === null || grant.scope.centre !== centreIndex) return false;
    if (action === 'network.read') return true; // anyone working in a centre reads all of it
    if (grant.scope.type === 'centre') return action !== 'network.manage_centres';
    return action === 'network.manage_services' && grant.scope.unit === unitIndex;
  });
}

describe('network scopes (property)', () => {
  let t: TestApp;
  let places: Place[];
  let networkId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ networkId, places } = await buildNetwork(t.db));
  });
  afterAll(() => t?.close());

  it('nobody reads or changes network records outside their scope, and everyone can do what their scope allows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(grantArbitrary, { minLength: 1, maxLength: 3, selector: (grant) => JSON.stringify(grant) }), fc.array(operationArbitrary, { minLength: 3, maxLength: 8 }), async (grants, operations) => {
        const session = await sessionWith(
          t,
          grants.map((grant) => ({
            role: grant.role,
            scopeType: grant.scope.type,
            scopeId: grant.scope.type === 'network' ? networkId : grant.scope.type === 'centre' ? places[grant.scope.centre]!.centreId : places[grant.scope.centre]!.units[grant.scope.unit]!.id,
          })),
          'prop',
        );
        const readable = (c: number) => allows(grants, 'network.read', c, null);
        for (const operation of operations) {
          const request = requestFor(operation, places);
          const response = await session.request(request);
          const context = `${JSON.stringify(grants)} ${operation.kind} ${JSON.stringify(operation)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          if (operation.kind === 'list_centres') {
            const seen = new Set(response.json().map((row: { id: string }) => row.id));
            places.forEach((place, index) => expect(seen.has(place.centreId), context).toBe(readable(index)));
            if (!allows(grants, 'network.read', null, null)) expect(seen.size, context).toBe(places.filter((_, index) => readable(index)).length);
            continue;
          }
          if (operation.kind === 'create_centre') {
            expect(response.statusCode, context).toBe(allows(grants, 'network.manage_centres', null, null) ? 201 : 403);
            continue;
          }
          const unitIndex = 'unit' in operation ? operation.unit : null;
          const action = actionOf(operation.kind);
          const expected = !readable(operation.centre) ? 404 : action === 'network.read' || allows(grants, action, operation.centre, unitIndex) ? 'ok' : 403;
          if (expected === 'ok') {
            expect(response.statusCode, context).toBeLessThan(300);
            assertInsideCentre(response.json(), places[operation.centre]!.centreId, context);
          } else {
            expect(response.statusCode, context).toBe(expected);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

function actionOf(kind: Operation['kind']): Action {
  if (['update_centre', 'create_centre'].includes(kind)) return 'network.manage_centres';
  if (['put_hours', 'add_exception', 'create_unit', 'update_unit'].includes(kind)) return 'network.manage_units';
  if (['create_service', 'update_service', 'create_counter', 'update_counter'].includes(kind)) return 'network.manage_services';
  return 'network.read';
}

/** Every record a read or write answers with lies in the centre asked about. */
function assertInsideCentre(body: unknown, centreId: string, context: string): void {
  const records = Array.isArray(body) ? body : [body];
  for (const record of records as Record<string, unknown>[]) {
    const where = 'centreId' in record ? record.centreId : 'networkId' in record ? record.id : undefined;
    if (where !== undefined) expect(where, context).toBe(centreId);
  }
}

function requestFor(operation: Operation, places: Place[]): { method: string; url: string; payload?: object } {
  if (operation.kind === 'list_centres') return { method: 'GET', url: '/api/v1/centres' };
  if (operation.kind === 'create_centre') return { method: 'POST', url: '/api/v1/centres', payload: centreBody(nextCode()) };
  const place = places[operation.centre]!;
  const c = `/api/v1/centres/${place.centreId}`;
  switch (operation.kind) {
    case 'get_centre':
      return { method: 'GET', url: c };
    case 'list_units':
      return { method: 'GET', url: `${c}/units` };
    case 'list_centre_services':
      return { method: 'GET', url: `${c}/services` };
    case 'opening':
      return { method: 'GET', url: `${c}/opening?from=2030-01-01&to=2030-01-07` };
    case 'update_centre':
      return { method: 'PATCH', url: c, payload: { name: `Centre ${operation.centre}` } };
    case 'put_hours':
      return { method: 'PUT', url: `${c}/opening-hours`, payload: { hours: [{ weekday: 1, opens: '08:30', closes: '18:30' }] } };
    case 'add_exception':
      return { method: 'POST', url: `${c}/exceptions`, payload: { date: nextDate(), kind: 'holiday' } };
    case 'create_unit':
      return { method: 'POST', url: `${c}/units`, payload: { code: nextCode(), name: 'New unit', kind: 'support_office' } };
  }
  const u = place.units[operation.unit]!;
  switch (operation.kind) {
    case 'get_unit':
      return { method: 'GET', url: `/api/v1/units/${u.id}` };
    case 'list_services':
      return { method: 'GET', url: `/api/v1/units/${u.id}/services` };
    case 'list_counters':
      return { method: 'GET', url: `/api/v1/units/${u.id}/counters` };
    case 'get_service':
      return { method: 'GET', url: `/api/v1/services/${u.serviceId}` };
    case 'get_counter':
      return { method: 'GET', url: `/api/v1/counters/${u.counterId}` };
    case 'update_unit':
      return { method: 'PATCH', url: `/api/v1/units/${u.id}`, payload: { location: 'Piso 0' } };
    case 'create_service':
      return { method: 'POST', url: `/api/v1/units/${u.id}/services`, payload: serviceBody(nextCode(), nextPrefix()) };
    case 'update_service':
      return { method: 'PATCH', url: `/api/v1/services/${u.serviceId}`, payload: { typicalMinutes: 10 } };
    case 'create_counter':
      return { method: 'POST', url: `/api/v1/units/${u.id}/counters`, payload: { label: nextCode(), serviceIds: [u.serviceId] } };
    case 'update_counter':
      return { method: 'PATCH', url: `/api/v1/counters/${u.counterId}`, payload: { location: 'Piso 1' } };
  }
}
