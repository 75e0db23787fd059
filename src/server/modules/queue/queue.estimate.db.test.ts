import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { instantAt } from '../appointments/appointments.time.js';
import { centreQueue } from './queue.read.service.js';
import type { VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, session, type QueueWorld } from './queue.test-fixtures.js';

/** Waiting-time estimates count on counters' planned breaks (docs/queue.md, "Waiting-time estimates"). */

let t: TestApp;
let w: QueueWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 2);
});
afterAll(() => t?.close());

describe('waiting-time estimates and planned breaks', () => {
  it('counts a counter paused on its break as back at its end, and an open one as away during its break', async () => {
    const manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
    const plan = (counterId: string, breaks: { starts: string; ends: string }[]) => manager.request({ method: 'PATCH', url: `/api/v1/counters/${counterId}`, payload: { breaks } });
    expect((await plan(w.counters[1]!, [{ starts: '11:30', ends: '12:40' }])).statusCode).toBe(200);
    expect((await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`)).statusCode).toBe(200);
    expect((await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/open`)).statusCode).toBe(200);
    expect((await post(w.officers[1]!, `/api/v1/counters/${w.counters[1]}/pause`)).statusCode).toBe(200);
    const tickets: string[] = [];
    for (let i = 0; i < 4; i++) tickets.push((await issue(w, [w.serviceA])).json<VisitView>().tickets[0]!.id);
    const { local_day: day } = await t.db.selectFrom('tickets').select('local_day').where('id', '=', tickets[0]!).executeTakeFirstOrThrow();
    const noon = instantAt('Europe/Lisbon', String(day), 12 * 60);
    const minutes = async () => {
      const queue = await centreQueue(t.db, w.centreId, 'Europe/Lisbon', noon);
      return tickets.map((id) => queue.estimates.get(id)?.minutes);
    };
    // Service A takes 15 minutes (no service finished yet: its typical duration). Counter 1 takes
    // the line; counter 2 joins at 12:40, the end of its break.
    expect(await minutes()).toEqual([0, 15, 30, 40]);
    // Counter 1 goes on its break when it finishes a ticket between 12:20 and 13:00.
    expect((await plan(w.counters[0]!, [{ starts: '12:20', ends: '13:00' }])).statusCode).toBe(200);
    expect(await minutes()).toEqual([0, 15, 40, 55]);
    // Paused outside its plan, a counter has no known return: not counted.
    expect((await plan(w.counters[1]!, [])).statusCode).toBe(200);
    expect(await minutes()).toEqual([0, 15, 60, 75]);
  });
});
