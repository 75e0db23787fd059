import { z } from 'zod';
import { PartnerRef, SectionName } from './casefile.schemas.js';

export const ReferralStatus = z.enum(['sent', 'accepted', 'rejected', 'done', 'revoked']);

export const ReferralInput = z
  .object({
    fromUnitId: z.uuid(),
    toUnitId: z.uuid().optional(),
    /** A partner association: its organisation in the service directory (GET /public/directory/partners). */
    partnerOrganizationId: z.uuid('expected the id of a partner organisation of the directory').optional(),
    /** The sending unit's sections the referral opens to the receiving unit while it is accepted. */
    sharedSections: z.array(SectionName).max(5).default([]).transform((list) => [...new Set(list)]),
    message: z.string().trim().max(4000).default(''),
  })
  .superRefine((r, ctx) => {
    if (Boolean(r.toUnitId) === Boolean(r.partnerOrganizationId)) ctx.addIssue({ code: 'custom', path: ['toUnitId'], message: 'expected either a receiving unit or a partner association' });
    if (r.toUnitId && r.toUnitId === r.fromUnitId) ctx.addIssue({ code: 'custom', path: ['toUnitId'], message: 'expected another unit' });
  });
export type ReferralInput = z.infer<typeof ReferralInput>;

const statusList = z
  .union([ReferralStatus, z.array(ReferralStatus)])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .optional();

export const ReferralListQuery = z.object({
  box: z.enum(['incoming', 'outgoing']).optional(),
  unitId: z.uuid().optional(),
  personId: z.uuid().optional(),
  status: z.preprocess((value) => (typeof value === 'string' && value.includes(',') ? value.split(',') : value), statusList),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const ReferralMoveInput = z.object({ note: z.string().trim().max(2000).optional() });
export const ReferralMoveParams = z.object({ id: z.uuid(), move: z.enum(['accept', 'reject', 'complete', 'revoke']) });

const Named = z.object({ id: z.uuid(), name: z.string() });
export const ReferralView = z.object({
  id: z.uuid(),
  person: Named,
  fromUnit: Named,
  toUnit: Named.nullable(),
  partnerName: z.string().nullable().describe('partner.name, kept for older clients'),
  partner: PartnerRef.nullable().describe('A referral to a partner association: name, phones and addresses from the directory'),
  sharedSections: z.array(SectionName),
  message: z.string(),
  status: ReferralStatus,
  sentBy: z.uuid().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  ageDays: z.int().describe('whole days since it was sent'),
  waitingDays: z.int().nullable().describe('whole days in its current open state (sent: waiting for an answer; accepted: in progress)'),
});
export type ReferralView = z.infer<typeof ReferralView>;
