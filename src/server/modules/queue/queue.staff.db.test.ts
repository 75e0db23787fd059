import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { CounterQueueView, TicketView, VisitView } from './queue.schemas.js';
import type { CentreBoard, CentreVisits, MyCounters } from './queue.staff.schemas.js';
import { createQueueWorld, issue, post, session, type QueueWorld } from './queue.test-fixtures.js';

/** The reads behind the staff surfaces: counter choice, reception's day, the centre board. */

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 2);
});
afterAll(() => t?.close());

const board = async (who = w.reception) => {
  const response = await who.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-board` });
  return { status: response.statusCode, body: response.json<CentreBoard>() };
};
const unitRow = (body: CentreBoard, unitId: string) => body.units.find((unit) => unit.unitId === unitId)!;

describe('counter choice', () => {
  it('lists only the counters of the units one serves at, with their state and no-show rule', async () => {
    await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`);
    const mine = (await w.officers[0]!.request({ method: 'GET', url: '/api/v1/queue/my-counters' })).json<MyCounters>();
    expect(mine.items.map((item) => item.counter.counterId).sort()).toEqual([...w.counters].sort());
    const first = mine.items.find((item) => item.counter.counterId === w.counters[0])!;
    expect(first.counter.state).toBe('open');
    expect(first.serviceIds).toEqual([w.serviceA]);
    expect(first.noShowAfterCalls).toBe(3);
    const theirs = (await w.officerB.request({ method: 'GET', url: '/api/v1/queue/my-counters' })).json<MyCounters>();
    expect(theirs.items.map((item) => item.counter.counterId)).toEqual([w.counterB]);
    // Reception issues tickets but serves at no counter.
    const reception = (await w.reception.request({ method: 'GET', url: '/api/v1/queue/my-counters' })).json<MyCounters>();
    expect(reception.items).toEqual([]);
  });
});

describe('the centre board', () => {
  it('counts waiting, longest wait, open counters and served tickets per unit', async () => {
    const before = await board();
    expect(before.status).toBe(200);
    expect(unitRow(before.body, w.unitId)).toMatchObject({ waiting: 0, longestWaitMinutes: null, countersOpen: 1, counters: 2, servedToday: 0 });
    await issue(w, [w.serviceA]);
    await issue(w, [w.serviceA, w.serviceB]);
    const waiting = await board();
    expect(unitRow(waiting.body, w.unitId)).toMatchObject({ waiting: 2, longestWaitMinutes: 0, atCounters: 0 });
    // The second ticket of the two-service visit is pending, not waiting yet.
    expect(unitRow(waiting.body, w.unit2Id)).toMatchObject({ waiting: 0, countersOpen: 0 });

    const called = (await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/call-next`)).json<{ ticket: TicketView }>().ticket;
    await post(w.officers[0]!, `/api/v1/queue/tickets/${called.id}/start`);
    expect(unitRow((await board()).body, w.unitId)).toMatchObject({ waiting: 1, atCounters: 1 });
    await post(w.officers[0]!, `/api/v1/queue/tickets/${called.id}/end`, { outcome: 'resolved' });
    await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/open`);
    await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/pause`);
    expect(unitRow((await board()).body, w.unitId)).toMatchObject({ waiting: 1, atCounters: 0, servedToday: 1, countersOpen: 1, countersPaused: 1 });
  });

  it('shows a unit grant its own units only, and refuses a stranger', async () => {
    const unitManager = await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: w.unit2Id }], 'manager-b');
    const own = await board(unitManager);
    expect(own.status).toBe(200);
    expect(own.body.units.map((unit) => unit.unitId)).toEqual([w.unit2Id]);
    const other = await createQueueWorld(t, 1);
    const stranger = await board(other.reception);
    expect(stranger.status).toBe(404);
    const translator = await session(t, [{ role: 'translator', scopeType: 'centre', scopeId: w.centreId }], 'translator');
    expect((await board(translator)).status).toBe(403);
  });
});

describe("reception's day", () => {
  it("lists today's visits newest first with their tickets, for reception only", async () => {
    const visit = (await issue(w, [w.serviceA, w.serviceB], { interpreterNeeded: true, priorityReasons: ['elderly'] })).json<VisitView>();
    const response = await w.reception.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue/visits?origin=reception` });
    expect(response.statusCode).toBe(200);
    const day = response.json<CentreVisits>();
    expect(day.items[0]!.id).toBe(visit.id);
    expect(day.items[0]!.tickets.map((ticket) => ticket.state)).toEqual(['waiting', 'pending']);
    expect(day.items[0]).toMatchObject({ interpreterNeeded: true, priorityReasons: ['elderly'] });
    expect(day.items.length).toBe(3);
    expect((await w.officers[0]!.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue/visits` })).statusCode).toBe(403);
    const kiosk = (await w.reception.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue/visits?origin=kiosk` })).json<CentreVisits>();
    expect(kiosk.items).toEqual([]);
  });
});

describe('parked tickets at the counter', () => {
  it("lists today's parked tickets of the counter's services so they can be resumed", async () => {
    await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/open`);
    const called = (await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/call-next`)).json<{ ticket: TicketView }>().ticket;
    expect((await post(w.officers[1]!, `/api/v1/queue/tickets/${called.id}/park`, { note: 'fetching the passport' })).statusCode).toBe(200);
    const view = (await w.officers[0]!.request({ method: 'GET', url: `/api/v1/counters/${w.counters[0]}/queue` })).json<CounterQueueView>();
    expect(view.parked.map((ticket) => ticket.id)).toEqual([called.id]);
    expect(view.waiting.map((ticket) => ticket.id)).not.toContain(called.id);
    const resumed = await post(w.officers[0]!, `/api/v1/queue/tickets/${called.id}/resume`, { counterId: w.counters[0] });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = (await w.officers[0]!.request({ method: 'GET', url: `/api/v1/counters/${w.counters[0]}/queue` })).json<CounterQueueView>();
    expect(after.parked).toEqual([]);
  });
});
