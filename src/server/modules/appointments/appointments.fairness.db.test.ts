import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../../../../test/app.js';
import { emailKey, phoneKey } from './appointments.secrets.js';
import { confirm, createBookingWorld, dayFromToday, slotAt, type BookingWorld } from './appointments.test-fixtures.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { clientAddressHash } from './appointments.address.js';

let t: TestApp;
let world: BookingWorld;

beforeAll(async () => {
  t = await createTestApp({ config: testConfig({ ALTCHA_REQUIRED: 'true', ALTCHA_MAX_NUMBER: '200', PUBLIC_BOOKING_RATE_LIMIT: '6' }) });
  world = await createBookingWorld(t, { desks: 3, maxActivePerContact: 1 });
}, 60_000);
afterAll(() => t?.close());

let address = 0;
/** Each test speaks from its own address, so the limits of one do not spill into another. */
const nextAddress = () => `203.0.113.${++address}`;

async function solved(from: string): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/appointments/challenge', remoteAddress: from });
  expect(response.statusCode, response.body).toBe(200);
  const challenge = response.json<Challenge>();
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

const holdFrom = (from: string, startsAt: string, altcha?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/appointments/holds', payload: { serviceId: world.serviceId, startsAt, ...(altcha ? { altcha } : {}) }, remoteAddress: from });

describe('proof of work on public holds', () => {
  it('refuses a hold without a solved challenge, accepts one, and never accepts the same solution twice', async () => {
    const from = nextAddress();
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:00');
    const bare = await holdFrom(from, startsAt);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual([{ path: 'altcha', message: 'is required' }]);
    const payload = await solved(from);
    const held = await holdFrom(from, startsAt, payload);
    expect(held.statusCode, held.body).toBe(201);
    const replayed = await holdFrom(nextAddress(), startsAt, payload);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.fields[0].message).toBe('was already used');
    const spent = await t.db.selectFrom('altcha_spent_challenges').select('expires_at').execute();
    expect(spent.length).toBeGreaterThanOrEqual(1);
    expect(spent[0]!.expires_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a forged or altered solution', async () => {
    const from = nextAddress();
    const decoded = JSON.parse(Buffer.from(await solved(from), 'base64').toString());
    // The derived key is the proof: one that the challenge's number does not give is refused.
    decoded.solution.derivedKey = decoded.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const altered = await holdFrom(from, slotAt(world, dayFromToday(world, 2), '09:15'), Buffer.from(JSON.stringify(decoded)).toString('base64'));
    expect(altered.statusCode).toBe(400);
    expect(altered.json().error.fields[0].message).toBe('is not a valid solution');
    const garbage = await holdFrom(from, slotAt(world, dayFromToday(world, 2), '09:15'), 'bm90IGpzb24=');
    expect(garbage.json().error.fields[0].message).toBe('is not a solved challenge');
  });

  it('keeps a keyed hash of the address on the hold and the booking, never the address', async () => {
    const from = nextAddress();
    const held = await holdFrom(from, slotAt(world, dayFromToday(world, 3), '09:00'), await solved(from));
    const confirmed = await confirm(t, held.json().holdId, { name: 'Rui', phone: '+351 910 000 001', language: 'pt' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const row = await t.db.selectFrom('appointments').select('client_address_hash').where('id', '=', held.json().holdId).executeTakeFirstOrThrow();
    // The same keyed hash the suspicious-pattern view and "my procedures" use for this address.
    expect(row.client_address_hash).toBe(clientAddressHash(await secretBoxKey(t.deps.config.dataDir), from));
    expect(row.client_address_hash).not.toContain(from);
  });
});

describe('rate limits per address', () => {
  it('answers 429 with Retry-After once an address passes its limit, and other addresses go on', async () => {
    const from = nextAddress();
    const url = '/api/v1/public/appointments/view';
    const payload = { reference: 'ABCDEFGH', secret: 'x'.repeat(32) };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.app.inject({ method: 'POST', url, payload, remoteAddress: from })).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 429]);
    const limited = await t.app.inject({ method: 'POST', url, payload, remoteAddress: from });
    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: retryAfter });
    expect((await t.app.inject({ method: 'POST', url, payload, remoteAddress: nextAddress() })).statusCode).toBe(404);
    // The counters live in the database, so every instance sharing it counts together.
    const windows = await t.db.selectFrom('rate_limit_windows').select(['bucket', 'hits']).where('bucket', 'like', 'booking:link:%').execute();
    expect(windows.some((window) => window.hits === 8)).toBe(true);
  });
});

describe('one contact, however it is written', () => {
  it('reads e-mail case and +tags, and phone spaces and 00, as the same contact', () => {
    expect(emailKey(' Ana.Tavares+2@Example.ORG ')).toBe(emailKey('ana.tavares@example.org'));
    expect(phoneKey('+351 912 345 678')).toBe(phoneKey('00351-912-345-678'));
    expect(phoneKey('(+351) 912.345.678')).toBe('+351912345678');
  });

  it('counts the same person under another spelling against the limit of active bookings', async () => {
    const from = nextAddress();
    const first = await holdFrom(from, slotAt(world, dayFromToday(world, 4), '09:00'), await solved(from));
    expect((await confirm(t, first.json().holdId, { name: 'Lia', email: 'lia+a@example.org', language: 'pt' })).statusCode).toBe(200);
    const second = await holdFrom(from, slotAt(world, dayFromToday(world, 4), '09:15'), await solved(from));
    const refused = await confirm(t, second.json().holdId, { name: 'Lia', email: 'LIA@Example.org', language: 'pt' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ path: 'contact', message: 'has reached the limit of active bookings' }]);
  });
});
