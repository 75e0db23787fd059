import { z } from 'zod';

/** Screens, kiosks and the person's phone: what the public side of the queue reads and sends (docs/queue.md). */

const LocalisedText = z.record(z.string(), z.string());
const Language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt" or "uk"');

export const DEVICE_KINDS = ['screen', 'kiosk'] as const;

export const CentreParams = z.object({ centreId: z.uuid() });
export type CentreParams = z.infer<typeof CentreParams>;

// ── Devices (managed by staff) ───────────────────────────────────────────────────────────────────

export const DeviceInput = z.object({
  kind: z.enum(DEVICE_KINDS),
  label: z.string().trim().min(1, 'must not be empty').max(120).describe('Where it stands: "Hall, floor 0"'),
  unitId: z.uuid().nullable().optional().describe('Only this unit (a floor or wing); omit for the whole centre'),
});
export type DeviceInput = z.infer<typeof DeviceInput>;

export const DeviceView = z.object({
  id: z.uuid(),
  kind: z.enum(DEVICE_KINDS),
  centreId: z.uuid(),
  unitId: z.uuid().nullable(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const NewDeviceView = z.object({
  device: DeviceView,
  token: z.string().describe('Shown once: only its hash is stored'),
  path: z.string().describe('The page to open on the device, with the token'),
});
export type NewDeviceView = z.infer<typeof NewDeviceView>;

export const DeviceList = z.object({ items: z.array(DeviceView) });
export type DeviceList = z.infer<typeof DeviceList>;

export const DailyQuotaInput = z.object({ dailyQuota: z.int().min(1).max(10_000).nullable().describe('Tickets a kiosk may issue per day; null: no limit') });
export type DailyQuotaInput = z.infer<typeof DailyQuotaInput>;
export const DailyQuotaView = z.object({ serviceId: z.uuid(), dailyQuota: z.int().nullable() });
export type DailyQuotaView = z.infer<typeof DailyQuotaView>;
export const DailyQuotaList = z.object({
  day: z.string().describe("The centre's local day the counts are of"),
  items: z.array(
    z.object({
      serviceId: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      serviceNames: z.record(z.string(), z.string()),
      ticketPrefix: z.string(),
      dailyQuota: z.int().nullable(),
      issuedToday: z.int().describe('Tickets of the service today, from every origin'),
    }),
  ),
});
export type DailyQuotaList = z.infer<typeof DailyQuotaList>;

// ── Information screen ───────────────────────────────────────────────────────────────────────────

export const DisplayQuery = z.object({ token: z.string().min(16).max(200).describe('The screen token') });
export type DisplayQuery = z.infer<typeof DisplayQuery>;

export const DisplayStreamQuery = DisplayQuery.extend({
  lastEventId: z.string().regex(/^\d{1,15}$/, 'expected the id of the last event received').optional(),
});
export type DisplayStreamQuery = z.infer<typeof DisplayStreamQuery>;

/** One call on a screen: a ticket number and where to go. Nothing personal. */
export const DisplayCall = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  counterLabel: z.string(),
  serviceNames: LocalisedText,
  callCount: z.int(),
  at: z.string(),
});
export type DisplayCall = z.infer<typeof DisplayCall>;

export const DisplayState = z.object({
  centre: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), announcementLanguages: z.array(z.string()) }),
  screen: z.object({ label: z.string(), unitId: z.uuid().nullable() }),
  calls: z.array(DisplayCall).describe("Today's latest calls, newest first"),
});
export type DisplayState = z.infer<typeof DisplayState>;

// ── Kiosk ────────────────────────────────────────────────────────────────────────────────────────

export const KioskHeaders = z.looseObject({
  'x-device-token': z.string().min(16).max(200).describe('The kiosk token'),
});
export type KioskHeaders = z.infer<typeof KioskHeaders>;

export const KioskIssueHeaders = KioskHeaders.extend({
  'idempotency-key': z.string().trim().min(8).max(128).optional().describe('Repeating a request with the same key returns the first answer'),
});
export type KioskIssueHeaders = z.infer<typeof KioskIssueHeaders>;

export const LocalTime = z.object({ date: z.string(), time: z.string() }).describe("Day and time on the centre's clock");

export const KioskService = z.object({
  id: z.uuid(),
  names: LocalisedText,
  unitName: z.string(),
  state: z.enum(['open', 'closed', 'full']),
  waiting: z.int().describe('Tickets waiting for this service now'),
  estimatedMinutes: z.int().nullable().describe('Wait of a ticket issued now; null when no counter serves it'),
});
export type KioskService = z.infer<typeof KioskService>;

export const KioskState = z.object({
  centre: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  kiosk: z.object({ label: z.string() }),
  open: z.boolean(),
  nextOpening: LocalTime.nullable().describe('When the centre opens next, if closed now (within two weeks)'),
  services: z.array(KioskService),
});
export type KioskState = z.infer<typeof KioskState>;

export const KioskTicketInput = z.object({
  serviceId: z.uuid(),
  language: Language.describe('The language the person chose on the kiosk'),
});
export type KioskTicketInput = z.infer<typeof KioskTicketInput>;

export const KioskTicket = z.object({
  publicCode: z.string().describe('Opens /t/:code; printed as a QR code'),
  number: z.string(),
  serviceNames: LocalisedText,
  centreName: z.string(),
  language: z.string(),
  ahead: z.int().nullable(),
  estimatedMinutes: z.int().nullable(),
  issuedAt: z.string(),
});
export type KioskTicket = z.infer<typeof KioskTicket>;
