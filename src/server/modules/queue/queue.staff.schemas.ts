import { z } from 'zod';
import { CounterStateView, VisitView } from './queue.schemas.js';

/** Shapes of the reads behind the staff surfaces: counter choice, reception list, centre board. */

export const MyCounter = z.object({
  counter: CounterStateView,
  unitName: z.string(),
  centreName: z.string(),
  serviceIds: z.array(z.uuid()),
  noShowAfterCalls: z.number().int().describe("The unit's number of calls before a no-show may be recorded"),
});
export type MyCounter = z.infer<typeof MyCounter>;

export const MyCounters = z.object({ items: z.array(MyCounter) });
export type MyCounters = z.infer<typeof MyCounters>;

export const CentreVisitsQuery = z.object({
  origin: z.enum(['reception', 'kiosk', 'appointment']).optional().describe('Only visits opened there'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type CentreVisitsQuery = z.infer<typeof CentreVisitsQuery>;

export const CentreVisits = z.object({
  day: z.string().describe("The centre's local day"),
  items: z.array(VisitView).describe('Newest first'),
});
export type CentreVisits = z.infer<typeof CentreVisits>;

export const BoardUnit = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  waiting: z.number().int(),
  longestWaitMinutes: z.number().int().nullable().describe('null when nobody waits'),
  atCounters: z.number().int().describe('Tickets called or being served now'),
  countersOpen: z.number().int(),
  countersPaused: z.number().int(),
  counters: z.number().int().describe('Counters of the unit (not archived)'),
  servedToday: z.number().int(),
  noShowsToday: z.number().int(),
});
export type BoardUnit = z.infer<typeof BoardUnit>;

export const CentreBoard = z.object({
  centreId: z.uuid(),
  centreName: z.string(),
  day: z.string(),
  timeZone: z.string(),
  units: z.array(BoardUnit),
});
export type CentreBoard = z.infer<typeof CentreBoard>;
