import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { TicketState } from '../../db/types.js';
import type { DailyReport, ReportRow } from './queue.schemas.js';
import { createQueueWorld, session, type QueueWorld } from './queue.test-fixtures.js';

/** The daily report on a day built by hand, with figures worked out on paper. */

let t: TestApp;
let w: QueueWorld;
let serviceC: string;
const visitIds: string[] = [];
const DAY = '2031-05-06';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+01:00`); // Lisbon summer time

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  // Service A: five tickets queued at 09:00, first called after 0, 10, 20, 30, 40 minutes, served 5, 10, 15 minutes;
  // one no-show and one cancelled before a call. Service B: one ticket, waited 6, served 12.
  const rows: { service: 'A' | 'B'; state: TicketState; wait: number | null; serve: number | null }[] = [
    { service: 'A', state: 'done', wait: 0, serve: 5 },
    { service: 'A', state: 'done', wait: 10, serve: 10 },
    { service: 'A', state: 'done', wait: 20, serve: 15 },
    { service: 'A', state: 'no_show', wait: 30, serve: null },
    { service: 'A', state: 'transferred', wait: 40, serve: null },
    { service: 'A', state: 'cancelled', wait: null, serve: null },
    { service: 'B', state: 'done', wait: 6, serve: 12 },
  ];
  const ticketIds: string[] = [];
  for (const [i, row] of rows.entries()) {
    const visitId = uuidv7();
    visitIds.push(visitId);
    await t.db.insertInto('visits').values({ id: visitId, centre_id: w.centreId, local_day: DAY, public_code: `RPT${i}`.padEnd(10, 'Z'), language: 'pt', origin: 'reception' }).execute();
    const queued = at('09:00');
    const called = row.wait === null ? null : new Date(queued.getTime() + row.wait * 60_000);
    const ended = called && row.serve !== null ? new Date(called.getTime() + row.serve * 60_000) : null;
    await t.db
      .insertInto('tickets')
      .values({
        id: ticketIds[ticketIds.push(uuidv7()) - 1]!, visit_id: visitId, centre_id: w.centreId, unit_id: row.service === 'A' ? w.unitId : w.unit2Id, service_id: row.service === 'A' ? w.serviceA : w.serviceB,
        local_day: DAY, number: `${row.service}${i}`, visit_order: 1, state: row.state, priority_class: 'normal', issued_at: queued, queued_at: queued,
        first_called_at: called, called_at: called, started_at: ended ? called : null, ended_at: ended, call_count: called ? 1 : 0, counter_id: called ? (row.service === 'A' ? w.counters[0]! : w.counterB) : null,
      })
      .execute();
  }
  // Appointments due that day: service A two checked in (tickets 0 and 1), one still booked, one
  // cancelled; service C (no tickets at all) one no-show. Not counted: a hold that expired, and an
  // appointment of the day after (00:30 Lisbon, still the 6th in UTC).
  serviceC = uuidv7();
  await t.db.insertInto('services').values({ id: serviceC, unit_id: w.unit2Id, code: 'RPTC', names: JSON.stringify({ pt: 'Serviço C', en: 'Service C' }), typical_minutes: 10, ticket_prefix: 'C' }).execute();
  let seat = 0;
  const appointment = async (serviceId: string, startsAt: Date, state: 'booked' | 'checked_in' | 'no_show' | 'cancelled' | 'expired', ticket?: number) => {
    seat++;
    await t.db
      .insertInto('appointments')
      .values({
        id: uuidv7(), reference: `RPTAAAA${'23456789ABCDEFGH'[seat]}`, centre_id: w.centreId, service_id: serviceId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 15 * 60_000),
        seat_no: seat, state, channel: 'public', hold_expires_at: startsAt, contact_name: state === 'expired' ? null : 'Pessoa', phone_key: state === 'expired' ? null : `+35191000000${seat}`,
        ...(state === 'checked_in' ? { checked_in_at: startsAt, ticket_id: ticketIds[ticket!]!, visit_id: visitIds[ticket!]! } : {}),
        ...(state === 'no_show' ? { no_show_at: startsAt } : {}),
        ...(state === 'cancelled' ? { cancelled_at: startsAt } : {}),
      })
      .execute();
  };
  await appointment(w.serviceA, at('09:00'), 'checked_in', 0);
  await appointment(w.serviceA, at('09:15'), 'checked_in', 1);
  await appointment(w.serviceA, at('16:00'), 'booked');
  await appointment(w.serviceA, at('11:00'), 'cancelled');
  await appointment(serviceC, at('10:00'), 'no_show');
  await appointment(w.serviceA, at('12:00'), 'expired');
  await appointment(w.serviceA, new Date(`2031-05-07T00:30:00+01:00`), 'no_show');
});
afterAll(() => t?.close());

describe('daily report', () => {
  it('counts visits, outcomes, wait and service percentiles per service, unit and centre', async () => {
    const manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
    const response = await manager.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-report?day=${DAY}` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<DailyReport>();
    const centre = report.rows.find((row) => row.level === 'centre')!;
    const serviceA = report.rows.find((row) => row.level === 'service' && row.serviceId === w.serviceA)!;
    const unitB = report.rows.find((row) => row.level === 'unit' && row.unitId === w.unit2Id)!;
    expect(serviceA).toMatchObject<Partial<ReportRow>>({ visits: 6, tickets: 6, served: 3, noShows: 1, cancelled: 1, transferredOut: 1, waitP50Minutes: 20, waitP90Minutes: 36, serviceMeanMinutes: 10, serviceP50Minutes: 10, serviceP90Minutes: 14 });
    expect(unitB).toMatchObject<Partial<ReportRow>>({ visits: 1, tickets: 1, served: 1, waitP50Minutes: 6, serviceMeanMinutes: 12 });
    // Waits 0, 6, 10, 20, 30, 40: the median is 15; the 90th percentile interpolates to 35.
    // Service times 5, 10, 12, 15: mean 10.5, median 11, 90th percentile 12 + 0.7 × 3 = 14.1.
    expect(centre).toMatchObject<Partial<ReportRow>>({ visits: 7, tickets: 7, served: 4, noShows: 1, waitP50Minutes: 15, waitP90Minutes: 35 });
    expect(serviceA).toMatchObject<Partial<ReportRow>>({ appointments: 3, appointmentsCheckedIn: 2, appointmentNoShows: 0, appointmentsCancelled: 1 });
    expect(report.rows.find((row) => row.serviceId === serviceC)).toMatchObject<Partial<ReportRow>>({ level: 'service', unitId: w.unit2Id, serviceNames: { pt: 'Serviço C', en: 'Service C' }, tickets: 0, waitP50Minutes: null, appointments: 1, appointmentNoShows: 1 });
    expect(unitB).toMatchObject<Partial<ReportRow>>({ tickets: 1, appointments: 1, appointmentNoShows: 1 });
    expect(centre).toMatchObject<Partial<ReportRow>>({ appointments: 4, appointmentsCheckedIn: 2, appointmentNoShows: 1, appointmentsCancelled: 1 });
    expect(report.rows.map((row) => row.level)).toEqual(['centre', 'unit', 'unit', 'service', 'service', 'service']);
    const csv = await manager.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-report.csv?day=${DAY}` });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('level,unit,service,visits,tickets,served,no_shows,cancelled,transferred_out,wait_p50_min,wait_p90_min,service_mean_min,service_p50_min,service_p90_min,appointments,appointments_checked_in,appointment_no_shows,appointments_cancelled');
    expect(lines).toContain('centre,,,7,7,4,1,1,1,15,35,10.5,11,14.1,4,2,1,1');
    expect(lines.length).toBe(1 + report.rows.length);
  });
});
