import type { IntlShape } from 'react-intl';
import { nameIn, type PersonBooking, type TodaysTicket } from './phone-api.js';

/** Keeps a code (reference, ticket number) in reading order inside right-to-left text; spaced for speech. */
const isolated = (code: string) => `\u2066${[...code].join(' ')}\u2069`;

/**
 * The person's status as plain sentences in one language (the person's own when the interface has
 * it): what the operator reads out, and what "Listen" speaks. Shared with "my procedures".
 */
export function bookingSentence(intl: IntlShape, booking: Pick<PersonBooking, 'state' | 'serviceNames' | 'centreName' | 'startsAt' | 'timeZone' | 'reference'>): string {
  const when = new Date(booking.startsAt);
  return intl.formatMessage(
    { id: `procedures.say.booking.${booking.state === 'expired' || booking.state === 'held' ? 'cancelled' : booking.state}` },
    {
      service: nameIn(booking.serviceNames, intl.locale),
      centre: booking.centreName,
      date: intl.formatDate(when, { dateStyle: 'full', timeZone: booking.timeZone }),
      time: intl.formatTime(when, { timeStyle: 'short', timeZone: booking.timeZone }),
      reference: isolated(booking.reference),
    },
  );
}

export function ticketSentence(intl: IntlShape, ticket: Pick<TodaysTicket, 'number' | 'serviceNames' | 'state' | 'ahead' | 'estimatedMinutes' | 'counterLabel'>): string {
  const values = { number: isolated(ticket.number), service: nameIn(ticket.serviceNames, intl.locale), ahead: ticket.ahead ?? 0, minutes: ticket.estimatedMinutes ?? 0, counter: ticket.counterLabel ?? '' };
  if (ticket.state === 'waiting') return intl.formatMessage({ id: ticket.estimatedMinutes === null ? 'procedures.say.ticket.waitingNoEstimate' : 'procedures.say.ticket.waiting' }, values);
  if (ticket.state === 'called' || ticket.state === 'serving') return intl.formatMessage({ id: 'procedures.say.ticket.called' }, values);
  if (ticket.state === 'done') return intl.formatMessage({ id: 'procedures.say.ticket.done' }, values);
  return intl.formatMessage({ id: 'procedures.say.ticket.other' }, values);
}

/** Everything to tell, upcoming and active first; an empty status says so. */
export function statusSentences(intl: IntlShape, bookings: PersonBooking[], tickets: TodaysTicket[], now = new Date()): string[] {
  const upcoming = bookings.filter((booking) => booking.state === 'booked' && new Date(booking.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const lines = [...tickets.map((ticket) => ticketSentence(intl, ticket)), ...upcoming.map((booking) => bookingSentence(intl, booking))];
  return lines.length ? lines : [intl.formatMessage({ id: 'procedures.say.nothing' })];
}
