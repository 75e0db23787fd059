import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { centreBody, fieldPaths, networkIdOf, sessionWith, type Session } from './network.test-fixtures.js';

describe('opening hours and calendar exceptions', () => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let centreId: string;
  let otherCentreId: string;
  const hoursUrl = () => `/api/v1/centres/${centreId}/opening-hours`;
  const exceptionsUrl = () => `/api/v1/centres/${centreId}/exceptions`;

  beforeAll(async () => {
    t = await createTestApp();
    const networkId = await networkIdOf(t.db);
    admin = await sessionWith(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
    centreId = (await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('CAL') })).json().id;
    otherCentreId = (await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('OTH') })).json().id;
    manager = await sessionWith(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: centreId }], 'manager');
  });
  afterAll(() => t?.close());

  it('replaces the weekly pattern in one request, lunch breaks included', async () => {
    const hours = [
      { weekday: 1, opens: '09:00', closes: '12:30' },
      { weekday: 1, opens: '14:00', closes: '17:30' },
      { weekday: 2, opens: '08:30', closes: '18:30' },
    ];
    const response = await manager.request({ method: 'PUT', url: hoursUrl(), payload: { hours } });
    expect(response.statusCode).toBe(200);
    expect(response.json().hours).toEqual(hours);
    const replaced = await manager.request({ method: 'PUT', url: hoursUrl(), payload: { hours: [hours[2]] } });
    expect(replaced.json().hours).toEqual([hours[2]]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', centreId).where('action', '=', 'centre.opening_hours.replace').execute();
    expect(audit).toHaveLength(2);
  });

  it('names the bad row of a week: reversed times, overlaps, weekdays out of range', async () => {
    const response = await admin.request({
      method: 'PUT',
      url: hoursUrl(),
      payload: {
        hours: [
          { weekday: 3, opens: '09:00', closes: '13:00' },
          { weekday: 3, opens: '12:00', closes: '16:00' },
          { weekday: 4, opens: '18:00', closes: '09:00' },
          { weekday: 8, opens: '09:00', closes: '10:00' },
          { weekday: 5, opens: '9h', closes: '10:00' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldPaths(response)).toEqual(expect.arrayContaining(['body.hours.3.weekday', 'body.hours.4.opens']));
    const overlap = await admin.request({
      method: 'PUT',
      url: hoursUrl(),
      payload: { hours: [{ weekday: 3, opens: '09:00', closes: '13:00' }, { weekday: 3, opens: '12:00', closes: '16:00' }, { weekday: 4, opens: '18:00', closes: '09:00' }] },
    });
    expect(overlap.statusCode).toBe(400);
    expect(fieldPaths(overlap).sort()).toEqual(['body.hours.1', 'body.hours.2.closes']);
  });

  it('keeps calendar changes to those who run the centre', async () => {
    const otherManager = await sessionWith(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: otherCentreId }]);
    expect((await otherManager.request({ method: 'PUT', url: hoursUrl(), payload: { hours: [] } })).statusCode).toBe(404);
    const reception = await sessionWith(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]);
    expect((await reception.request({ method: 'PUT', url: hoursUrl(), payload: { hours: [] } })).statusCode).toBe(403);
    expect((await reception.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2026-06-13', kind: 'holiday' } })).statusCode).toBe(403);
    expect((await reception.request({ method: 'GET', url: `/api/v1/centres/${centreId}/opening?from=2026-06-01&to=2026-06-07` })).statusCode).toBe(200);
  });

  it('adds, changes and removes exceptions, one per day', async () => {
    const holiday = await manager.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2030-06-13', kind: 'holiday', label: 'Santo António' } });
    expect(holiday.statusCode).toBe(201);
    expect(holiday.json()).toMatchObject({ date: '2030-06-13', kind: 'holiday', opens: null, closes: null, label: 'Santo António' });
    const again = await manager.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2030-06-13', kind: 'closed' } });
    expect(again.statusCode).toBe(409);
    expect(fieldPaths(again)).toEqual(['body.date']);

    const id = holiday.json().id;
    const special = await manager.request({ method: 'PATCH', url: `${exceptionsUrl()}/${id}`, payload: { kind: 'special_hours', opens: '10:00', closes: '13:00' } });
    expect(special.statusCode).toBe(200);
    expect(special.json()).toMatchObject({ kind: 'special_hours', opens: '10:00', closes: '13:00', label: 'Santo António' });
    const backToHoliday = await manager.request({ method: 'PATCH', url: `${exceptionsUrl()}/${id}`, payload: { kind: 'holiday' } });
    expect(backToHoliday.json()).toMatchObject({ kind: 'holiday', opens: null, closes: null });

    const listed = await manager.request({ method: 'GET', url: `${exceptionsUrl()}?from=2030-01-01&to=2030-12-31` });
    expect(listed.json().map((exception: { id: string }) => exception.id)).toEqual([id]);
    expect((await manager.request({ method: 'DELETE', url: `${exceptionsUrl()}/${id}` })).statusCode).toBe(204);
    expect((await manager.request({ method: 'DELETE', url: `${exceptionsUrl()}/${id}` })).statusCode).toBe(404);
  });

  it('refuses hours on holidays and special days without hours', async () => {
    const withHours = await manager.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2030-01-01', kind: 'holiday', opens: '09:00', closes: '10:00' } });
    expect(withHours.statusCode).toBe(400);
    expect(fieldPaths(withHours).sort()).toEqual(['body.closes', 'body.opens']);
    const without = await manager.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2030-01-02', kind: 'special_hours', opens: '09:00' } });
    expect(fieldPaths(without)).toEqual(['body.closes']);
    const reversed = await manager.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2030-01-02', kind: 'special_hours', opens: '12:00', closes: '09:00' } });
    expect(fieldPaths(reversed)).toEqual(['body.closes']);
  });

  it('answers the effective hours per day, exceptions overriding the week', async () => {
    await admin.request({ method: 'PUT', url: hoursUrl(), payload: { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '18:30' })) } });
    await admin.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2031-12-25', kind: 'holiday', label: 'Natal' } });
    await admin.request({ method: 'POST', url: exceptionsUrl(), payload: { date: '2031-12-24', kind: 'special_hours', opens: '08:30', closes: '13:00' } });
    const response = await admin.request({ method: 'GET', url: `/api/v1/centres/${centreId}/opening?from=2031-12-23&to=2031-12-27` });
    expect(response.statusCode).toBe(200);
    const days = response.json().days.map((day: { date: string; open: boolean; source: string; intervals: { opens: string; closes: string }[] }) => [
      day.date,
      day.open,
      day.source,
      day.intervals.map((interval) => `${interval.opens}-${interval.closes}`).join(','),
    ]);
    expect(days).toEqual([
      ['2031-12-23', true, 'week', '08:30-18:30'],
      ['2031-12-24', true, 'special_hours', '08:30-13:00'],
      ['2031-12-25', false, 'holiday', ''],
      ['2031-12-26', true, 'week', '08:30-18:30'],
      ['2031-12-27', false, 'week', ''],
    ]);
  });

  it('refuses a reversed or too long range', async () => {
    const reversed = await admin.request({ method: 'GET', url: `/api/v1/centres/${centreId}/opening?from=2031-12-23&to=2031-12-01` });
    expect(reversed.statusCode).toBe(400);
    expect(fieldPaths(reversed)).toEqual(['querystring.to']);
    expect((await admin.request({ method: 'GET', url: `/api/v1/centres/${centreId}/opening?from=2031-01-01&to=2033-01-01` })).statusCode).toBe(400);
  });
});
