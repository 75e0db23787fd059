import { z } from 'zod';
import { isCountryCode } from '../network/network.validation.js';

/**
 * A partner organisation as the back-office form edits it (docs/directory.md, "Partners kept by
 * hand"): one document with its locations and services, written to the HSDS tables in one go.
 * The same limits as an import (directory.hsds.ts), so a partner kept by hand always exports.
 */
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optional = (max: number) => z.string().trim().max(max).nullable().default(null);

export const PARTNER_TYPES = ['association', 'ngo', 'municipal'] as const;
export const PartnerType = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerType>;

export const PartnerPhone = z.object({
  number: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,24}$/, 'expected a phone number such as +351 210 000 000'),
  type: z.enum(['voice', 'cell', 'text', 'fax', 'textphone', 'video', 'pager']).default('voice'),
});

export const PartnerSchedule = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1, 'choose at least one day').max(7),
    opensAt: time,
    closesAt: time,
  })
  .superRefine((schedule, context) => {
    if (new Set(schedule.days).size !== schedule.days.length) context.addIssue({ code: 'custom', path: ['days'], message: 'a day is listed twice' });
    if (schedule.closesAt <= schedule.opensAt) context.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after the opening time' });
  });

export const PartnerLocation = z.object({
  /** Absent for a new location. */
  id: z.uuid().optional(),
  name: optional(500),
  address1: required(500),
  address2: optional(500),
  postalCode: text(20).default(''),
  city: required(200),
  country: z.string().refine(isCountryCode, 'expected an ISO 3166 country code such as PT').default('PT'),
  phones: z.array(PartnerPhone).max(10).default([]),
  schedules: z.array(PartnerSchedule).max(14).default([]),
});

export const PartnerService = z.object({
  /** Absent for a new service. */
  id: z.uuid().optional(),
  name: required(500),
  description: text(5000).default(''),
  url: z.url('expected a web address').nullable().default(null),
  email: z.email('expected an e-mail address').nullable().default(null),
  status: z.enum(['active', 'inactive', 'temporarily closed', 'defunct']).default('active'),
  applicationProcess: optional(2000),
  feesDescription: optional(2000),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'expected a language code such as pt, uk or zh-Hans')).max(40).default([]),
  phones: z.array(PartnerPhone).max(10).default([]),
  schedules: z.array(PartnerSchedule).max(14).default([]),
  requiredDocuments: z.array(required(1000)).max(30).default([]),
  /** Positions in the partner's `locations` where the service is offered. */
  locations: z.array(z.int().min(0)).max(20).default([]),
});

export const PartnerInput = z
  .object({
    name: required(500),
    alternateName: optional(500),
    description: text(5000).default(''),
    partnerType: PartnerType,
    email: z.email('expected an e-mail address').nullable().default(null),
    website: z.url('expected a web address').nullable().default(null),
    locations: z.array(PartnerLocation).max(20).default([]),
    services: z.array(PartnerService).min(1, 'a partner offers at least one service').max(50),
  })
  .superRefine((partner, context) => {
    partner.services.forEach((service, index) => {
      service.locations.forEach((position, at) => {
        if (position >= partner.locations.length) context.addIssue({ code: 'custom', path: ['services', index, 'locations', at], message: 'no such location' });
      });
      if (new Set(service.languages).size !== service.languages.length) context.addIssue({ code: 'custom', path: ['services', index, 'languages'], message: 'a language is listed twice' });
    });
  });
export type PartnerInput = z.output<typeof PartnerInput>;

const ScheduleView = z.object({ days: z.array(z.enum(WEEKDAYS)), opensAt: z.string(), closesAt: z.string() });
const PhoneView = z.object({ number: z.string(), type: z.string() });

export const PartnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string(),
  /** Null for an imported partner that came without one. */
  partnerType: PartnerType.nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  origin: z.enum(['network', 'manual', 'import']),
  lastModified: z.string(),
  locations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      address1: z.string(),
      address2: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
      phones: z.array(PhoneView),
      schedules: z.array(ScheduleView),
    }),
  ),
  services: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      description: z.string(),
      url: z.string().nullable(),
      email: z.string().nullable(),
      status: z.enum(['active', 'inactive', 'temporarily closed', 'defunct']),
      applicationProcess: z.string().nullable(),
      feesDescription: z.string().nullable(),
      languages: z.array(z.string()),
      phones: z.array(PhoneView),
      schedules: z.array(ScheduleView),
      requiredDocuments: z.array(z.string()),
      locations: z.array(z.int()),
    }),
  ),
});
export type PartnerView = z.infer<typeof PartnerView>;

export const PartnerSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  partnerType: PartnerType.nullable(),
  origin: z.enum(['network', 'manual', 'import']),
  services: z.int(),
  lastModified: z.string(),
});
export type PartnerSummary = z.infer<typeof PartnerSummary>;
