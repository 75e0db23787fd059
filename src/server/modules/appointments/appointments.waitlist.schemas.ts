import { z } from 'zod';
import { CalendarDate } from '../network/network.schemas.js';
import { Contact } from './appointments.schemas.js';

export const WaitlistJoinInput = z
  .object({
    centreId: z.uuid(),
    serviceId: z.uuid(),
    contact: Contact,
    fromDate: CalendarDate.describe('First day the person could come (centre time zone)'),
    toDate: CalendarDate.describe('Last day the person could come; the entry ends after it'),
    altcha: z.string().max(8000).optional().describe('The solved proof-of-work challenge (base64), when required'),
  })
  .refine((input) => input.fromDate <= input.toDate, { path: ['toDate'], message: 'must not be before fromDate' });
export type WaitlistJoinInput = z.infer<typeof WaitlistJoinInput>;

export const WaitlistJoined = z.object({
  id: z.uuid(),
  secret: z.string().describe('For the "leave the waiting list" link; shown once'),
  expiresAt: z.string(),
});
export type WaitlistJoined = z.infer<typeof WaitlistJoined>;

export const WaitlistLeaveInput = z.object({ id: z.uuid(), secret: z.string().min(16).max(64) });
export type WaitlistLeaveInput = z.infer<typeof WaitlistLeaveInput>;
