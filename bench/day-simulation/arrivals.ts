import type { PriorityReason } from '../../src/server/db/types.js';
import { seededRandom } from '../../src/server/demo/demo-visitors.js';

/**
 * A CNAI day in Lisbon as the day simulation replays it: who arrives when, for what, with which
 * priority or appointment, and how long each person's service will take. Everything comes from one
 * seed, so the ordering policy and plain FIFO are run on exactly the same people.
 */

/** Share of the day's arrivals in each local hour (08:30–18:30 opening; last tickets before 17:45). */
export const HOURLY_PROFILE: ReadonlyArray<{ from: number; to: number; share: number }> = [
  { from: 8.5, to: 9, share: 0.05 },
  // The morning peak: people come before work and for the first appointments.
  { from: 9, to: 10, share: 0.13 },
  { from: 10, to: 11, share: 0.15 },
  { from: 11, to: 12, share: 0.14 },
  // Lunch dip.
  { from: 12, to: 13, share: 0.09 },
  { from: 13, to: 14, share: 0.07 },
  { from: 14, to: 15, share: 0.11 },
  { from: 15, to: 16, share: 0.11 },
  { from: 16, to: 17, share: 0.09 },
  { from: 17, to: 17.75, share: 0.06 },
];

/**
 * Relative demand per service code of the demo catalogue (src/server/demo/demo-services.ts). Chosen
 * so the busiest units (immigration, social security) run at 80–90 % of their counters' capacity
 * over the day, and above it in the morning peak, as at a real centre; support offices are quieter.
 */
export const SERVICE_MIX: Readonly<Record<string, number>> = {
  'PERMIT-RENEW': 70, 'PERMIT-NEW': 25, REUNIF: 10, 'CASE-INFO': 60,
  NISS: 80, BENEFITS: 40,
  'LABOUR-INFO': 30, 'LABOUR-COMPLAINT': 15,
  CITIZENSHIP: 25, 'CIVIL-REG': 25,
  'SNS-NUMBER': 55, SCHOOL: 20, NIF: 60, IRS: 15,
  TRIAGE: 100, INFO: 60,
  LEGAL: 25, 'REUNIF-HELP': 12, SOCIAL: 20, JOBS: 20, BUSINESS: 6, HOUSING: 12, QUALIF: 10, 'PT-COURSE': 25, VICTIMS: 4, RETURN: 3,
};

/** Services people book ahead: the agencies' long procedures. */
const BOOKABLE = new Set(['PERMIT-RENEW', 'PERMIT-NEW', 'REUNIF', 'NISS', 'BENEFITS', 'CITIZENSHIP', 'CIVIL-REG', 'IRS', 'LEGAL']);
/** Of the arrivals for a bookable service, this share comes with an appointment. */
const APPOINTMENT_SHARE = 0.25;
const PRIORITY_REASONS: PriorityReason[] = ['elderly', 'pregnancy', 'disability', 'small_children'];

export interface Arrival {
  serial: number;
  /** Minutes after local midnight. */
  at: number;
  serviceCode: string;
  priorityReasons: PriorityReason[];
  /** Minutes after local midnight of the appointment, when the person has one. */
  appointmentAt: number | null;
  /** How long this person's service takes (minutes), whoever serves them. */
  serviceMinutes: number;
}

/**
 * `count` arrivals: times drawn from the hourly profile; appointments on the half hour between
 * 09:00 and 17:00, checked in 0–25 minutes before (one in ten 1–10 minutes late); 6 % with a
 * priority reason, 1 % emergencies; service times log-normal around the service's typical duration
 * (σ = 0.45: most take between 60 % and 160 % of it).
 */
export function simulatedArrivals(seed: number, count: number, typicalMinutes: ReadonlyMap<string, number>): Arrival[] {
  const random = seededRandom(seed);
  const codes = Object.keys(SERVICE_MIX).filter((code) => typicalMinutes.has(code));
  const total = codes.reduce((sum, code) => sum + SERVICE_MIX[code]!, 0);
  const arrivals: Arrival[] = [];
  for (let serial = 0; serial < count; serial++) {
    let hour = HOURLY_PROFILE[0]!;
    let draw = random();
    for (const slot of HOURLY_PROFILE) {
      hour = slot;
      if (draw < slot.share) break;
      draw -= slot.share;
    }
    let at = (hour.from + random() * (hour.to - hour.from)) * 60;
    let pickDraw = random() * total;
    let serviceCode = codes[0]!;
    for (const code of codes) {
      serviceCode = code;
      if (pickDraw < SERVICE_MIX[code]!) break;
      pickDraw -= SERVICE_MIX[code]!;
    }
    let appointmentAt: number | null = null;
    if (BOOKABLE.has(serviceCode) && random() < APPOINTMENT_SHARE) {
      appointmentAt = Math.min(17 * 60, Math.max(9 * 60, Math.round(at / 30) * 30));
      at = random() < 0.1 ? appointmentAt + 1 + random() * 9 : appointmentAt - random() * 25;
    }
    const class_ = random();
    const priorityReasons: PriorityReason[] = class_ < 0.01 ? ['emergency'] : class_ < 0.07 ? [PRIORITY_REASONS[Math.floor(random() * PRIORITY_REASONS.length)]!] : [];
    const serviceMinutes = typicalMinutes.get(serviceCode)! * Math.exp(0.45 * gaussian(random) - 0.45 ** 2 / 2);
    arrivals.push({ serial, at, serviceCode, priorityReasons, appointmentAt, serviceMinutes: Math.max(1, serviceMinutes) });
  }
  return arrivals.sort((a, b) => a.at - b.at || a.serial - b.serial);
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
